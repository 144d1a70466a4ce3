package dev.rootbot.bot.slack;

import dev.rootbot.bot.metrics.LogSummary;
import dev.rootbot.bot.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a handler does after acknowledging Slack: Slack waits at most 3 seconds for the ack, so anything that
 * talks to Slack's API, AWS or the database runs here, on a bounded executor. When the executor is full,
 * the handler says so at once instead of queueing without end; each such "busy" answer is counted in
 * {@code rootbot_slack_busy_total{work=…}} and told in the log as a {@link LogSummary}, not a line each.
 */
public final class Work {
  private static final Logger log = LoggerFactory.getLogger(Work.class);
  static final String BUSY = ":hourglass: Rootbot is busy right now and did not take this; try again in a minute.";
  static final String BUSY_TOTAL = "rootbot_slack_busy_total";
  static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(60);

  private final Executor executor;
  private final Metrics metrics;
  private final LogSummary busy;

  /** @param executor a bounded executor, which refuses work when it is full */
  public Work(Executor executor, Metrics metrics, Clock clock) {
    this.executor = executor;
    this.metrics = metrics;
    this.busy = new LogSummary(log::warn, "Answered \"busy\": the work queue is full", SUMMARY_INTERVAL, clock);
  }

  /**
   * Runs {@code job} in the background; false when there is no room for it.
   *
   * @param what a fixed name for the kind of work, e.g. "approve": the {@code work} label of the busy counter
   */
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
      metrics.count(BUSY_TOTAL, "work", what);
      busy.add(what, "");
      return false;
    }
  }
}
