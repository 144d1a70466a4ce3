package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.metrics.Metrics;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkTest {
  private final LogCapture log = LogCapture.attach();
  private final Metrics metrics = new Metrics();

  @AfterEach
  void close() {
    log.close();
  }

  @Test
  void work_that_fits_runs() {
    var ran = new AtomicInteger();
    var work = new Work(Runnable::run, metrics, Clock.systemUTC());

    assertThat(work.submit("approve", ran::incrementAndGet)).isTrue();

    assertThat(ran).hasValue(1);
    assertThat(metrics.value("rootbot_slack_busy_total", "work", "approve")).isZero();
  }

  @Test
  void busy_answers_are_counted_by_work_and_logged_as_one_summary_not_a_line_each() {
    Executor full = job -> {
      throw new RejectedExecutionException("full");
    };
    var work = new Work(full, metrics, Clock.systemUTC());

    for (int i = 0; i < 300; i++) {
      assertThat(work.submit(i % 3 == 0 ? "/root request" : "approve", () -> { })).isFalse();
    }

    assertThat(metrics.value("rootbot_slack_busy_total", "work", "approve")).isEqualTo(200);
    assertThat(metrics.value("rootbot_slack_busy_total", "work", "/root request")).isEqualTo(100);
    assertThat(log.events()).extracting(LogCapture::describe).containsExactly("WARN dev.rootbot.bot.slack.Work -"
        + " Answered \"busy\": the work queue is full: /root request (more in the next 60 s are summed up in one line)");
  }
}
