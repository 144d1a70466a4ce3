package dev.rootbot.actions.fleet;

import dev.rootbot.actions.org.Preflight;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.OpenRootSession;
import dev.rootbot.actions.session.RootSession;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.session.Throttling;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.actions.task.TaskContext;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskKind;
import dev.rootbot.actions.task.TaskPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * The fleet audit (task {@code audit-fleet}): reads the root user's credentials in each target account, each in a
 * root session of its own with {@code IAMAuditRootUserCredentials} that only reads, a few accounts at a time.
 *
 * <p>How many at a time adapts to AWS ({@link AdaptiveConcurrency}): it grows while calls succeed and halves when
 * AWS throttles one ({@code Throttling}, {@code SlowDown}, {@code TooManyRequestsException}, as the shared
 * {@link Throttling} signal hears them), within {@link ConcurrencyBounds}. Every session's clients share the one
 * HTTP client of {@link AwsClients}, and a session lives only while its account is in flight, so memory does not
 * grow with the fleet: results go to the {@link AuditListener} as each account completes and are not kept here.
 *
 * <p>An account AWS keeps throttling, or that AWS could not be reached for, is tried again later (up to three
 * times; it only reads). A resumed audit is given the results stored before and audits only the other accounts.
 * {@link Cancellation} stops it after the accounts in flight.
 *
 * <p>Thread-safe: audits may run at once, each calling {@link #run} on its own thread. {@code workers} must have a
 * thread for each account in flight ({@code ConcurrencyBounds.max()}); {@code reads} runs each account's reads in
 * parallel and must have threads to spare (about six per account in flight), or be {@code Runnable::run} for reads
 * in sequence.
 */
public final class FleetAudit {
  static final int ATTEMPTS = 3;
  private static final TaskPolicy POLICY = TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS;
  /** The calls an account's audit makes in its root session (no account summary: the report has no use for it). */
  static final Set<String> READS = Set.of("iam:GetUser", "iam:GetLoginProfile", "iam:ListAccessKeys",
      "iam:GetAccessKeyLastUsed", "iam:ListSigningCertificates", "iam:ListMFADevices");

  private final RootSessions sessions;
  private final Throttling throttling;
  private final OrganizationsClient organizations;
  private final Preflight preflight;
  private final Executor workers;
  private final Executor reads;
  private final Clock clock;
  private final ConcurrencyBounds bounds;

  /**
   * @param clients the bot's clients: their {@link AwsClients#throttling()} signal and Organizations client
   * @param preflight names the SCP when AWS says one denied a root session
   */
  public FleetAudit(AwsClients clients, RootSessions sessions, Preflight preflight, Executor workers, Executor reads,
      Clock clock, ConcurrencyBounds bounds) {
    this.sessions = sessions;
    this.throttling = clients.throttling();
    this.organizations = clients.organizations();
    this.preflight = preflight;
    this.workers = workers;
    this.reads = reads;
    this.clock = clock;
    this.bounds = bounds;
  }

  /**
   * Audits the {@code targets} that {@code earlier} has no result for, telling {@code listener} of each result as
   * it completes, until all are done, {@code cancel} is cancelled, or the listener throws. Blocks until then.
   *
   * @param earlier the results a resumed audit stored before (empty for a new audit): not audited again, and counted
   *     in the progress
   */
  public AuditOutcome run(List<TargetAccount> targets, Collection<AccountAudit> earlier, AuditListener listener,
      Cancellation cancel) {
    Instant started = clock.instant();
    Set<AccountId> wanted = targets.stream().map(TargetAccount::id).collect(Collectors.toSet());
    AuditTally tally = new AuditTally(targets.size());
    Set<AccountId> done = new HashSet<>();
    for (AccountAudit audit : earlier) {
      if (wanted.contains(audit.account().id()) && done.add(audit.account().id())) {
        tally.add(audit, false);
      }
    }
    List<TargetAccount> rest = targets.stream().filter(t -> !done.contains(t.id())).collect(Collectors.toList());
    var concurrency = new AdaptiveConcurrency(bounds, clock);
    var blocks = new ScpBlocks(preflight, POLICY, READS);
    FleetRunner.Ended ended;
    try (var heard = throttling.listen(call -> {
      if (call.rootSession() || call.service().equals("sts")) {
        concurrency.throttled();
      }
    })) {
      ended = new FleetRunner<TargetAccount, AccountAudit>(workers, concurrency, clock).run(rest,
          (target, attempt) -> audit(target, attempt, concurrency, blocks),
          result -> {
            tally.add(result, true);
            listener.completed(result, tally.progress(elapsed(started)));
          }, cancel);
    }
    return new AuditOutcome(ended.end(), tally.progress(elapsed(started)), ended.stoppedBecause(), ended.concurrency());
  }

  private Optional<AccountAudit> audit(TargetAccount target, int attempt, AdaptiveConcurrency concurrency,
      ScpBlocks blocks) {
    OpenRootSession session;
    try {
      session = sessions.openReadOnly(target.id(), POLICY);
    } catch (SdkException e) {
      return failed(target, attempt, e, Optional.empty(), concurrency, blocks);
    }
    try (session) {
      RootCredentials found = AuditRootCredentials.credentials(new Reading(session, reads));
      return Optional.of(AccountAudit.found(target, found,
          found.fingerprint(TaskKind.DELETE_ROOT_CREDENTIALS, target.id()), session.accessKeyId(), clock.instant()));
    } catch (SdkException e) {
      return failed(target, attempt, e, Optional.of(session.accessKeyId()), concurrency, blocks);
    }
  }

  /** The account's failure, or empty to try it again later: when AWS throttled it or did not answer. */
  private Optional<AccountAudit> failed(TargetAccount target, int attempt, SdkException e, Optional<String> key,
      AdaptiveConcurrency concurrency, ScpBlocks blocks) {
    boolean throttled = Throttling.isThrottling(e);
    if (throttled) {
      concurrency.throttled(); // the SDK's last attempt, which its retry strategy does not report
    }
    boolean worthAnotherTry = throttled || !(e instanceof AwsServiceException) || ((AwsServiceException) e).statusCode() >= 500;
    if (worthAnotherTry && attempt < ATTEMPTS) {
      return Optional.empty();
    }
    return Optional.of(AccountAudit.failed(target, explain(target, e, key.isEmpty(), attempt, blocks), key,
        clock.instant()));
  }

  private AccountAudit.Failure explain(TargetAccount target, SdkException e, boolean atAssumeRoot, int attempts,
      ScpBlocks blocks) {
    if (!(e instanceof AwsServiceException)) {
      return failure(TaskFailure.Reason.AWS_ERROR, "Could not reach AWS for account " + target.label() + " after "
          + attempts + " tries (" + e.getMessage() + "). Audit it again later.");
    }
    var aws = (AwsServiceException) e;
    String code = AwsAnswer.code(aws);
    String message = AwsAnswer.message(aws);
    if (Throttling.isThrottling(e)) {
      return failure(TaskFailure.Reason.AWS_ERROR, "AWS kept throttling the audit of account " + target.label()
          + " after " + attempts + " tries (" + code + ": " + message + "). Audit it again later.");
    }
    if (code.startsWith("AccessDenied") && message.contains("service control policy")) {
      return blocks.explain(target, message);
    }
    if (code.startsWith("AccessDenied") && atAssumeRoot) {
      Optional<String> state = state(target.id());
      if (state.isPresent() && !state.get().equals("ACTIVE")) {
        return failure(TaskFailure.Reason.ACCOUNT_NOT_ACTIVE, "Account " + target.label() + " is " + state.get()
            + " now, not ACTIVE; AWS opens root sessions only in active member accounts.");
      }
      return failure(TaskFailure.Reason.ACCESS_DENIED, "AWS refused AssumeRoot in account " + target.label() + ": "
          + message + ". The bot must run in the management account or the IAM delegated administrator account,"
          + " with sts:AssumeRoot allowed, and root sessions must be enabled.");
    }
    if (code.startsWith("ExpiredToken")) {
      return failure(TaskFailure.Reason.SESSION_EXPIRED, "The root session for account " + target.label()
          + " expired before its reads finished. Audit it again.");
    }
    if (code.startsWith("AccessDenied")) {
      return failure(TaskFailure.Reason.ACCESS_DENIED, "AWS denied the root session in account " + target.label()
          + ": " + message);
    }
    return failure(TaskFailure.Reason.AWS_ERROR, "AWS answered " + code + " for account " + target.label() + ": "
        + message);
  }

  /** The account's state in Organizations now, if it can be read. */
  private Optional<String> state(AccountId id) {
    try {
      var account = organizations.describeAccount(r -> r.accountId(id.value())).account();
      return Optional.ofNullable(account.stateAsString() != null ? account.stateAsString() : account.statusAsString());
    } catch (SdkException unreadable) {
      return Optional.empty();
    }
  }

  private static AccountAudit.Failure failure(TaskFailure.Reason reason, String explanation) {
    return new AccountAudit.Failure(reason, explanation, Optional.empty());
  }

  private Duration elapsed(Instant since) {
    return Duration.between(since, clock.instant());
  }

  /** The context of one account's reads: its session, reads in parallel, no steps kept, never a backup. */
  private record Reading(RootSession session, Executor parallel) implements TaskContext {
    @Override
    public void step(String action, String detail) {
      // A fleet keeps each account's result, not its calls: CloudTrail has those under the session's key.
    }

    @Override
    public void keepBackup(Backup backup) {
      throw new IllegalStateException("an audit changes nothing, so it keeps no backup");
    }
  }
}
