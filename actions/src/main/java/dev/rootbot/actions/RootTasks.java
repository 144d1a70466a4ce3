package dev.rootbot.actions;

import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.org.OrganizationFeatures;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.session.ChangeCalls;
import dev.rootbot.actions.session.OpenRootSession;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Recheck;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskPlan;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs root tasks the careful way: checks the target and the organization's features before any
 * {@code AssumeRoot}, opens one root session per preview or run, lets the task work through that session only,
 * and turns every failure into words the requester can act on. Never throws for an AWS failure: the preview or
 * result says what happened.
 *
 * <p>What a result says is true in AWS: before any change call, "nothing was changed"; when a change's answer
 * is lost, a re-read in the same session decides between SUCCEEDED and FAILED, and when even that cannot tell,
 * the result is UNKNOWN, with the CloudTrail link of the session's calls.
 *
 * <p>Thread-safe: tasks may run concurrently, each in its own session.
 */
public final class RootTasks {
  private final OrganizationDirectory directory;
  private final OrganizationFeatures features;
  private final RootSessions sessions;
  private final Supplier<AccountId> caller;
  private final AwsRegion stsRegion;
  private final Executor parallel;
  private final Clock clock;
  private final AwsFailures failures;

  /**
   * @param features the organization's root access features; one a task needs that the last read lacked is read
   *     again before the task is refused
   * @param caller the bot's own account, where AssumeRoot is logged
   * @param parallel runs a task's independent reads at the same time
   */
  public RootTasks(OrganizationDirectory directory, OrganizationFeatures features, RootSessions sessions,
      ScpCheck scps, Supplier<AccountId> caller, AwsRegion stsRegion, Executor parallel, Clock clock) {
    this.directory = directory;
    this.features = features;
    this.sessions = sessions;
    this.caller = caller;
    this.stsRegion = stsRegion;
    this.parallel = parallel;
    this.clock = clock;
    this.failures = new AwsFailures(scps, sessions.length(), stsRegion);
  }

  /**
   * Checks, without a root session, that {@code task} can be tried: the target is an active member account
   * and the organization has the features the task needs. Throws {@link TaskFailure} saying what to fix.
   */
  public void check(RootTask task) {
    directory.requireMember(task.target());
    boolean needsCredentials = task.kind().needsCredentialsManagement();
    Set<String> enabled = features.enabled(needsCredentials
        ? Set.of(ReadinessCheck.ROOT_SESSIONS, ReadinessCheck.ROOT_CREDENTIALS_MANAGEMENT)
        : Set.of(ReadinessCheck.ROOT_SESSIONS));
    if (!enabled.contains(ReadinessCheck.ROOT_SESSIONS)) {
      throw new TaskFailure(TaskFailure.Reason.NOT_ENABLED, "Root sessions are not enabled for this organization."
          + " In the management account run: aws iam enable-organizations-root-sessions");
    }
    if (needsCredentials && !enabled.contains(ReadinessCheck.ROOT_CREDENTIALS_MANAGEMENT)) {
      throw new TaskFailure(TaskFailure.Reason.NOT_ENABLED, "Root credentials management is not enabled for this"
          + " organization. In the management account run: aws iam enable-organizations-root-credentials-management");
    }
  }

  /**
   * Reads what {@code task} would change, before anyone approves it: in a root session with the task's own
   * policy whose clients refuse any change call, making only the task's first reads. Tells {@code observer} the
   * session's key and each step, so the preview can be audited. Only for tasks that change something.
   *
   * @throws IllegalStateException if the task's plan tried a change call, which the session refused unsent: a bug
   */
  public Preview preview(RootTask task, TaskObserver observer) {
    if (!task.changes()) {
      throw new IllegalArgumentException(task.kind().id() + " changes nothing, so it needs no preview");
    }
    var run = new Run(task, Optional.empty(), observer, caller, stsRegion, parallel, clock);
    try {
      check(task);
      try (OpenRootSession session = openSession(task, true)) {
        run.started(session);
        run.planned(task.plan(run));
        return run.preview();
      }
    } catch (TaskFailure failure) {
      return run.previewFailed(failure);
    } catch (SdkException e) {
      return run.previewFailed(failures.explain(task, e));
    }
  }

