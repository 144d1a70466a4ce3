package dev.rootbot.actions.fleet;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Works through a fleet task's accounts with adaptive concurrency: starts each account's work on {@code workers}
 * when {@link AdaptiveConcurrency} has a place, puts an account whose work asks for another try at the back of
 * the queue, and hands each result to {@code deliver} one at a time, in the order they finish.
 *
 * <p>It stops starting accounts when the task is cancelled, or when {@code deliver} throws (the result could not be
 * recorded, so going on would lose results); either way the accounts in flight finish and are delivered first.
 * The thread that calls {@link #run} dispatches and waits; {@code workers} must have a thread for each place.
 */
final class FleetRunner<T, R> {
  /** One account's work; an empty answer asks for another try later ({@code attempt} counts from 1). */
  interface Work<T, R> {
    Optional<R> run(T item, int attempt);
  }

  /** Takes each result; throwing stops the task after the accounts in flight. */
  interface Delivery<R> {
    void deliver(R result) throws Exception;
  }

  /** Thrown by an account's work to stop the run without a result for that account, saying why. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop(String why, Throwable cause) {
      super(why, cause);
    }
  }

  /** How a run ended, and why it stopped if it did. */
  record Ended(FleetEnd end, Optional<String> stoppedBecause, ConcurrencyStats concurrency) {}

  private record Pending<T>(T item, int attempt) {}

  private final Executor workers;
  private final AdaptiveConcurrency concurrency;
  private final Clock clock;
  private final Object lock = new Object();
  private final Deque<Pending<T>> queue = new ArrayDeque<>();
  private int running;
  private String stoppedBecause;

  FleetRunner(Executor workers, AdaptiveConcurrency concurrency, Clock clock) {
    this.workers = workers;
    this.concurrency = concurrency;
    this.clock = clock;
  }

  Ended run(Iterable<T> items, Work<T, R> work, Delivery<R> deliver, Cancellation cancel) {
    synchronized (lock) {
      items.forEach(item -> queue.add(new Pending<>(item, 1)));
    }
    try {
      while (true) {
        Pending<T> next;
        synchronized (lock) {
          while (queue.isEmpty() && running > 0 && stoppedBecause == null) {
            lock.wait();
          }
          if (queue.isEmpty() || stoppedBecause != null) {
            break;
          }
        }
        if (!concurrency.acquire(cancel)) {
          break;
        }
        synchronized (lock) {
          next = queue.poll();
          if (next == null || stoppedBecause != null) {
            concurrency.release(Duration.ZERO);
            if (stoppedBecause != null) {
              break;
            }
            continue;
          }
          running++;
        }
        start(next, work, deliver);
      }
      synchronized (lock) {
        while (running > 0) {
          lock.wait();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop("the task's thread was interrupted");
      waitQuietly();
    }
    FleetEnd end;
    synchronized (lock) {
      end = stoppedBecause != null ? FleetEnd.STOPPED
          : queue.isEmpty() ? FleetEnd.COMPLETED : FleetEnd.CANCELLED;
    }
    return new Ended(end, Optional.ofNullable(stoppedBecause), concurrency.stats());
  }

  private void start(Pending<T> pending, Work<T, R> work, Delivery<R> deliver) {
    Runnable job = () -> {
      long began = clock.millis();
      Optional<R> result = Optional.empty();
      try {
        result = work.run(pending.item(), pending.attempt());
      } catch (Stop e) {
        stop(e.getMessage());
      } catch (RuntimeException | Error e) {
        stop("an account's work failed unexpectedly: " + e);
      } finally {
        concurrency.release(Duration.ofMillis(Math.max(0, clock.millis() - began)));
      }
      try {
        if (result.isPresent()) {
          synchronized (this) { // one delivery at a time, so the listener need not be thread-safe
            deliver.deliver(result.get());
          }
        } else {
          synchronized (lock) {
            queue.addLast(new Pending<>(pending.item(), pending.attempt() + 1));
          }
        }
      } catch (Exception e) {
        stop("a result could not be recorded: " + e.getMessage());
      } finally {
        synchronized (lock) {
          running--;
          lock.notifyAll();
        }
      }
    };
    try {
      workers.execute(job);
    } catch (RejectedExecutionException e) {
      concurrency.release(Duration.ZERO);
      synchronized (lock) {
        queue.addFirst(pending);
        running--;
      }
      stop("the worker pool refused the work (" + e.getMessage() + ")");
    }
  }

  private void stop(String why) {
    synchronized (lock) {
      if (stoppedBecause == null) {
        stoppedBecause = why;
      }
      lock.notifyAll();
    }
  }

  private void waitQuietly() {
    synchronized (lock) {
      while (running > 0) {
        try {
          lock.wait();
        } catch (InterruptedException again) {
          return;
        }
      }
    }
  }
}
