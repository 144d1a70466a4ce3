package dev.rootbot.bot.flow;

import dev.rootbot.actions.RootTasks;
import dev.rootbot.actions.TaskObserver;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.logging.RequestLog;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.request.FleetTask;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.ReplicaId;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Requests;
import dev.rootbot.bot.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's runner: takes approved requests from the store, one per free worker, and runs each in its own
 * root session. Approved work waits in the store, not in a queue of this process, so a full runner leaves it
 * there for any replica ("queued" on its card), and a replica that dies takes nothing with it: what it had not
 * started is taken by another, what it was running becomes UNKNOWN once its lease ends (see {@link Sweeping}).
 *
 * <p>A run stores RUNNING (the claim) before anything reaches AWS, the session's key as soon as AWS issues it,
 * the backup before anything changes, then the outcome — which it never loses: if the store refuses it (the
 * request was declared UNKNOWN meanwhile), the real outcome still replaces UNKNOWN or is audited and told.
 */
public final class Running implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Running.class);
  /** How long a finishing run keeps trying to store its outcome while the store is unreachable. */
  private static final Duration FINISH_PATIENCE = Duration.ofMinutes(15);

  private final Store store;
  private final RootTasks tasks;
  private final ReplicaId me;
  private final Duration poll;
  private final Runnable nudge;
  private final Metrics metrics;
  private final RunningFleet fleet;
  private final Semaphore free;
  private final Semaphore wake = new Semaphore(0);
  private final ExecutorService workers;
  private final Thread dispatcher;
  private volatile boolean running = true;

  /**
   * @param workers how many tasks this replica runs at once
   * @param poll how often to look for approved work when nobody nudged (approvals on other replicas)
   * @param nudge wakes the outbox's sender after something was queued
   */
  public Running(Store store, RootTasks tasks, RunningFleet fleet, ReplicaId me, int workers, Duration poll,
      Runnable nudge, Metrics metrics) {
    this.fleet = fleet;
    this.store = store;
    this.tasks = tasks;
    this.me = me;
    this.poll = poll;
    this.nudge = nudge;
    this.metrics = metrics;
    this.free = new Semaphore(workers);
    var count = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(workers, runnable -> {
      var thread = new Thread(runnable, "rootbot-task-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.dispatcher = new Thread(this::dispatch, "rootbot-runner");
    this.dispatcher.setDaemon(true);
  }

  public Running start() {
    dispatcher.start();
    return this;
  }

  /** Something was approved here: look now rather than at the next poll. */
  public void nudge() {
    wake.release();
  }

  private void dispatch() {
    while (running) {
      try {
        free.acquire();
      } catch (InterruptedException e) {
        return;
      }
      if (!running) {
        return;
      }
      Optional<RootRequest> claimed = Optional.empty();
      try {
        if (running && store.requests().anyApproved()) {
          claimed = store.requests().claimNext(me, started -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, "")));
        }
      } catch (RuntimeException e) {
        log.warn("Runner: could not read approved requests from the store ({}); trying again", e.getMessage());
      }
      if (claimed.isPresent()) {
        RootRequest request = claimed.get();
        nudge.run();
        workers.execute(() -> {
          try {
            RequestLog.run(request.id().value(), () -> run(request));
          } catch (RuntimeException e) {
            log.error("Request {}: the run failed unexpectedly", request.id().value(), e);
          } finally {
            free.release();
          }
        });
        continue; // there may be more: look again at once
      }
      free.release();
      try {
        wake.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Runs a request this replica has claimed (it is RUNNING with this replica as its runner). */
  void run(RootRequest claimed) {
    RequestId id = claimed.id();
    if (claimed.work() instanceof FleetTask) {
      Instant began = Instant.now();
      RunningFleet.Ending ending = fleet.run(claimed);
      metrics.fleetTaskFinished(claimed.work().id(), claimed.work().policy().map(p -> p.policyName()).orElse("none"),
          ending.end().action().to().name(), Duration.between(began, Instant.now()));
      finish(id, ending.end(), ending.end().action().to().name(), ending.replies());
      ending.afterwards().ifPresent(Runnable::run);
      return;
    }
    // Bound to what the approver saw: the first read must find it, or nothing is changed.
    TaskResult result = tasks.run(claimed.rootTask().orElseThrow(), claimed.briefing().snapshot(), new TaskObserver() {
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
    metrics.taskFinished(claimed.rootTask().orElseThrow(), result);
    Outcome outcome = new Outcome(result.headline(), result.steps().stream()
        .map(step -> new Outcome.Step(step.action(), step.detail())).collect(Collectors.toList()));
    finish(id, end(result.status(), outcome), result.status().name(), after -> List.of(
        new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.result(after, result).toJson())));
  }

  /** Stores how the run ended, with the card's update and {@code replies}; never loses it (see the class doc). */
  private void finish(RequestId id, Transition end, String status, Report replies) {
    Instant giveUp = Instant.now().plus(FINISH_PATIENCE);
    for (int attempt = 1; ; attempt++) {
      try {
        Requests.Finish finish = store.requests().finish(id, me, end, after -> {
          List<Outgoing> messages = new ArrayList<>(List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, "")));
          messages.addAll(replies.messages(after));
          return messages;
        });
        nudge.run();
        if (finish.kind() == Requests.Finish.Kind.LATE) {
          log.error("Request {} was declared UNKNOWN while replica {} was still running it (its lease ran out);"
              + " the real outcome ({}) replaces UNKNOWN", id.value(), me, end.action().to());
        } else if (finish.kind() == Requests.Finish.Kind.REFUSED) {
          log.error("Request {} is {} and did not take the outcome of its task ({}); the outcome was audited and"
              + " posted in its thread", id.value(), finish.request().state(), end.action().to());
        }
        return;
      } catch (RuntimeException e) {
        if (Instant.now().isAfter(giveUp)) {
          log.error("Could not store the outcome of request {} ({}) for {}; it will show as UNKNOWN", id.value(),
              status, FINISH_PATIENCE, e);
          return;
        }
        log.warn("Could not store the outcome of request {} yet ({}); trying again", id.value(), e.getMessage());
        pause(Duration.ofMillis(Math.min(30_000, 250L << Math.min(attempt, 7))));
      }
    }
  }

  /** The move that tells the truth of how a task ended. */
  static Transition end(TaskResult.Status status, Outcome outcome) {
    switch (status) {
      case SUCCEEDED:
        return Transition.succeed(outcome);
      case UNKNOWN:
        return Transition.interrupt(outcome); // a change was sent and whether AWS made it cannot be known
      case FAILED:
      case CHANGED_SINCE_APPROVAL:
      default:
        return Transition.fail(outcome);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops taking work, then waits up to {@code patience} for the tasks in flight, so that a stop does not leave
   * them UNKNOWN. Returns whether they all finished.
   */
  public boolean drain(Duration patience) {
    running = false;
    wake.release();
    free.release(); // a dispatcher waiting for a free worker wakes, sees the stop and leaves
    try {
      // Not interrupted: a claim it has just made must still be handed to a worker, or it would end UNKNOWN.
      dispatcher.join(Duration.ofSeconds(10).toMillis());
      workers.shutdown();
      return workers.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    drain(Duration.ZERO);
    workers.shutdownNow();
  }
}