  /**
   * Runs {@code task} in its own root session, telling {@code observer} of each step as it happens. When
   * {@code approved} is present, the first read must give its fingerprint, or nothing is changed and the result
   * is {@link TaskResult.Status#CHANGED_SINCE_APPROVAL}; with {@code Optional.empty()} (previews turned off) the
   * task acts on what it finds.
   */
  public TaskResult run(RootTask task, Optional<Snapshot> approved, TaskObserver observer) {
    var run = new Run(task, approved, observer, caller, stsRegion, parallel, clock);
    try {
      check(task);
      try (OpenRootSession session = openSession(task, false)) {
        run.started(session);
        TaskPlan plan = run.planned(task.plan(run));
        if (approved.isPresent()) {
          Snapshot found = plan.snapshot();
          if (!found.fingerprint().equals(approved.get().fingerprint())) {
            run.step("fingerprint", "sha256 " + found.fingerprint().shortForm() + " is not the approved "
                + approved.get().fingerprint().shortForm() + "; stopped before any change");
            return run.changedSinceApproval("Nothing was changed: what is there now is not what was approved"
                + " (sha256 " + approved.get().fingerprint().shortForm() + " approved, "
                + found.fingerprint().shortForm() + " now). Now: " + found.finding().headline()
                + " File the request again to approve what is there now.");
          }
          run.step("fingerprint", "sha256 " + found.fingerprint().shortForm() + " is the approved one");
        }
        try {
          return run.succeeded(plan.apply());
        } catch (SdkException e) {
          if (!session.changes().mayHaveChanged()) {
            throw e;
          }
          return recover(run, plan, session, e);
        }
      }
    } catch (TaskFailure failure) {
      return run.failed(failure);
    } catch (SdkException e) {
      return run.failed(failures.explain(task, e));
    }
  }

  /**
   * After a change call was sent and then a call failed: reads again in the same session, and says what that
   * shows. Rootbot never sends the change again itself; the SDK's own retries are all it gets.
   */
  private TaskResult recover(Run run, TaskPlan plan, OpenRootSession session, SdkException lost) {
    var sent = session.changes().sent();
    String actions = sent.stream().map(ChangeCalls.ChangeCall::action).distinct().collect(Collectors.joining(", "));
    boolean unanswered = sent.stream().anyMatch(call -> call.answer() == ChangeCalls.Answer.UNKNOWN
        || call.answer() == ChangeCalls.Answer.AWAITED);
    String failure = AwsFailures.describe(lost);
    String what = unanswered
        ? "Rootbot sent " + actions + " but got no clear answer (" + failure + ")."
        : "Rootbot sent " + actions + " and AWS accepted it, but reading the result failed (" + failure + ").";
    run.step("re-read", (unanswered ? "no clear answer to " : "could not read the result of ") + actions
        + "; reading again in the same root session");
    Recheck recheck;
    try {
      recheck = plan.recheck();
    } catch (TaskFailure | SdkException again) {
      String why = again instanceof SdkException ? failures.explain(plan.task(), (SdkException) again).explanation()
          : again.getMessage();
      return run.unknown(what + " Reading it back failed too (" + why + "), so whether AWS made the change is"
          + " unknown. Check " + plan.task().resource() + " and the root session's calls in CloudTrail (link below)"
          + " before asking again.");
    }
    TaskFailure.Reason reason = failures.explain(plan.task(), lost).reason();
    String reread = " A re-read in the same root session shows ";
    switch (recheck.effect()) {
      case APPLIED:
        return run.succeeded(recheck.report().withHeadline(recheck.report().headline() + " "
            + (unanswered ? "The answer to " + actions + " was lost" : "Reading the result failed once") + " ("
            + failure + "); a re-read in the same root session shows the change took effect."));
      case NOT_APPLIED:
        return run.failedAfterChange(reason, what + reread + "AWS did not apply it: " + recheck.report().headline()
            + " Nothing was changed.", recheck.report());
      default:
        return run.failedAfterChange(reason, what + reread + "only part of it was done: "
            + recheck.report().headline(), recheck.report());
    }
  }

  private OpenRootSession openSession(RootTask task, boolean readOnly) {
    try {
      return readOnly ? sessions.openReadOnly(task.target(), task.policy()) : sessions.open(task.target(), task.policy());
    } catch (AwsServiceException e) {
      throw failures.assumeRootRefused(task, e);
    }
  }
}
