package dev.rootbot.bot.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Signing;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Forged, stale, future-dated and tampered requests get 401 and change nothing; genuine ones, in any script, work. */
class RequestVerificationTest {
  private static final String UNLOCK =
      "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out";
  private final Sandboxed sandbox = Sandboxed.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  static Stream<Signing> forgeries() {
    return Stream.of(Signing.withSecret("not-the-signing-secret"), Signing.stale(), Signing.fromTheFuture(),
        Signing.tamperedAfterSigning(), Signing.unsigned(), Signing.withoutTimestamp(), Signing.withoutSignature());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void a_request_that_fails_verification_gets_401_and_records_nothing(Signing forged) {
    BotResponse response = sandbox.slack.as(ALICE).signing(forged).slashCommand("/root", UNLOCK, INCIDENT_42);

    assertThat(response.status()).isEqualTo(401);
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
    assertThat(sandbox.bot.store().audit().latest(10)).isEmpty();
    assertThat(sandbox.bot.metrics().value("rootbot_slack_requests_total", "outcome", "refused", "reason",
        forged instanceof Signing.Missing ? "missing_signature" : forged instanceof Signing.Skewed ? "stale_timestamp"
            : "bad_signature")).isEqualTo(1);
  }

  @Test
  void slacks_url_verification_is_answered_with_its_challenge() {
    BotResponse response = sandbox.slack.urlVerification();

    assertThat(response.status()).isEqualTo(200);
    String challenge = com.google.gson.JsonParser.parseString(response.request().body()).getAsJsonObject()
        .get("challenge").getAsString();
    assertThat(response.body()).isEqualTo(challenge);
  }

  @Test
  void a_command_with_non_ascii_text_verifies_and_keeps_its_words() {
    BotResponse response = sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock bucket payments-audit-logs in account prod-payments because Müller's 🚀 job ĳ is locked out", INCIDENT_42);

    assertThat(response.status()).isEqualTo(200);
    assertThat(sandbox.card(INCIDENT_42).allText()).contains("Müller's 🚀 job ĳ is locked out");
  }

  @Test
  void bad_commands_are_answered_with_usage_only_to_the_sender_and_nothing_is_recorded() {
    for (String text : new String[] {"unlock bucket payments-audit-logs in account prod-payments",
        "unlock bucket Bad_Bucket in account 222222222222 because x-y-z", "delete everything", "unlock queue in account"}) {
      BotResponse response = sandbox.slack.as(ALICE).slashCommand("/root", text, INCIDENT_42);
      assertThat(response.status()).as(text).isEqualTo(200);
      assertThat(response.body()).as(text).contains("/root");
    }
    assertThat(sandbox.slack.ephemeralsFor(ALICE)).hasSize(4);
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
    assertThat(sandbox.aws.calls()).noneMatch(call -> call.action().startsWith("sts:"));
  }

  @Test
  void an_unknown_account_name_is_explained_and_nothing_is_recorded() {
    sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock bucket payments-audit-logs in account prod-paymnets because INC-42 locked us out", INCIDENT_42);

    var told = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("prod-paymnets"), Sandboxed.WAIT);
    assertThat(told.allText()).contains("prod-payments");
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
  }

  @Test
  void the_management_account_is_refused_before_anyone_is_asked_to_approve() {
    sandbox.slack.as(ALICE).slashCommand("/root", "audit account 111111111111", INCIDENT_42);

    sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("management account"), Sandboxed.WAIT);
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
  }
}
