package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests an attacker could send, correctly signed: a captured request replayed byte for byte, and a click
 * that carries one request's button value on another card in another channel.
 */
class ReplayTest {
  static final String SECRET = "replay-test-signing-secret";
  static final String CARD = "[{\"type\":\"actions\",\"block_id\":\"decision\",\"elements\":[{\"type\":\"button\","
      + "\"action_id\":\"approve\",\"value\":\"%s\",\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"}}]}]";
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
  void a_replay_sends_the_same_body_timestamp_and_signature_again() {
    BotResponse original = workspace.as(ALICE).slashCommand("/root", "unlock bucket logs because locked", INCIDENT_42);
    int before = bot.received().size();

    List<BotResponse> replays = workspace.replay(original, 3);

    List<RecordingBot.Received> received = bot.received().subList(before, bot.received().size());
    assertThat(received).hasSize(3).allSatisfy(r -> {
      assertThat(r.text()).isEqualTo(original.request().body());
      assertThat(r.header("X-Slack-Request-Timestamp"))
          .isEqualTo(original.request().headers().get("X-Slack-Request-Timestamp"));
      assertThat(r.header("X-Slack-Signature")).isEqualTo(original.request().headers().get("X-Slack-Signature"))
          .isEqualTo(SlackAlgorithm.signature(SECRET, r.header("X-Slack-Request-Timestamp"), r.body()));
    });
    assertThat(replays).extracting(BotResponse::status).containsOnly(200);
    assertThat(replays).extracting(r -> r.request()).containsOnly(original.request());
  }

  @Test
  void a_replayed_command_shows_nothing_to_the_person_whose_request_was_captured() {
    bot.answer(r -> RecordingBot.Answer.text("Request filed"));
    BotResponse original = workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

    workspace.replay(original);

    assertThat(workspace.ephemeralsFor(ALICE)).hasSize(1);
  }

  @Test
  void a_forged_click_carries_another_requests_value_on_another_card_in_another_channel() throws Exception {
    String cardA = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("A").blocksAsString(String.format(CARD,
        "req-A"))).getTs();
    String cardB = client.chatPostMessage(r -> r.channel(PLATFORM).text("B").blocksAsString(String.format(CARD,
        "req-B"))).getTs();

    workspace.as(BOB).forgedClick(PLATFORM, cardB, "approve", "req-A");

    BlockActionPayload payload = clicked();
    assertThat(payload.getActions().get(0).getValue()).isEqualTo("req-A");
    assertThat(payload.getContainer().getChannelId()).isEqualTo(PLATFORM);
    assertThat(payload.getContainer().getMessageTs()).isEqualTo(cardB).isNotEqualTo(cardA);
    assertThat(payload.getMessage().getText()).isEqualTo("B");
    assertThat(bot.last().header("X-Slack-Signature")).isEqualTo(SlackAlgorithm.signature(SECRET,
        bot.last().header("X-Slack-Request-Timestamp"), bot.last().body()));
  }

  @Test
  void a_forged_click_may_name_a_message_without_that_button_or_none_at_all() throws Exception {
    String plain = client.chatPostMessage(r -> r.channel(PLATFORM).text("no buttons here")).getTs();

    workspace.as(BOB).forgedClick(PLATFORM, plain, "approve", "req-A");
    BlockActionPayload onPlain = clicked();
    workspace.as(BOB).forgedClick(PLATFORM, "1700000000.000100", "approve", "req-A");
    BlockActionPayload onNothing = clicked();

    assertThat(onPlain.getMessage().getText()).isEqualTo("no buttons here");
    assertThat(onPlain.getActions().get(0).getActionId()).isEqualTo("approve");
    assertThat(onNothing.getMessage()).isNull();
    assertThat(onNothing.getContainer().getMessageTs()).isEqualTo("1700000000.000100");
    assertThat(onNothing.getActions().get(0).getValue()).isEqualTo("req-A");
  }

  private static BlockActionPayload clicked() {
    return gson.fromJson(new JsonPayloadExtractor().extractIfExists(bot.last().text()), BlockActionPayload.class);
  }
}
