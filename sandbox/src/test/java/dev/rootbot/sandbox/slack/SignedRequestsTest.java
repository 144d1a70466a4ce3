package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.ROOTBOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.Gson;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.util.json.GsonFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the workspace sends the bot over HTTP, checked against Slack's published algorithm and parsed by
 * the Slack SDK's own payload classes.
 */
class SignedRequestsTest {
  static final String SECRET = "test-signing-secret-1234";
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final RecordingBot bot = RecordingBot.onFreePort();
  static final MethodsClient client = SlackClients.bot(workspace);
  static final Gson gson = GsonFactory.createSnakeCase();

  @BeforeEach
  void connect() {
    workspace.reset();
    workspace.connectBot(bot.eventsUrl(), SECRET);
    bot.answer(r -> RecordingBot.Answer.ok());
  }

  @AfterAll
  static void stop() {
    bot.close();
    workspace.close();
  }

  @Test
  void a_slash_command_is_a_form_signed_over_its_exact_bytes_with_a_fresh_timestamp() throws Exception {
    BotResponse response = workspace.as(ALICE).slashCommand("/root", "unlock bucket logs because locked out",
        INCIDENT_42);

    RecordingBot.Received sent = bot.last();
    String timestamp = sent.header("X-Slack-Request-Timestamp");
    assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(5L));
    assertThat(sent.header("X-Slack-Signature")).isEqualTo(SlackAlgorithm.signature(SECRET, timestamp, sent.body()));
    assertThat(new SlackSignature.Verifier(new SlackSignature.Generator(SECRET))
        .isValid(timestamp, sent.text(), sent.header("X-Slack-Signature"))).isTrue();
    assertThat(response.request().body()).isEqualTo(sent.text());
    assertThat(response.status()).isEqualTo(200);
  }

  @Test
  void a_slash_command_carries_the_fields_slack_sends() {
    workspace.as(ALICE).slashCommand("/root", "audit account 333333333333", INCIDENT_42);

    Map<String, String> fields = SlackAlgorithm.form(bot.last().text());
    assertThat(fields.keySet()).containsExactly("token", "team_id", "team_domain", "channel_id", "channel_name",
        "user_id", "user_name", "command", "text", "api_app_id", "is_enterprise_install", "response_url",
        "trigger_id");
    SlashCommandPayload payload = new SlashCommandPayloadParser().parse(bot.last().text());
    assertThat(payload.getCommand()).isEqualTo("/root");
    assertThat(payload.getText()).isEqualTo("audit account 333333333333");
    assertThat(payload.getUserId()).isEqualTo(ALICE.id());
    assertThat(payload.getUserName()).isEqualTo("alice");
    assertThat(payload.getChannelId()).isEqualTo(INCIDENT_42);
    assertThat(payload.getChannelName()).isEqualTo("incident-42");
    assertThat(payload.getTeamId()).isEqualTo("T0SANDBOX");
    assertThat(payload.getApiAppId()).isEqualTo("A0ROOTBOT");
    assertThat(payload.getResponseUrl()).startsWith(workspace.baseUrl() + "/respond/");
    assertThat(payload.getTriggerId()).matches("\\d+\\.\\d+\\.[0-9a-f]{32}");
  }

  @Test
  void two_slash_commands_get_different_response_urls_and_trigger_ids() {
    workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);
    workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

    List<Map<String, String>> sent = bot.received().stream().skip(bot.received().size() - 2)
        .map(r -> SlackAlgorithm.form(r.text())).toList();
    assertThat(sent.get(0).get("response_url")).isNotEqualTo(sent.get(1).get("response_url"));
    assertThat(sent.get(0).get("trigger_id")).isNotEqualTo(sent.get(1).get("trigger_id"));
  }

  @Test
  void non_ascii_text_is_form_encoded_as_utf8_and_signed_over_those_same_bytes() throws Exception {
    workspace.as(ALICE).slashCommand("/root", "Müller 🚀 ĳ", INCIDENT_42);

    RecordingBot.Received sent = bot.last();
    assertThat(sent.text()).contains("&text=M%C3%BCller+%F0%9F%9A%80+%C4%B3&");
    assertThat(sent.text()).matches("\\p{ASCII}*");
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, sent.header("X-Slack-Request-Timestamp"), sent.body()));
    assertThat(new SlashCommandPayloadParser().parse(sent.text()).getText()).isEqualTo("Müller 🚀 ĳ");
  }

  @Test
  void non_ascii_text_in_an_event_is_signed_over_its_utf8_bytes() throws Exception {
    workspace.as(ALICE).mention(INCIDENT_42, ROOTBOT.mention() + " Grüße 🚀");

    RecordingBot.Received sent = bot.last();
    assertThat(sent.text()).contains("Grüße 🚀");
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, sent.header("X-Slack-Request-Timestamp"), sent.body()));
  }

  @Test
  void a_wrong_secret_signs_correctly_but_with_the_other_secret() throws Exception {
    workspace.as(ALICE).signing(Signing.withSecret("not-the-secret")).slashCommand("/root", "status", INCIDENT_42);

    RecordingBot.Received sent = bot.last();
    String timestamp = sent.header("X-Slack-Request-Timestamp");
    assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(5L));
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature("not-the-secret", timestamp, sent.body()))
        .isNotEqualTo(SlackAlgorithm.signature(SECRET, timestamp, sent.body()));
  }

  @Test
  void a_stale_request_is_correctly_signed_six_minutes_ago() throws Exception {
    workspace.as(ALICE).signing(Signing.stale()).slashCommand("/root", "status", INCIDENT_42);

    RecordingBot.Received sent = bot.last();
    String timestamp = sent.header("X-Slack-Request-Timestamp");
    assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond() - 360, within(5L));
    assertThat(sent.header("X-Slack-Signature")).isEqualTo(SlackAlgorithm.signature(SECRET, timestamp, sent.body()));
    assertThat(new SlackSignature.Verifier(new SlackSignature.Generator(SECRET))
        .isValid(timestamp, sent.text(), sent.header("X-Slack-Signature"))).isFalse();
  }

  @Test
  void a_request_from_the_future_is_correctly_signed_six_minutes_ahead_which_bolt_alone_would_accept()
      throws Exception {
    workspace.as(ALICE).signing(Signing.fromTheFuture()).slashCommand("/root", "status", INCIDENT_42);

    RecordingBot.Received sent = bot.last();
    String timestamp = sent.header("X-Slack-Request-Timestamp");
    assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond() + 360, within(5L));
    assertThat(sent.header("X-Slack-Signature")).isEqualTo(SlackAlgorithm.signature(SECRET, timestamp, sent.body()));
    // Bolt's verifier only refuses old timestamps; the bot has to refuse this one itself.
    assertThat(new SlackSignature.Verifier(new SlackSignature.Generator(SECRET))
        .isValid(timestamp, sent.text(), sent.header("X-Slack-Signature"))).isTrue();
  }

  @Test
  void a_tampered_body_carries_the_signature_of_the_body_before_it_was_changed() throws Exception {
    BotResponse response = workspace.as(ALICE)
        .signing(Signing.tamperedAfterSigning(body -> body.replace(ALICE.id(), BOB.id())))
        .slashCommand("/root", "status", INCIDENT_42);

    RecordingBot.Received sent = bot.last();
    String timestamp = sent.header("X-Slack-Request-Timestamp");
    String original = sent.text().replace(BOB.id(), ALICE.id());
    assertThat(SlackAlgorithm.form(sent.text())).containsEntry("user_id", BOB.id());
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, timestamp, original.getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(SlackAlgorithm.signature(SECRET, timestamp, sent.body()));
    assertThat(response.request().body()).isEqualTo(sent.text());
  }

  @Test
  void the_default_tampering_changes_one_trailing_space_and_keeps_the_payload_parseable() throws Exception {
    workspace.as(ALICE).signing(Signing.tamperedAfterSigning()).slashCommand("/root", "status", INCIDENT_42);

    RecordingBot.Received sent = bot.last();
    String timestamp = sent.header("X-Slack-Request-Timestamp");
    String original = sent.text().substring(0, sent.text().length() - 1);
    assertThat(sent.text()).endsWith(" ");
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, timestamp, original.getBytes(StandardCharsets.UTF_8)));
    assertThat(new SlashCommandPayloadParser().parse(sent.text()).getCommand()).isEqualTo("/root");
  }

  @Test
  void missing_headers_are_left_out_one_or_both_and_what_remains_is_correct() throws Exception {
    workspace.as(ALICE).signing(Signing.unsigned()).slashCommand("/root", "status", INCIDENT_42);
    RecordingBot.Received unsigned = bot.last();
    workspace.as(ALICE).signing(Signing.withoutTimestamp()).slashCommand("/root", "status", INCIDENT_42);
    RecordingBot.Received noTimestamp = bot.last();
    workspace.as(ALICE).signing(Signing.withoutSignature()).slashCommand("/root", "status", INCIDENT_42);
    RecordingBot.Received noSignature = bot.last();

    assertThat(unsigned.headers()).doesNotContainKeys("x-slack-signature", "x-slack-request-timestamp");
    assertThat(noTimestamp.headers()).containsKey("x-slack-signature").doesNotContainKey("x-slack-request-timestamp");
    assertThat(noSignature.headers()).containsKey("x-slack-request-timestamp").doesNotContainKey("x-slack-signature");
    assertThat(Long.parseLong(noSignature.header("X-Slack-Request-Timestamp")))
        .isCloseTo(Instant.now().getEpochSecond(), within(5L));
  }

  @Test
  void a_click_is_a_block_actions_payload_in_a_payload_form_field() throws Exception {
    String ts = postCard();

    workspace.as(BOB).click(INCIDENT_42, ts, "approve");

    RecordingBot.Received sent = bot.last();
    assertThat(sent.text()).startsWith("payload=");
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, sent.header("X-Slack-Request-Timestamp"), sent.body()));
    BlockActionPayload payload = gson.fromJson(new JsonPayloadExtractor().extractIfExists(sent.text()),
        BlockActionPayload.class);
    assertThat(payload.getType()).isEqualTo("block_actions");
    assertThat(payload.getUser().getId()).isEqualTo(BOB.id());
    assertThat(payload.getUser().getUsername()).isEqualTo("bob");
    assertThat(payload.getTeam().getId()).isEqualTo("T0SANDBOX");
    assertThat(payload.getChannel().getId()).isEqualTo(INCIDENT_42);
    assertThat(payload.getContainer().getType()).isEqualTo("message");
    assertThat(payload.getContainer().getMessageTs()).isEqualTo(ts);
    assertThat(payload.getContainer().getChannelId()).isEqualTo(INCIDENT_42);
    assertThat(payload.getContainer().isEphemeral()).isFalse();
    assertThat(payload.getMessage().getTs()).isEqualTo(ts);
    assertThat(payload.getMessage().getBlocks()).hasSize(2);
    assertThat(payload.getActions()).hasSize(1);
    assertThat(payload.getActions().get(0).getActionId()).isEqualTo("approve");
    assertThat(payload.getActions().get(0).getBlockId()).isEqualTo("decision");
    assertThat(payload.getActions().get(0).getValue()).isEqualTo("req-1");
    assertThat(payload.getActions().get(0).getType()).isEqualTo("button");
    assertThat(payload.getActions().get(0).getActionTs()).matches("\\d{10}\\.\\d{6}");
    assertThat(payload.getTriggerId()).isNotBlank();
    assertThat(payload.getResponseUrl()).startsWith(workspace.baseUrl() + "/respond/");
  }

  @Test
  void a_click_in_a_thread_names_the_thread_in_its_container() throws Exception {
    String parent = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("incident")).getTs();
    String card = client.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(parent).text("card")
        .blocks(List.of(Blocks.actions(a -> a.elements(List.of(BlockElements.button(
            b -> b.actionId("cancel").text(BlockCompositions.plainText("Cancel")).value("req-2")))))))).getTs();

    workspace.as(ALICE).click(INCIDENT_42, card, "cancel");

    BlockActionPayload payload = gson.fromJson(new JsonPayloadExtractor().extractIfExists(bot.last().text()),
        BlockActionPayload.class);
    assertThat(payload.getContainer().getThreadTs()).isEqualTo(parent);
    assertThat(payload.getMessage().getThreadTs()).isEqualTo(parent);
  }

  @Test
  void clicking_a_button_that_is_not_on_the_message_is_refused_before_anything_is_sent() throws Exception {
    String ts = postCard();
    int before = bot.received().size();

    assertThatThrownBy(() -> workspace.as(BOB).click(INCIDENT_42, ts, "approve_all"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("approve_all").hasMessageContaining("[approve, deny]");
    assertThat(bot.received()).hasSize(before);
  }

  @Test
  void a_mention_posts_the_message_and_sends_an_app_mention_event_callback() throws Exception {
    BotResponse response = workspace.as(ALICE).mention(INCIDENT_42, ROOTBOT.mention() + " audit account prod-data");

    RecordingBot.Received sent = bot.last();
    assertThat(sent.header("Content-Type")).startsWith("application/json");
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, sent.header("X-Slack-Request-Timestamp"), sent.body()));
    AppMentionPayload payload = gson.fromJson(sent.text(), AppMentionPayload.class);
    assertThat(payload.getType()).isEqualTo("event_callback");
    assertThat(payload.getApiAppId()).isEqualTo("A0ROOTBOT");
    assertThat(payload.getTeamId()).isEqualTo("T0SANDBOX");
    assertThat(payload.getEventId()).matches("Ev0[A-Z0-9]{8}");
    assertThat((long) payload.getEventTime()).isCloseTo(Instant.now().getEpochSecond(), within(5L));
    assertThat(payload.getAuthorizations().get(0).getUserId()).isEqualTo(ROOTBOT.id());
    assertThat(payload.getEvent().getUser()).isEqualTo(ALICE.id());
    assertThat(payload.getEvent().getText()).isEqualTo("<@U0ROOTBOT> audit account prod-data");
    assertThat(payload.getEvent().getChannel()).isEqualTo(INCIDENT_42);
    assertThat(payload.getEvent().getThreadTs()).isNull();
    assertThat(payload.getEvent().getBlocks()).hasSize(1);
    assertThat(workspace.messages(INCIDENT_42)).singleElement()
        .satisfies(m -> assertThat(m.ts()).isEqualTo(payload.getEvent().getTs()))
        .satisfies(m -> assertThat(m.via()).isEqualTo(Via.PERSON));
    assertThat(response.request().eventId()).contains(payload.getEventId());
  }

  @Test
  void a_mention_in_a_thread_is_a_reply_there_and_its_event_names_the_thread() {
    workspace.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> first");
    String parent = workspace.messages(INCIDENT_42).get(0).ts();

    workspace.as(BOB).mention(INCIDENT_42, "<@U0ROOTBOT> unlock queue payments-events", parent);

    AppMentionPayload payload = gson.fromJson(bot.last().text(), AppMentionPayload.class);
    assertThat(payload.getEvent().getThreadTs()).isEqualTo(parent);
    assertThat(workspace.thread(INCIDENT_42, parent)).hasSize(2);
    assertThat(workspace.thread(INCIDENT_42, parent).get(1).isReply()).isTrue();
  }

  @Test
  void every_event_gets_its_own_event_id() {
    for (int i = 0; i < 5; i++) {
      workspace.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> status " + i);
    }

    assertThat(new HashSet<>(bot.received().stream().skip(bot.received().size() - 5)
        .map(r -> gson.fromJson(r.text(), AppMentionPayload.class).getEventId()).toList())).hasSize(5);
  }

  @Test
  void a_mention_that_does_not_mention_the_bot_is_refused_because_slack_would_not_send_it() {
    assertThatThrownBy(() -> workspace.as(ALICE).mention(INCIDENT_42, "hello everyone"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<@U0ROOTBOT>");
  }

  @Test
  void a_redelivered_event_keeps_its_event_id_and_says_which_retry_it_is() throws Exception {
    BotResponse first = workspace.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> status");
    String eventId = first.request().eventId().orElseThrow();

    workspace.redeliver(eventId, 1, "http_timeout");

    RecordingBot.Received retry = bot.last();
    assertThat(retry.header("X-Slack-Retry-Num")).isEqualTo("1");
    assertThat(retry.header("X-Slack-Retry-Reason")).isEqualTo("http_timeout");
    assertThat(gson.fromJson(retry.text(), AppMentionPayload.class).getEventId()).isEqualTo(eventId);
    assertThat(retry.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, retry.header("X-Slack-Request-Timestamp"), retry.body()));
    assertThat(workspace.messages(INCIDENT_42)).hasSize(1);
  }

  @Test
  void a_reaction_is_an_event_the_bot_may_ignore() throws Exception {
    String ts = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("deploy done")).getTs();

    BotResponse response = workspace.as(BOB).react(INCIDENT_42, ts, "eyes");

    com.google.gson.JsonObject payload = gson.fromJson(bot.last().text(), com.google.gson.JsonObject.class);
    assertThat(payload.getAsJsonObject("event").get("type").getAsString()).isEqualTo("reaction_added");
    assertThat(payload.getAsJsonObject("event").get("reaction").getAsString()).isEqualTo("eyes");
    assertThat(payload.getAsJsonObject("event").getAsJsonObject("item").get("ts").getAsString()).isEqualTo(ts);
    assertThat(payload.get("event_id").getAsString()).isEqualTo(response.request().eventId().orElseThrow());
  }

  @Test
  void url_verification_sends_a_challenge_that_the_bot_echoes() {
    bot.answer(r -> RecordingBot.Answer.text(gson.fromJson(r.text(), com.google.gson.JsonObject.class)
        .get("challenge").getAsString()));

    BotResponse response = workspace.urlVerification();

    com.google.gson.JsonObject sent = gson.fromJson(response.request().body(), com.google.gson.JsonObject.class);
    assertThat(sent.get("type").getAsString()).isEqualTo("url_verification");
    assertThat(response.body()).isEqualTo(sent.get("challenge").getAsString()).isNotBlank();
  }

  @Test
  void a_raw_request_goes_out_exactly_as_given() throws Exception {
    workspace.deliverRaw("application/json", "{\"type\":\"nonsense\"}", Signing.asSlack());

    RecordingBot.Received sent = bot.last();
    assertThat(sent.text()).isEqualTo("{\"type\":\"nonsense\"}");
    assertThat(sent.header("X-Slack-Signature"))
        .isEqualTo(SlackAlgorithm.signature(SECRET, sent.header("X-Slack-Request-Timestamp"), sent.body()));
  }

  private static String postCard() throws Exception {
    return client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Approve?").blocks(List.of(
        Blocks.section(s -> s.text(BlockCompositions.markdownText("Unlock bucket"))),
        Blocks.actions(a -> a.blockId("decision").elements(List.of(
            BlockElements.button(b -> b.actionId("approve").text(BlockCompositions.plainText("Approve")).value("req-1")),
            BlockElements.button(b -> b.actionId("deny").text(BlockCompositions.plainText("Deny")).value("req-1")))))))
    ).getTs();
  }
}
