package dev.rootbot.actions;

import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.session.OpenRootSession;
import dev.rootbot.actions.session.RootSession;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskContext;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskReport;
import dev.rootbot.actions.trail.TrailLink;
import dev.rootbot.actions.trail.TrailLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs root tasks the careful way: checks the target and the organization's features before any
 * {@code AssumeRoot}, opens one root session per task, lets the task do its work through that session only,
 * and turns every failure into words the requester can act on. Never throws for an AWS failure: the result
 * says what happened.
 *
 * <p>Thread-safe: tasks may run concurrently, each in its own session.
 */
public final class RootTasks {
  private final OrganizationDirectory directory;
  private final Supplier<Set<String>> features;
  private final RootSessions sessions;
  private final ScpCheck scps;
  private final Supplier<AccountId> caller;
  private final AwsRegion stsRegion;
  private final Executor parallel;
  private final Clock clock;

  /**
   * @param features the organization's enabled root access features, read when a task starts
   * @param caller the bot's own account, where AssumeRoot is logged
   * @param parallel runs a task's independent reads at the same time
   */
  public RootTasks(OrganizationDirectory directory, Supplier<Set<String>> features, RootSessions sessions,
      ScpCheck scps, Supplier<AccountId> caller, AwsRegion stsRegion, Executor parallel, Clock clock) {
    this.directory = directory;
    this.features = features;
    this.sessions = sessions;
    this.scps = scps;
    this.caller = caller;
    this.stsRegion = stsRegion;
    this.parallel = parallel;
    this.clock = clock;
  }

  /**
   * Checks, without a root session, that {@code task} can be tried: the target is an active member account
   * and the organization has the features the task needs. Throws {@link TaskFailure} saying what to fix.
   */
  public void check(RootTask task) {
    directory.requireMember(task.target());
    Set<String> enabled = features.get();
    if (!enabled.contains(ReadinessCheck.ROOT_SESSIONS)) {
      throw new TaskFailure(TaskFailure.Reason.NOT_ENABLED, "Root sessions are not enabled for this organization."
          + " In the management account run: aws iam enable-organizations-root-sessions");
    }
    if (task.kind().needsCredentialsManagement() && !enabled.contains(ReadinessCheck.ROOT_CREDENTIALS_MANAGEMENT)) {
      throw new TaskFailure(TaskFailure.Reason.NOT_ENABLED, "Root credentials management is not enabled for this"
          + " organization. In the management account run: aws iam enable-organizations-root-credentials-management");
    }
  }

  /** Runs {@code task} in its own root session, telling {@code observer} of each step as it happens. */
  public TaskResult run(RootTask task, TaskObserver observer) {
    var run = new Run(task, observer);
    try {
      check(task);
      try (OpenRootSession session = openSession(task)) {
        run.session.set(session);
        try {
          observer.sessionStarted(session.accessKeyId(), session.expiresAt());
        } catch (RuntimeException e) {
          throw new TaskFailure(TaskFailure.Reason.NOT_RECORDED, "Could not record the root session (key "
              + session.accessKeyId() + ") in Rootbot's store, so nothing was done with it. Try again.", e);
        }
        TaskReport report = task.perform(run);
        return run.result(Optional.of(report), Optional.empty(), report.headline(), report.eventsRegion());
      }
    } catch (TaskFailure failure) {
      return run.failed(failure);
    } catch (AwsServiceException e) {
      return run.failed(explain(task, e));
    } catch (SdkException e) {
      return run.failed(new TaskFailure(TaskFailure.Reason.AWS_ERROR,
          "Could not reach AWS (" + e.getMessage() + "). Nothing more was done; check the CloudTrail links.", e));
    }
  }

