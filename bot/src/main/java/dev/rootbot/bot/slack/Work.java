package dev.rootbot.bot.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a handler does after acknowledging Slack: Slack waits at most 3 seconds for the ack, so anything that
 * talks to Slack's API, AWS or the database runs here, on a bounded executor. When the executor is full,
 * the handler says so at once instead of queueing without end.
 */
final class Work {
  private static final Logger log = LoggerFactory.getLogger(Work.class);
  static final String BUSY = ":hourglass: Rootbot is busy right now and did not take this; try again in a minute.";

  private final Executor executor;

  Work(Executor executor) {
    this.executor = executor;
  }

  /** Runs {@code job} in the background; false when there is no room for it. */
  boolean submit(String what, Runnable job) {
    try {
      executor.execute(() -> {
        try {
          job.run();
        } catch (RuntimeException e) {
          log.error("{} failed", what, e);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      log.warn("{} refused: the work queue is full", what);
      return false;
    }
  }
}
