package dev.rootbot.bot.metrics;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} after a whole story: the latency histograms are filled, and the JVM is measured. */
class MetricsAfterATaskTest {
  private final Sandboxed sandbox = Sandboxed.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void metrics_hold_the_ack_card_task_aws_and_outbox_histograms_and_the_jvm_meters() throws Exception {
    Message card = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root",
        "audit account prod-data", INCIDENT_42));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));

    // The outbox records a delivery after Slack has taken it, so the test waits for the last one it sent.
    String metrics = Eventually.within(Sandboxed.WAIT, () -> Optional.of(scrape())
        .filter(text -> count(text, "rootbot_outbox_lag_seconds_count{kind=\"THREAD_REPLY\"}") >= 1));

    assertThat(count(metrics, "rootbot_slack_ack_seconds_count")).as("the command and the click").isGreaterThanOrEqualTo(2);
    assertThat(metrics).contains("# TYPE rootbot_slack_ack_seconds histogram",
        "rootbot_slack_ack_seconds_bucket{le=\"0.1\"}", "rootbot_slack_ack_seconds_bucket{le=\"+Inf\"}");
    assertThat(count(metrics, "rootbot_card_seconds_count")).isEqualTo(1);
    assertThat(count(metrics, "rootbot_task_seconds_count{outcome=\"succeeded\",task=\"audit-root-credentials\"}"))
        .isEqualTo(1);
    assertThat(metrics).contains("rootbot_tasks_total{outcome=\"succeeded\",policy=\"IAMAuditRootUserCredentials\"} 1");
    assertThat(count(metrics, "rootbot_aws_call_seconds_count{operation=\"AssumeRoot\",outcome=\"ok\",service=\"Sts\"}"))
        .isEqualTo(1);
    assertThat(count(metrics, "rootbot_aws_call_seconds_count{operation=\"GetLoginProfile\",outcome=\"ok\",service=\"Iam\"}"))
        .isEqualTo(1);
    assertThat(count(metrics, "rootbot_outbox_lag_seconds_count{kind=\"POST_CARD\"}")).isEqualTo(1);
    assertThat(metrics).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_threads_live_threads ", "process_cpu_usage ",
        "process_uptime_seconds ", "jvm_gc_memory_allocated_bytes_total ", "process_resident_memory_bytes ");
  }

  private String scrape() {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + sandbox.bot.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The value of the one sample named exactly {@code series}, or 0 when there is none. */
  private static double count(String metrics, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
