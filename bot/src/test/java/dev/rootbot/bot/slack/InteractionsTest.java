package dev.rootbot.bot.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import dev.rootbot.sandbox.slack.View;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rest of what people do: restore, the form, status, help, repeated and unknown events, Socket Mode. */
class InteractionsTest {
  private Sandboxed sandbox = Sandboxed.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void restore_after_an_unlock_files_its_own_request_in_the_thread_and_puts_the_policy_back() {
    String lockedOut = sandbox.aws.buckets().policy("222222222222", "payments-audit-logs").orElseThrow();
    Message card = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out", INCIDENT_42));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    Message result = sandbox.awaitReply(card, m -> m.allText().contains("Done: ") && m.actionIds().contains("restore"));
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();

    sandbox.slack.as(ALICE).click(INCIDENT_42, result.ts(), "restore");
    Message restoreCard = sandbox.awaitReply(card, m -> m.actionIds().contains("approve") && !m.ts().equals(card.ts()));
    assertThat(restoreCard.allText()).contains("restore the bucket policy of payments-audit-logs", "restore the policy that request");
    sandbox.slack.as(BOB).click(INCIDENT_42, restoreCard.ts(), "approve");

    sandbox.awaitReply(card, m -> m.allText().contains("Done: restore the bucket policy"));
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).contains(lockedOut);
  }

  @Test
  void the_form_offers_accounts_explains_missing_fields_and_files_the_request() {
    BotResponse ack = sandbox.slack.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    assertThat(ack.status()).isEqualTo(200);
    View form = sandbox.slack.awaitView(ALICE, v -> true, Sandboxed.WAIT);

    BotResponse options = sandbox.slack.as(ALICE).suggest(form.id(), "account", "prod");
    assertThat(options.body()).contains("prod-payments (222222222222)", "prod-data (333333333333)")
        .doesNotContain("security-tooling");

    assertThat(com.google.gson.JsonParser.parseString(form.json()).getAsJsonObject().getAsJsonArray("blocks")
        .asList().stream().map(b -> b.getAsJsonObject())
        .filter(b -> b.has("block_id") && b.get("block_id").getAsString().equals("reason")).findFirst().orElseThrow()
        .get("optional").getAsBoolean()).as("the reason is required, so the form does not call it optional").isFalse();
    BotResponse incomplete = sandbox.slack.as(ALICE).submit(form.id(),
        Map.of("task", "UNLOCK_BUCKET", "account", "222222222222", "reason", "INC-42 locked out"));
    assertThat(incomplete.body()).contains("\"errors\"", "Name the bucket.");

    Message card = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).submit(form.id(), Map.of(
        "task", "UNLOCK_BUCKET", "account", "222222222222", "resource", "payments-audit-logs",
        "reason", "INC-42 <!channel> locked us out")));
    assertThat(card.allText()).contains("unlock bucket payments-audit-logs", "INC-42 &lt;!channel&gt; locked us out");
  }

  @Test
  void status_says_whether_centralized_root_access_is_ready_and_lists_open_requests() {
    sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root", "audit account prod-data", INCIDENT_42));

    BotResponse ack = sandbox.slack.as(BOB).slashCommand("/root", "status", INCIDENT_42);

    assertThat(ack.body()).contains("Checking");
    var status = sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("Centralized root access is ready"), Sandboxed.WAIT);
    assertThat(status.allText()).contains("Root sessions", "audit root credentials in prod-data");
  }

  @Test
  void status_names_the_fix_for_each_missing_prerequisite() {
    sandbox.close();
    sandbox = Sandboxed.start(Seed.demo().withFeatures("RootCredentialsManagement"), Map.of(), Clock.systemUTC());

    sandbox.slack.as(BOB).slashCommand("/root", "status", INCIDENT_42);

    var status = sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("not ready"), Sandboxed.WAIT);
    assertThat(status.allText()).contains("aws iam enable-organizations-root-sessions");
  }

  @Test
  void commands_and_clicks_are_acknowledged_within_three_seconds_while_aws_is_slow() {
    sandbox.aws.faults().inject("*:*", dev.rootbot.sandbox.aws.Fault.latency(java.time.Duration.ofSeconds(4)).always());

    BotResponse ask = sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out", INCIDENT_42);
    Message card = sandbox.slack.awaitMessage(INCIDENT_42, m -> m.actionIds().contains("approve"), java.time.Duration.ofSeconds(60));
    BotResponse approve = sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    assertThat(ask.elapsed()).isLessThan(java.time.Duration.ofSeconds(3));
    assertThat(approve.elapsed()).isLessThan(java.time.Duration.ofSeconds(3));
    assertThat(ask.status()).isEqualTo(200);
    assertThat(approve.status()).isEqualTo(200);
  }

  @Test
  void help_lists_every_command_with_an_example() {
    BotResponse ack = sandbox.slack.as(ALICE).slashCommand("/root", "help", INCIDENT_42);
    assertThat(ack.body()).contains("unlock bucket", "unlock queue", "audit account", "delete root credentials",
        "allow password recovery", "status");
  }

  @Test
  void a_redelivered_mention_files_one_request_and_an_unknown_event_is_acknowledged() {
    BotResponse first = sandbox.slack.as(ALICE).mention(INCIDENT_42,
        "<@U0ROOTBOT> audit account prod-data");
    sandbox.card(INCIDENT_42);
    String eventId = first.request().eventId().orElseThrow();

    BotResponse retry = sandbox.slack.redeliver(eventId, 1, "http_timeout");
    BotResponse reaction = sandbox.slack.as(BOB).react(INCIDENT_42, sandbox.card(INCIDENT_42).ts(), "eyes");

    assertThat(retry.status()).isEqualTo(200);
    assertThat(reaction.status()).isEqualTo(200);
    assertThat(sandbox.bot.store().requests().open()).hasSize(1);
  }

  @Test
  void over_socket_mode_the_same_flow_works() {
    sandbox.close();
    sandbox = Sandboxed.start(Seed.demo(), Map.of("SLACK_APP_TOKEN", SlackWorkspace.APP_TOKEN, "SLACK_SIGNING_SECRET", ""),
        Clock.systemUTC());

    BotResponse ack = sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock queue payments-events in account prod-payments because INC-9 consumers are locked out", INCIDENT_42);
    assertThat(ack.transport()).isEqualTo(BotResponse.Transport.SOCKET_MODE);
    Message card = sandbox.card(INCIDENT_42);
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(sandbox.aws.queues().policy("222222222222", "payments-events")).isEmpty();
  }
}