  private OpenRootSession openSession(RootTask task) {
    try {
      return sessions.open(task.target(), task.policy());
    } catch (AwsServiceException e) {
      String code = code(e);
      if ("RegionDisabledException".equals(code) || "RegionDisabled".equals(code)) {
        throw new TaskFailure(TaskFailure.Reason.REGION_DISABLED, "STS is not activated in " + stsRegion
            + " for the bot's account. Activate it (IAM → Account settings → Security Token Service) or set"
            + " AWS_REGION to a region where it is active.", e);
      }
      if (code.startsWith("AccessDenied")) {
        throw new TaskFailure(TaskFailure.Reason.ACCESS_DENIED, "AWS refused AssumeRoot: " + message(e)
            + ". The bot must run in the management account or the IAM delegated administrator account, with"
            + " sts:AssumeRoot allowed, and root sessions must be enabled (aws iam enable-organizations-root-sessions).", e);
      }
      throw e;
    }
  }

  private TaskFailure explain(RootTask task, AwsServiceException e) {
    String code = code(e);
    String message = message(e);
    if (code.startsWith("ExpiredToken")) {
      return new TaskFailure(TaskFailure.Reason.SESSION_EXPIRED, "The root session expired (it lasts at most "
          + sessions.length().toMinutes() + " minutes) before the task finished. Nothing more was done; ask again.", e);
    }
    if (code.startsWith("AccessDenied") && message.contains("service control policy")) {
      return new TaskFailure(TaskFailure.Reason.SCP_DENIED, scpExplanation(task.target(), message), e);
    }
    if (code.startsWith("AccessDenied")) {
      return new TaskFailure(TaskFailure.Reason.ACCESS_DENIED, "AWS denied the root session: " + message, e);
    }
    return new TaskFailure(TaskFailure.Reason.AWS_ERROR, "AWS answered " + code + ": " + message, e);
  }

  private String scpExplanation(AccountId target, String message) {
    String found;
    try {
      var findings = scps.rootDenials(target);
      found = findings.isEmpty() ? "" : " The SCP " + findings.get(0).policyName() + " (" + findings.get(0).policyId()
          + "), attached to " + findings.get(0).attachedTo() + ", denies the root user without exempting root sessions.";
    } catch (SdkException unreadable) {
      found = "";
    }
    return "A service control policy denies this root session in account " + target + "." + found
        + " SCPs apply inside root sessions: add " + ScpCheck.exemption() + " to the Condition of the statement that"
        + " denies arn:aws:iam::*:root, so it spares AssumeRoot sessions. AWS said: " + message;
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
  }

  private static String message(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
        ? e.getMessage() : e.awsErrorDetails().errorMessage();
  }

  /** One task's run: its steps, its backup, and the context the task sees. */
  private final class Run implements TaskContext {
    private final RootTask task;
    private final TaskObserver observer;
    private final Instant startedAt = clock.instant();
    private final List<Step> steps = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<OpenRootSession> session = new AtomicReference<>();
    private final AtomicReference<Backup> backup = new AtomicReference<>();

    Run(RootTask task, TaskObserver observer) {
      this.task = task;
      this.observer = observer;
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
            "Could not store the backup, so nothing was changed. Try again when the bot's store is available.", e);
      }
      backup.set(kept);
    }

    @Override
    public Executor parallel() {
      return parallel;
    }

    TaskResult failed(TaskFailure failure) {
      return result(Optional.empty(), Optional.of(failure.reason()), failure.explanation(), task.eventsRegion());
    }

    TaskResult result(Optional<TaskReport> report, Optional<TaskFailure.Reason> failure, String headline,
        AwsRegion eventsRegion) {
      Optional<String> key = Optional.ofNullable(session.get()).map(OpenRootSession::accessKeyId);
      List<TrailLink> links = new ArrayList<>();
      key.ifPresent(k -> {
        try {
          links.add(TrailLinks.assumeRootCalls(caller.get(), stsRegion));
        } catch (RuntimeException unknownCaller) {
          // The result matters more than one link; the session's own link below still correlates.
        }
        links.add(TrailLinks.sessionCalls(task.target(), eventsRegion, k));
      });
      return new TaskResult(task, report, failure, headline, List.copyOf(steps), Optional.ofNullable(backup.get()),
          key, links, startedAt, clock.instant());
    }
  }
}
