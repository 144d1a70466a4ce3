package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An unmodified Bolt app over HTTP against the workspace: Bolt verifies the workspace's signatures, calls
 * {@code auth.test} on its own, parses every payload, and answers through the Web API and response URLs.
 */
class BoltOverHttpTest {
  static final String SECRET = "bolt-test-signing-secret";
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final ExampleBot bolt = ExampleBot.start(workspace.apiUrl(), workspace.botToken(), SECRET);

  @BeforeEach
  void connect() {
    workspace.reset();
    workspace.connectBot(bolt.eventsUrl(), SECRET);
    // Generous for a busy build machine; Slack's own three seconds are tested with a stand-in bot.
    workspace.ackTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() throws Exception {
    bolt.close();
    workspace.close();
  }

  @Test
  void a_request_approved_by_a_click_updates_the_card_answers_the_approver_and_replies_in_the_thread() {
    BotResponse command = workspace.as(ALICE).slashCommand("/root", "unlock bucket logs because locked", INCIDENT_42);
    Message card = workspace.awaitMessage(INCIDENT_42, m -> m.actionIds().contains("approve"), Duration.ofSeconds(5));

    BotResponse click = workspace.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    assertThat(command.status()).isEqualTo(200);
    assertThat(click.status()).isEqualTo(200);
    assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text).containsExactly("Request filed");
    assertThat(card.allText()).contains("<@U0ALICE00> asks to unlock a bucket").doesNotContain("Root for 15 minutes");
    assertThat(workspace.message(INCIDENT_42, card.ts()).orElseThrow().text()).isEqualTo("Approved by <@U0BOB0000>");
    assertThat(workspace.ephemeralsFor(BOB)).extracting(Ephemeral::text).containsExactly("You approved req-7");
    assertThat(workspace.awaitReply(INCIDENT_42, card.ts(), m -> m.text().equals("Succeeded"), Duration.ofSeconds(5))
        .fromBot()).isTrue();
  }

  @Test
  void deny_opens_a_form_from_the_click_whose_reason_and_private_metadata_bolt_receives_on_submission() {
    workspace.as(ALICE).slashCommand("/root", "unlock bucket logs because locked", INCIDENT_42);
    Message card = workspace.awaitMessage(INCIDENT_42, m -> m.actionIds().contains("deny"), Duration.ofSeconds(5));

    workspace.as(BOB).click(INCIDENT_42, card.ts(), "deny");
    View form = workspace.awaitView(BOB, v -> v.callbackId().equals("deny_form"), Duration.ofSeconds(5));
    BotResponse submitted = workspace.as(BOB).submit(form.id(), Map.of("reason", "not during the change freeze"));

    assertThat(form.privateMetadata()).isEqualTo(INCIDENT_42 + " " + card.ts());
    assertThat(submitted.status()).isEqualTo(200);
    assertThat(workspace.openViews(BOB)).isEmpty();
    assertThat(workspace.message(INCIDENT_42, card.ts()).orElseThrow().text())
        .isEqualTo("Denied by <@U0BOB0000>: not during the change freeze");
  }

  @Test
  void bolt_accepts_what_the_workspace_signs_and_refuses_each_forgery() {
    assertThat(statusOf(Signing.asSlack())).isEqualTo(200);
    assertThat(statusOf(Signing.withSecret("guessed-secret"))).isEqualTo(401);
    assertThat(statusOf(Signing.stale())).isEqualTo(401);
    assertThat(statusOf(Signing.tamperedAfterSigning())).isEqualTo(401);
    assertThat(statusOf(Signing.tamperedAfterSigning(b -> b.replace(ALICE.id(), BOB.id())))).isEqualTo(401);
    assertThat(statusOf(Signing.unsigned())).isEqualTo(401);
    assertThat(statusOf(Signing.withoutSignature())).isEqualTo(401);
    // Bolt checks only that a timestamp is not too old, so a request from the future passes: the bot must refuse it.
    assertThat(statusOf(Signing.fromTheFuture())).isEqualTo(200);
  }

  @Test
  void non_ascii_command_text_reaches_the_handler_intact() {
    workspace.as(ALICE).slashCommand("/root", "unlock bucket Müller-🚀-ĳ because ärger", INCIDENT_42);

    assertThat(bolt.lastCommandText.get()).isEqualTo("unlock bucket Müller-🚀-ĳ because ärger");
  }

  @Test
  void a_form_opened_from_a_command_shows_the_errors_bolt_answers_and_closes_when_accepted() {
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    View form = workspace.awaitView(ALICE, v -> v.callbackId().equals("root_form"), Duration.ofSeconds(5));

    workspace.as(ALICE).submit(form.id(), Map.of("reason", "short"));
    Map<String, String> errors = workspace.openViews(ALICE).get(0).errors();
    workspace.as(ALICE).submit(form.id(), Map.of("reason", "the audit bucket is locked for everyone"));

    assertThat(bolt.lastCommandText.get()).isNull();
    assertThat(errors).containsExactly(Map.entry("reason_block", "Say more"));
    assertThat(workspace.openViews(ALICE)).isEmpty();
  }

  @Test
  void bolt_answers_the_url_verification_challenge() {
    BotResponse response = workspace.urlVerification();

    String challenge = com.google.gson.JsonParser.parseString(response.request().body()).getAsJsonObject()
        .get("challenge").getAsString();
    assertThat(response.body()).contains(challenge);
  }

  @Test
  void bolt_acknowledges_a_mention_but_answers_404_to_an_event_it_has_no_handler_for() {
    BotResponse mention = workspace.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> status");
    BotResponse reaction = workspace.as(BOB).react(INCIDENT_42, workspace.messages(INCIDENT_42).get(0).ts(), "eyes");

    assertThat(mention.status()).isEqualTo(200);
    // Slack retries what is not acknowledged, so a bot must acknowledge the events it ignores.
    assertThat(reaction.status()).isEqualTo(404);
  }

  private static int statusOf(Signing signing) {
    return workspace.as(ALICE).signing(signing).slashCommand("/root", "status", INCIDENT_42).status();
  }
}
