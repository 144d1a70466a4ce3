package dev.rootbot.actions.fleet;

import dev.rootbot.actions.RootTasks;
import dev.rootbot.actions.TaskObserver;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.Throttling;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The fleet deletion (task {@code delete-root-credentials-fleet}): in each account an audit found with root
 * credentials, deletes exactly those, with {@link DeleteRootCredentials} bound to the audit's fingerprint through
 * {@link RootTasks#run}: an account whose credentials changed since the audit is skipped and reported, nothing
 * deleted. Accounts run a few at a time, as many as {@link AdaptiveConcurrency} allows (it backs off when AWS
 * throttles), never one root session per account all at once.
 *
 * <p>Never runs an account twice silently: the listener hears that an account started before its root session and
 * first change call, and a resumed deletion is given the accounts that started and never finished, which it reports
 * UNKNOWN without running them. An account is never tried again within a run either: unlike the audit, a retry
 * could repeat a change. {@link Cancellation} stops it after the accounts in flight.
 *
 * <p>Thread-safe; {@link #run} blocks, and {@code workers} must have a thread for each account in flight.
 * {@code tasks} should read the organization's features once for the run, not once per account.
 */
public final class FleetDeletion {
  private final RootTasks tasks;
  private final Throttling throttling;
  private final Executor workers;
  private final Clock clock;
  private final ConcurrencyBounds bounds;

  /** @param clients the clients {@code tasks}' root sessions use: their throttling signal paces the deletion */
  public FleetDeletion(AwsClients clients, RootTasks tasks, Executor workers, Clock clock, ConcurrencyBounds bounds) {
    this.tasks = tasks;
    this.throttling = clients.throttling();
    this.workers = workers;
    this.clock = clock;
    this.bounds = bounds;
  }

  /**
   * Deletes in the {@code targets} that have no outcome in {@code earlier}, telling {@code listener} of each step,
   * until all are done, {@code cancel} is cancelled, or the listener throws. Blocks until then.
   *
   * @param earlier the outcomes a resumed deletion stored before: not run again, and counted in the progress
   * @param startedEarlier accounts a resumed deletion had started without an outcome: each ends UNKNOWN, first, and
   *     is not run
   */
  public DeletionOutcome run(List<DeletionTarget> targets, Collection<AccountDeletion> earlier,
      Set<AccountId> startedEarlier, DeletionListener listener, Cancellation cancel) {
    Instant started = clock.instant();
    var concurrency = new AdaptiveConcurrency(bounds, clock);
    DeletionListener serial = new OneAtATime(listener);
    Set<AccountId> wanted = targets.stream().map(t -> t.account().id()).collect(Collectors.toSet());
    DeletionTally tally = new DeletionTally(targets.size());
    Set<AccountId> done = new HashSet<>();
    for (AccountDeletion outcome : earlier) {
      if (wanted.contains(outcome.account().id()) && done.add(outcome.account().id())) {
        tally.add(outcome, false);
      }
    }
    List<DeletionTarget> rest = new ArrayList<>();
    for (DeletionTarget target : targets) {
      AccountId id = target.account().id();
      if (done.contains(id)) {
        continue;
      }
      if (!startedEarlier.contains(id)) {
        rest.add(target);
        continue;
      }
      AccountDeletion unknown = interrupted(target);
      tally.add(unknown, false);
      try {
        serial.finished(unknown, tally.progress(elapsed(started)));
      } catch (Exception e) {
        return new DeletionOutcome(FleetEnd.STOPPED, tally.progress(elapsed(started)),
            Optional.of("an outcome could not be recorded: " + e.getMessage()), concurrency.stats());
      }
    }
    FleetRunner.Ended ended;
    try (var heard = throttling.listen(call -> {
      if (call.rootSession() || call.service().equals("sts")) {
        concurrency.throttled();
      }
    })) {
      ended = new FleetRunner<DeletionTarget, AccountDeletion>(workers, concurrency, clock).run(rest,
          (target, attempt) -> Optional.of(delete(target, serial)),
          outcome -> {
            tally.add(outcome, true);
            serial.finished(outcome, tally.progress(elapsed(started)));
          }, cancel);
    }
    return new DeletionOutcome(ended.end(), tally.progress(elapsed(started)), ended.stoppedBecause(),
        ended.concurrency());
  }

  private AccountDeletion delete(DeletionTarget target, DeletionListener listener) {
    try {
      listener.started(target.account());
    } catch (Exception e) {
      throw new FleetRunner.Stop("could not record that account " + target.account().label() + " started, so it was"
          + " not run: " + e.getMessage(), e);
    }
    AccountId id = target.account().id();
    Snapshot audited = target.snapshot();
    TaskResult result = tasks.run(new DeleteRootCredentials(id), Optional.of(audited), new TaskObserver() {
      @Override
      public void sessionStarted(String accessKeyId, Instant expiresAt) {
        try {
          listener.sessionStarted(id, accessKeyId, expiresAt);
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }

      @Override
      public void backupTaken(Backup backup) {
        // Deleted credentials cannot be put back: the delete task keeps no backup.
      }
    });
    return outcome(target, result);
  }

  private AccountDeletion outcome(DeletionTarget target, TaskResult result) {
    switch (result.status()) {
      case SUCCEEDED:
        return new AccountDeletion(target.account(), AccountDeletion.Status.DELETED, result.headline(),
            Optional.empty(), result.accessKeyId(), clock.instant());
      case CHANGED_SINCE_APPROVAL:
        String now = result.found().map(f -> " Now: " + f.finding().headline()).orElse("");
        return new AccountDeletion(target.account(), AccountDeletion.Status.CHANGED_SINCE_AUDIT, "Skipped account "
            + target.account().label() + ": its root credentials changed since the audit (sha256 "
            + target.fingerprint().shortForm() + " audited, " + result.found().map(f -> f.fingerprint().shortForm())
            .orElse("?") + " now), so nothing was deleted." + now + " Audit it again to include it.",
            Optional.empty(), result.accessKeyId(), clock.instant());
      case UNKNOWN:
        return new AccountDeletion(target.account(), AccountDeletion.Status.UNKNOWN, result.headline(),
            result.failure(), result.accessKeyId(), clock.instant());
      default:
        return new AccountDeletion(target.account(), AccountDeletion.Status.FAILED, result.headline(),
            result.failure(), result.accessKeyId(), clock.instant());
    }
  }

  /** An account a resumed deletion finds started and not finished. */
  private AccountDeletion interrupted(DeletionTarget target) {
    return new AccountDeletion(target.account(), AccountDeletion.Status.UNKNOWN, "Rootbot stopped while it was"
        + " deleting root credentials in account " + target.account().label() + ", so whether it deleted any is"
        + " unknown. It was not run again: audit the account to see what is there now, and check the root session's"
        + " calls in CloudTrail.", Optional.of(TaskFailure.Reason.ANSWER_LOST), Optional.empty(), clock.instant());
  }

  private Duration elapsed(Instant since) {
    return Duration.between(since, clock.instant());
  }

  /** The listener, heard one call at a time, whichever account's thread calls. */
  private static final class OneAtATime implements DeletionListener {
    private final DeletionListener listener;

    OneAtATime(DeletionListener listener) {
      this.listener = listener;
    }

    @Override
    public synchronized void started(TargetAccount account) throws Exception {
      listener.started(account);
    }

    @Override
    public synchronized void sessionStarted(AccountId account, String accessKeyId, Instant expiresAt)
        throws Exception {
      listener.sessionStarted(account, accessKeyId, expiresAt);
    }

    @Override
    public synchronized void finished(AccountDeletion outcome, DeletionProgress progress) throws Exception {
      listener.finished(outcome, progress);
    }
  }
}
