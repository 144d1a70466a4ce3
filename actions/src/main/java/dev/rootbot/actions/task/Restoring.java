package dev.rootbot.actions.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plan of a restore, for a bucket or a queue: put the saved policy back, keeping the one it replaces as the
 * backup. There is nothing to do when the resource already holds the saved policy. Its fingerprint is the task's
 * identifier, the resource (account, name or URL, real region), the saved policy and the current one (or "none"),
 * each in its {@link PolicyDocument#canonical canonical} form.
 */
final class Restoring implements TaskPlan {
  private final TaskContext context;
  private final RootTask task;
  private final PolicyCalls calls;
  private final PolicyDocument saved;
  private final Optional<PolicyDocument> current;

  private Restoring(TaskContext context, RootTask task, PolicyCalls calls, PolicyDocument saved,
      Optional<PolicyDocument> current) {
    this.context = context;
    this.task = task;
    this.calls = calls;
    this.saved = saved;
    this.current = current;
  }

  static Restoring read(TaskContext context, PolicyCalls calls, PolicyDocument saved,
      Function<AwsRegion, RootTask> asRun) {
    Optional<PolicyDocument> current = calls.policy();
    context.step(calls.readAction(), current
        .map(policy -> "read the current policy (" + policy.describe() + "; " + policy.sizeInBytes() + " bytes); "
            + (holdsSaved(current, saved) ? "it is the saved policy already" : "it will be replaced"))
        .orElse(calls.resourceWords() + " has no policy now"));
    return new Restoring(context, asRun.apply(calls.region()), calls, saved, current);
  }

  @Override
  public RootTask task() {
    return task;
  }

  @Override
  public Snapshot snapshot() {
    List<Finding.Section> sections = new ArrayList<>(calls.whereFound());
    sections.add(new Finding.Section("Policy to put back", saved.pretty(), true));
    sections.add(current.map(policy -> new Finding.Section("There now", policy.pretty(), true))
        .orElse(new Finding.Section("There now", "no " + calls.policyWords(), false)));
    String headline = changesNothing()
        ? calls.resourceStartingASentence() + " in " + calls.region() + " already holds the saved policy; there is"
            + " nothing to restore."
        : "Will put back the saved " + calls.policyWords() + " of " + calls.name() + " in " + calls.region() + " ("
            + saved.describe() + "), " + current.map(policy -> "replacing the current one (" + policy.describe() + ").")
                .orElse("which has no policy now.");
    return new Snapshot(new Finding(headline, sections), calls.fingerprint(task, "saved " + saved.canonical(),
        "current " + current.map(PolicyDocument::canonical).orElse("none")));
  }

  @Override
  public boolean changesNothing() {
    return holdsSaved(current, saved);
  }

  @Override
  public TaskReport apply() {
    if (changesNothing()) {
      return report(calls.resourceStartingASentence() + " already held the saved policy; nothing was changed.",
          saved.json());
    }
    current.ifPresent(policy -> context.keepBackup(calls.backup(policy)));
    calls.put(saved);
    context.step(calls.putAction(), "put the saved policy back (" + saved.sizeInBytes() + " bytes)");
    if (!holdsSaved(calls.policy(), saved)) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED, "AWS accepted the policy but " + calls.resourceWords()
          + " now holds a different one. Check it.");
    }
    context.step(calls.readAction(), "verified: " + calls.resourceWords() + " holds the saved policy");
    return restored();
  }

  @Override
  public Recheck recheck() {
    Optional<PolicyDocument> now = calls.policy();
    boolean restored = holdsSaved(now, saved);
    context.step(calls.readAction(), "re-read: " + calls.resourceWords()
        + (restored ? " holds the saved policy" : " does not hold the saved policy"));
    if (restored) {
      return Recheck.applied(restored());
    }
    return Recheck.notApplied(report(calls.resourceStartingASentence() + " does not hold the saved policy ("
        + now.map(policy -> "it holds " + policy.describe()).orElse("it has no policy") + ").",
        now.map(PolicyDocument::json).orElse("no " + calls.policyWords())));
  }

  private TaskReport restored() {
    return report("Restored the saved " + calls.policyWords() + " of " + calls.name() + ".", saved.json());
  }

  private TaskReport report(String headline, String after) {
    return new TaskReport(headline, current.map(PolicyDocument::json).orElse("no " + calls.policyWords()), after,
        calls.region());
  }

  private static boolean holdsSaved(Optional<PolicyDocument> policy, PolicyDocument saved) {
    return policy.isPresent() && Json.sameDocument(policy.get().json(), saved.json());
  }
}
