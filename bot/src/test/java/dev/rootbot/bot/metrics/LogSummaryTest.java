package dev.rootbot.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogSummaryTest {
  private static final Duration MINUTE = Duration.ofSeconds(60);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
  private final LogSummary refused = new LogSummary(lines::add, "Refused requests to /slack/events", MINUTE, now::get);

  private void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Test
  void the_first_occurrence_is_logged_at_once() {
    refused.add("bad signature", "10.0.0.7");

    assertThat(lines).containsExactly(
        "Refused requests to /slack/events: bad signature, from 10.0.0.7 (more in the next 60 s are summed up in one line)");
  }

  @Test
  void a_flood_is_one_line_per_interval_with_counts_by_reason_and_the_last_source() {
    refused.add("bad signature", "10.0.0.1");
    for (int i = 0; i < 1_200; i++) {
      refused.add("bad signature", "10.0.0.2");
    }
    for (int i = 0; i < 34; i++) {
      refused.add("stale timestamp", "10.0.0.3");
    }
    assertThat(lines).hasSize(1);

    advance(MINUTE);
    refused.add("bad signature", "10.0.0.7");

    assertThat(lines).hasSize(2).last().isEqualTo("Refused requests to /slack/events: 1,235 in the last 60 s"
        + " (1,201 bad signature, 34 stale timestamp); last from 10.0.0.7");
  }

  @Test
  void nothing_is_logged_for_the_rest_of_an_interval_and_flush_logs_what_is_left_once_it_is_over() {
    refused.add("bad signature", "10.0.0.1");
    refused.add("no signature", "10.0.0.2");
    advance(Duration.ofSeconds(59));
    refused.flush();
    assertThat(lines).hasSize(1);

    advance(Duration.ofSeconds(31));
    refused.flush();
    refused.flush();

    assertThat(lines).hasSize(2).last()
        .isEqualTo("Refused requests to /slack/events: 1 in the last 90 s (1 no signature); last from 10.0.0.2");
  }

  @Test
  void after_a_quiet_interval_the_next_occurrence_is_logged_at_once_again() {
    refused.add("bad signature", "10.0.0.1");
    advance(Duration.ofMinutes(5));
    refused.flush();
    refused.add("stale timestamp", "10.0.0.9");

    assertThat(lines).hasSize(2).last().asString().startsWith("Refused requests to /slack/events: stale timestamp, from 10.0.0.9");
  }

  @Test
  void a_steady_flood_for_ten_minutes_writes_at_most_one_line_per_interval() {
    for (int second = 0; second < 600; second++) {
      for (int i = 0; i < 100; i++) {
        refused.add(i % 3 == 0 ? "stale timestamp" : "bad signature", "10.0.0." + i);
      }
      refused.flush();
      advance(Duration.ofSeconds(1));
    }
    refused.flush();

    assertThat(lines).hasSizeBetween(10, 11);
    assertThat(counted(lines)).isEqualTo(60_000);
  }

  @Test
  void counts_from_many_threads_add_up() throws Exception {
    int threads = 8;
    int each = 20_000;
    var start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String reason = t % 2 == 0 ? "bad signature" : "no signature";
      var worker = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        for (int i = 0; i < each; i++) {
          refused.add(reason, "10.0.0.1");
          if (i % 5_000 == 0) {
            advance(Duration.ofSeconds(20));
          }
        }
      });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    advance(MINUTE);
    refused.flush();

    assertThat(counted(lines)).isEqualTo((long) threads * each);
  }

  @Test
  void a_source_cannot_forge_log_lines_or_flood_one() {
    refused.add("bad signature", "10.0.0.1\nERROR forged line\u001b[31m" + "x".repeat(500));

    assertThat(lines).hasSize(1);
    String line = lines.peek();
    assertThat(line).doesNotContain("\n", "\u001b").hasSizeLessThan(250);
  }

  @Test
  void a_summary_needs_an_interval() {
    assertThatThrownBy(() -> new LogSummary(lines::add, "x", Duration.ZERO, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every occurrence, from the lines: 1 for a line about one occurrence, else the number it gives. */
  private static long counted(Iterable<String> lines) {
    Pattern total = Pattern.compile(": ([0-9,]+) in the last ");
    long sum = 0;
    for (String line : lines) {
      Matcher m = total.matcher(line);
      sum += m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 1;
    }
    return sum;
  }
}
