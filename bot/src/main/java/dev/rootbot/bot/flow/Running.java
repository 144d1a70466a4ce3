package dev.rootbot.bot.flow;

import dev.rootbot.actions.RootTasks;
import dev.rootbot.actions.TaskObserver;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.trail.TrailConfirmation;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.logging.RequestLog;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs approved requests: stores RUNNING before anything reaches AWS, runs the task in its own root session,
 * stores the session's key as soon as AWS issues it and the backup before anything changes, then the
 * outcome with its report for the thread. Afterwards, in the background, waits for CloudTrail to deliver the
 * AssumeRoot event and posts its link.
 *
 * <p>{@link #run} blocks for the length of the task; call it on the task executor.
 */
public final class Running {
  /** Something that finds the AssumeRoot event of a session key, e.g. {@link TrailConfirmation#confirm}. */
  public interface Confirmer {
    Optional<TrailConfirmation.Confirmed> confirm(String accessKeyId, Instant issuedAt) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(Running.class);
  private static final int FINISH_ATTEMPTS = 5;

  private final Store store;
  private final RootTasks tasks;
  private final Executor confirmations;
  private final Confirmer confirmer;
  private final Runnable nudge;
  private final Metrics metrics;

  public Running(Store store, RootTasks tasks, Executor confirmations, Confirmer confirmer, Runnable nudge,
      Metrics metrics) {
    this.store = store;
    this.tasks = tasks;
    this.confirmations = confirmations;
    this.confirmer = confirmer;
    this.nudge = nudge;
    this.metrics = metrics;
  }

  public void run(RootRequest approved) {
    RequestId id = approved.id();
    // RUNNING is stored before the first AWS call: after a crash, a request still APPROVED did nothing.
    if (store.requests().move(id, Transition.start(), r -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""))).isEmpty()) {
      return;
    }
    nudge.run();
    TaskResult result = tasks.run(approved.task(), new TaskObserver() {
      @Override
      public void sessionStarted(String accessKeyId, Instant expiresAt) {
        store.requests().sessionStarted(id, accessKeyId);
        store.outbox().enqueue(id, new Outgoing(Outgoing.Kind.UPDATE_CARD, ""));
        nudge.run();
      }

      @Override
      public void backupTaken(Backup backup) {
        store.requests().keepBackup(id, backup);
      }
    });
    metrics.taskFinished(approved.task(), result);
    finish(id, result);
    result.accessKeyId().ifPresent(key -> confirmations.execute(
        () -> RequestLog.run(id.value(), () -> confirm(id, key, result.startedAt()))));
  }

  private void finish(RequestId id, TaskResult result) {
    Outcome outcome = new Outcome(result.headline(), result.steps().stream()
        .map(step -> new Outcome.Step(step.action(), step.detail())).collect(Collectors.toList()));
    Transition end = result.succeeded() ? Transition.succeed(outcome) : Transition.fail(outcome);
    for (int attempt = 1; ; attempt++) {
      try {
        store.requests().move(id, end, after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
            new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.result(after, result).toJson())));
        nudge.run();
        return;
      } catch (RuntimeException e) {
        if (attempt == FINISH_ATTEMPTS) {
          // The request stays RUNNING; the next start marks it UNKNOWN and points at CloudTrail.
          log.error("Could not store the outcome of request {} ({}); it will show as UNKNOWN", id.value(),
              result.succeeded() ? "succeeded" : "failed", e);
          return;
        }
        pause(Duration.ofMillis(250L << attempt));
      }
    }
  }

  private void confirm(RequestId id, String key, Instant issuedAt) {
    try {
      String reply = confirmer.confirm(key, issuedAt)
          .map(event -> ThreadReplies.confirmed(key, event.link()).toJson())
          .orElse(ThreadReplies.note(":hourglass: CloudTrail had not delivered the AssumeRoot event for root session key "
              + Mrkdwn.code(key) + " after 15 minutes. Check again later with the links above.").toJson());
      store.outbox().enqueue(id, new Outgoing(Outgoing.Kind.THREAD_REPLY, reply));
      nudge.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Could not confirm the AssumeRoot event of request {} in CloudTrail", id.value(), e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
