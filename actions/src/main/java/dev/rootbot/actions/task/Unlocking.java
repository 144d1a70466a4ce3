package dev.rootbot.actions.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plan of an unlock, for a bucket or a queue: remove the resource policy that was read, keeping it as the
 * backup. Its fingerprint is the task's identifier, the resource (account, name or URL, real region) and the
 * policy in its {@link PolicyDocument#canonical canonical} form, or "none".
 */
final class Unlocking implements TaskPlan {
  private final TaskContext context;
  private final RootTask task;
  private final PolicyCalls calls;
  private final Optional<PolicyDocument> current;

  private Unlocking(TaskContext context, RootTask task, PolicyCalls calls, Optional<PolicyDocument> current) {
    this.context = context;
    this.task = task;
    this.calls = calls;
    this.current = current;
  }

  /** Reads the policy; {@code asRun} gives the task as it will run, from the region the resource was found in. */
  static Unlocking read(TaskContext context, PolicyCalls calls, Function<AwsRegion, RootTask> asRun) {
    Optional<PolicyDocument> current = calls.policy();
    context.step(calls.readAction(), current
        .map(policy -> "read the current policy (" + policy.describe() + "; " + policy.sizeInBytes() + " bytes)")
        .orElse(calls.resourceWords() + " has no policy; nothing to remove"));
    return new Unlocking(context, asRun.apply(calls.region()), calls, current);
  }

  @Override
  public RootTask task() {
    return task;
  }

  @Override
  public Snapshot snapshot() {
    Fingerprint fingerprint = calls.fingerprint(task, "policy " + current.map(PolicyDocument::canonical).orElse("none"));
    if (current.isEmpty()) {
      return new Snapshot(new Finding("There is no policy on " + calls.resourceWords() + " in " + calls.region()
          + "; there is nothing to unlock.", calls.whereFound()), fingerprint);
    }
    List<Finding.Section> sections = new ArrayList<>(calls.whereFound());
    sections.add(new Finding.Section("Current " + calls.policyWords(), current.get().pretty(), true));
    return new Snapshot(new Finding("Will remove the " + calls.policyWords() + " of " + calls.name() + " in "
        + calls.region() + " (" + current.get().describe() + ").", sections), fingerprint);
  }

  @Override
  public boolean changesNothing() {
    return current.isEmpty();
  }

  @Override
  public TaskReport apply() {
    String none = "no " + calls.policyWords();
    if (current.isEmpty()) {
      return report(calls.resourceStartingASentence() + " had no " + calls.policyWords() + "; nothing was changed.",
          none, none);
    }
    context.keepBackup(calls.backup(current.get()));
    calls.remove();
    context.step(calls.removeAction(), calls.removeDetail());
    if (calls.policy().isPresent()) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED, "AWS accepted the change but " + calls.resourceWords()
          + " still has a policy. Check it before retrying.");
    }
    context.step(calls.readAction(), "verified: " + none);
    return removed();
  }

  @Override
  public Recheck recheck() {
    Optional<PolicyDocument> now = calls.policy();
    context.step(calls.readAction(), now.isEmpty() ? "re-read: no " + calls.policyWords()
        : "re-read: " + calls.resourceWords() + " still has a policy");
    if (now.isEmpty()) {
      return Recheck.applied(removed());
    }
    return Recheck.notApplied(report(calls.resourceStartingASentence() + " still has a policy ("
        + now.get().describe() + ").", current.get().json(), now.get().json()));
  }

  private TaskReport removed() {
    return report("Removed the " + calls.policyWords() + " of " + calls.name()
        + "; the previous policy is kept as the backup." + calls.removalNote(),
        current.orElseThrow().json(), "no " + calls.policyWords());
  }

  private TaskReport report(String headline, String before, String after) {
    return new TaskReport(headline, before, after, calls.region());
  }
}
