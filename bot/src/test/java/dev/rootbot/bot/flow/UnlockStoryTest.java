package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnlockStoryTest {
  private final Sandboxed sandbox = Sandboxed.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void alice_asks_bob_approves_and_the_thread_holds_the_result_and_the_cloudtrail_links() {
    BotResponse ack = sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out", INCIDENT_42);
    assertThat(ack.status()).isEqualTo(200);

    Message card = sandbox.card(INCIDENT_42);
    assertThat(card.allText()).contains("unlock bucket payments-audit-logs", "S3UnlockBucketPolicy", "prod-payments",
        "222222222222", "INC-42 locked us out", "Waiting for approval");

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    Message result = sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(result.allText()).contains("s3:DeleteBucketPolicy", "cloudtrailv2", "AccessKeyId=ASIA");
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
    assertThat(sandbox.awaitCard(card, "Done").actionIds()).doesNotContain("approve");
    String key = sandbox.aws.calls().withAction("s3:DeleteBucketPolicy").get(0).accessKeyId();
    Message confirmed = sandbox.awaitReply(card, m -> m.allText().contains("CloudTrail has delivered the AssumeRoot event"));
    String eventId = sandbox.aws.trail().events().stream()
        .filter(e -> e.eventName().equals("AssumeRoot") && e.json().contains(key)).findFirst().orElseThrow().eventId();
    assertThat(confirmed.allText()).contains(key, "#/events/" + eventId);
    assertThat(sandbox.runSessionsSince(card)).extracting(RecordedCall::httpStatus).containsExactly(200);
  }

  @Test
  void health_and_metrics_are_served_beside_slack_events() throws Exception {
    Message card = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root",
        "audit account prod-data", INCIDENT_42));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));

    var http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + sandbox.bot.port();
    var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/healthz")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    var metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/metrics")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(metrics.body()).contains(
        "rootbot_tasks_total{outcome=\"succeeded\",policy=\"IAMAuditRootUserCredentials\"} 1",
        "rootbot_slack_requests_total{outcome=\"verified\"}",
        "# TYPE rootbot_outbox_pending gauge");
  }
}
