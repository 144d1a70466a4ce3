package dev.rootbot.actions;

import dev.rootbot.actions.session.OpenRootSession;
import dev.rootbot.actions.session.RootSession;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.task.TaskContext;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskPlan;
import dev.rootbot.actions.task.TaskReport;
import dev.rootbot.actions.trail.TrailLink;
import dev.rootbot.actions.trail.TrailLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One root session's work for one task, a preview or a run: the context the task sees (session, steps, backup)
 * and the words of its result. A run's failure says "Nothing was changed." only while that is true: a session
 * was opened and no change call it sent may have been done.
 */
final class Run implements TaskContext {
  private final RootTask task;
  private final Optional<Snapshot> approved;
  private final TaskObserver observer;
  private final Supplier<AccountId> caller;
  private final AwsRegion stsRegion;
  private final Executor parallel;
  private final Clock clock;
  private final Instant startedAt;
  private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<OpenRootSession> session = new AtomicReference<>();
  private final AtomicReference<Backup> backup = new AtomicReference<>();
  private final AtomicReference<TaskPlan> plan = new AtomicReference<>();

  Run(RootTask task, Optional<Snapshot> approved, TaskObserver observer, Supplier<AccountId> caller,
      AwsRegion stsRegion, Executor parallel, Clock clock) {
    this.task = task;
    this.approved = approved;
    this.observer = observer;
    this.caller = caller;
    this.stsRegion = stsRegion;
    this.parallel = parallel;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /** The session exists: tells the observer, which must record its key before anything is done with it. */
  void started(OpenRootSession opened) {
    session.set(opened);
    try {
      observer.sessionStarted(opened.accessKeyId(), opened.expiresAt());
    } catch (RuntimeException e) {
      throw new TaskFailure(TaskFailure.Reason.NOT_RECORDED, "Could not record the root session (key "
          + opened.accessKeyId() + ") in Rootbot's store, so it was not used. Try again.", e);
    }
  }

  /** The task's first read is done. */
  TaskPlan planned(TaskPlan made) {
    plan.set(made);
    return made;
  }

  @Override
  public RootSession session() {
    return session.get();
  }

  @Override
  public void step(String action, String detail) {
    Step step = new Step(clock.instant(), action, detail);
    steps.add(step);
    observer.step(step);
  }

  @Override
  public void keepBackup(Backup kept) {
    try {
      observer.backupTaken(kept);
    } catch (RuntimeException e) {
      throw new TaskFailure(TaskFailure.Reason.BACKUP_NOT_STORED,
          "Could not store the backup, so Rootbot stopped before the change. Try again when the bot's store is"
              + " available.", e);
    }
    backup.set(kept);
  }

  @Override
  public Executor parallel() {
    return parallel;
  }

  /** Whether a change call of this run may have been done: one was sent, and AWS did not refuse it. */
  boolean mayHaveChanged() {
    return Optional.ofNullable(session.get()).map(s -> s.changes().mayHaveChanged()).orElse(false);
  }

  TaskResult succeeded(TaskReport report) {
    return result(TaskResult.Status.SUCCEEDED, Optional.empty(), report.headline(), Optional.of(report),
        report.eventsRegion());
  }

  /** A failure in the task's own words, or AWS's, and whether anything was changed, when that is known. */
  TaskResult failed(TaskFailure failure) {
    String headline = failure.explanation();
    if (session.get() != null && !mayHaveChanged()) {
      headline += " Nothing was changed.";
    }
    return result(TaskResult.Status.FAILED, Optional.of(failure.reason()), headline, Optional.empty(), eventsRegion());
  }

  /** A failure after a change call, whose headline already says what a re-read showed. */
  TaskResult failedAfterChange(TaskFailure.Reason reason, String headline, TaskReport report) {
    return result(TaskResult.Status.FAILED, Optional.of(reason), headline, Optional.of(report), report.eventsRegion());
  }

  TaskResult unknown(String headline) {
    return result(TaskResult.Status.UNKNOWN, Optional.of(TaskFailure.Reason.ANSWER_LOST), headline, Optional.empty(),
        eventsRegion());
  }

  TaskResult changedSinceApproval(String headline) {
    return result(TaskResult.Status.CHANGED_SINCE_APPROVAL, Optional.empty(), headline, Optional.empty(),
        eventsRegion());
  }

  /** The preview's answer once the first read is done. */
  Preview preview() {
    TaskPlan made = plan.get();
    Snapshot snapshot = made.snapshot();
    return preview(made.changesNothing() ? Preview.Status.NOTHING_TO_DO : Preview.Status.WILL_CHANGE,
        snapshot.finding().headline(), Optional.of(snapshot), Optional.empty());
  }

  /** A preview that could not read; a bucket or queue that is not there is {@link Preview.Status#MISSING}. */
  Preview previewFailed(TaskFailure failure) {
    return preview(failure.reason() == TaskFailure.Reason.NOT_FOUND ? Preview.Status.MISSING : Preview.Status.FAILED,
        failure.explanation(), Optional.empty(), Optional.of(failure.reason()));
  }

  private Preview preview(Preview.Status status, String headline, Optional<Snapshot> snapshot,
      Optional<TaskFailure.Reason> failure) {
    return new Preview(status, asRun(), headline, snapshot, failure, List.copyOf(steps), accessKeyId(),
        links(eventsRegion()), startedAt, clock.instant());
  }

  private TaskResult result(TaskResult.Status status, Optional<TaskFailure.Reason> failure, String headline,
      Optional<TaskReport> report, AwsRegion eventsRegion) {
    Optional<Snapshot> found = Optional.ofNullable(plan.get()).map(TaskPlan::snapshot);
    return new TaskResult(task, status, failure, headline, report, approved, found, List.copyOf(steps),
        Optional.ofNullable(backup.get()), accessKeyId(), links(eventsRegion), startedAt, clock.instant());
  }

  /** The task as it runs: after the first read, with what it learned (a bucket's real region). */
  private RootTask asRun() {
    return Optional.ofNullable(plan.get()).map(TaskPlan::task).orElse(task);
  }

  private AwsRegion eventsRegion() {
    return asRun().eventsRegion();
  }

  private Optional<String> accessKeyId() {
    return Optional.ofNullable(session.get()).map(OpenRootSession::accessKeyId);
  }

  private List<TrailLink> links(AwsRegion eventsRegion) {
    List<TrailLink> links = new ArrayList<>();
    accessKeyId().ifPresent(key -> {
      try {
        links.add(TrailLinks.assumeRootCalls(caller.get(), stsRegion));
      } catch (RuntimeException unknownCaller) {
        // The result matters more than one link; the session's own link below still correlates.
      }
      links.add(TrailLinks.sessionCalls(task.target(), eventsRegion, key));
    });
    return links;
  }
}
