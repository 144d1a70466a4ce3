package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockSuggestionPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.app_backend.views.payload.ViewClosedPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.util.json.GsonFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What Slack does with the bot's answers: acknowledgements of commands, forms and their submissions. */
class InteractionsTest {
  static final String FORM = """
      {"type":"modal","callback_id":"root_form","private_metadata":"req-9",
       "title":{"type":"plain_text","text":"Root task"},"submit":{"type":"plain_text","text":"Request"},
       "blocks":[
        {"type":"input","block_id":"task_block","label":{"type":"plain_text","text":"Task"},
         "element":{"type":"static_select","action_id":"task","options":[
           {"text":{"type":"plain_text","text":"Unlock bucket"},"value":"unlock_bucket"},
           {"text":{"type":"plain_text","text":"Audit account"},"value":"audit"}]}},
        {"type":"input","block_id":"account_block","label":{"type":"plain_text","text":"Account"},
         "element":{"type":"external_select","action_id":"account","min_query_length":1}},
        {"type":"input","block_id":"reason_block","label":{"type":"plain_text","text":"Reason"},
         "element":{"type":"plain_text_input","action_id":"reason","multiline":true}},
        {"type":"input","block_id":"notes_block","optional":true,"label":{"type":"plain_text","text":"Notes"},
         "element":{"type":"plain_text_input","action_id":"notes"}},
        {"type":"actions","block_id":"help_block","elements":[
          {"type":"button","action_id":"help","text":{"type":"plain_text","text":"Help"},"value":"help"}]}]}
      """;
  static final Map<String, String> FILLED_IN = Map.of("task", "unlock_bucket", "account", "222222222222",
      "reason", "locked out of the audit bucket");

  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final RecordingBot bot = RecordingBot.onFreePort();
  static final MethodsClient client = SlackClients.bot(workspace);
  static final Gson gson = GsonFactory.createSnakeCase();

  @BeforeEach
  void connect() {
    workspace.reset();
    workspace.ackTimeout(Duration.ofSeconds(3));
    workspace.connectBot(bot.eventsUrl(), SlackWorkspace.SIGNING_SECRET);
    bot.answer(r -> RecordingBot.Answer.ok());
  }

  @AfterAll
  static void stop() {
    bot.close();
    workspace.close();
  }

  @Test
  void a_slash_command_acknowledged_with_text_shows_it_only_to_the_sender() {
    bot.answer(r -> RecordingBot.Answer.json("{\"text\":\"Usage: /root unlock bucket …\"}"));

    BotResponse response = workspace.as(ALICE).slashCommand("/root", "frobnicate", INCIDENT_42);

    assertThat(response.acknowledged()).isTrue();
    assertThat(workspace.ephemeralsFor(ALICE)).singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo("Usage: /root unlock bucket …"))
        .satisfies(e -> assertThat(e.via()).isEqualTo(Via.ACK))
        .satisfies(e -> assertThat(e.channel()).isEqualTo(INCIDENT_42));
    assertThat(workspace.ephemeralsFor(BOB)).isEmpty();
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void a_slash_command_acknowledged_with_plain_text_shows_that_text_only_to_the_sender() {
    bot.answer(r -> RecordingBot.Answer.text("On it"));

    workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

    assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text).containsExactly("On it");
  }

  @Test
  void an_empty_acknowledgement_shows_nothing() {
    workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

    assertThat(workspace.ephemeralsFor(ALICE)).isEmpty();
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void an_in_channel_acknowledgement_shows_the_command_and_the_answer_to_everyone() {
    bot.answer(r -> RecordingBot.Answer.json("{\"response_type\":\"in_channel\",\"text\":\"Filed request 7\"}"));

    workspace.as(ALICE).slashCommand("/root", "audit account 333333333333", INCIDENT_42);

    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text)
        .containsExactly("/root audit account 333333333333", "Filed request 7");
    assertThat(workspace.messages(INCIDENT_42).get(1).fromBot()).isTrue();
    assertThat(workspace.ephemeralsFor(ALICE)).isEmpty();
  }

  @Test
  void a_slash_command_not_answered_in_time_fails_for_the_sender_with_operation_timeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    bot.answer(r -> {
      awaitQuietly(release);
      return RecordingBot.Answer.text("too late");
    });
    workspace.ackTimeout(Duration.ofMillis(300));
    try {
      BotResponse response = workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

      assertThat(response.timedOut()).isTrue();
      assertThat(response.acknowledged()).isFalse();
      assertThat(response.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text)
          .containsExactly("/root failed with the error \"operation_timeout\"");
    } finally {
      release.countDown();
    }
  }

  @Test
  void a_slash_command_answered_with_an_error_status_fails_for_the_sender() {
    bot.answer(r -> RecordingBot.Answer.status(500));

    BotResponse response = workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

    assertThat(response.status()).isEqualTo(500);
    assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::via).containsExactly(Via.SLACK);
  }

  @Test
  void views_open_with_the_trigger_of_a_slash_command_opens_the_form_in_front_of_its_sender() {
    AtomicReference<ViewsOpenResponse> opened = openFormOnCommand();

    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);

    assertThat(opened.get().isOk()).isTrue();
    assertThat(opened.get().getView().getId()).matches("V0[A-Z0-9]{9}");
    assertThat(opened.get().getView().getBlocks()).hasSize(5);
    assertThat(workspace.openViews(ALICE)).singleElement()
        .satisfies(v -> assertThat(v.id()).isEqualTo(opened.get().getView().getId()))
        .satisfies(v -> assertThat(v.callbackId()).isEqualTo("root_form"))
        .satisfies(v -> assertThat(v.privateMetadata()).isEqualTo("req-9"))
        .satisfies(v -> assertThat(v.title()).isEqualTo("Root task"));
    assertThat(workspace.openViews(BOB)).isEmpty();
  }

  @Test
  void a_trigger_id_opens_one_view_only() throws Exception {
    BotResponse command = workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String trigger = SlackAlgorithm.form(command.request().body()).get("trigger_id");

    ViewsOpenResponse first = client.viewsOpen(r -> r.triggerId(trigger).viewAsString(FORM));
    ViewsOpenResponse second = client.viewsOpen(r -> r.triggerId(trigger).viewAsString(FORM));
    ViewsOpenResponse invented = client.viewsOpen(r -> r.triggerId("123.456.abc").viewAsString(FORM));

    assertThat(first.isOk()).isTrue();
    assertThat(second.getError()).isEqualTo("exchanged_trigger_id");
    assertThat(invented.getError()).isEqualTo("invalid_trigger_id");
  }

  @Test
  void a_form_slack_refuses_fails_with_invalid_arguments_and_says_why() throws Exception {
    BotResponse command = workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String trigger = SlackAlgorithm.form(command.request().body()).get("trigger_id");

    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(trigger).viewAsString(
        FORM.replace("\"Root task\"", "\"A title far longer than twenty-four characters\"")));

    assertThat(opened.getError()).isEqualTo("invalid_arguments");
    assertThat(opened.getResponseMetadata().getMessages()).anyMatch(m -> m.contains("/view/title/text"));
  }

  @Test
  void a_submission_sends_the_state_of_every_input_keyed_by_block_and_action() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    View form = workspace.openViews(ALICE).get(0);

    workspace.as(ALICE).submit(form.id(), FILLED_IN);

    ViewSubmissionPayload payload = gson.fromJson(new JsonPayloadExtractor().extractIfExists(bot.last().text()),
        ViewSubmissionPayload.class);
    assertThat(payload.getType()).isEqualTo("view_submission");
    assertThat(payload.getUser().getId()).isEqualTo(ALICE.id());
    assertThat(payload.getView().getId()).isEqualTo(form.id());
    assertThat(payload.getView().getCallbackId()).isEqualTo("root_form");
    assertThat(payload.getView().getPrivateMetadata()).isEqualTo("req-9");
    var values = payload.getView().getState().getValues();
    assertThat(values.get("task_block").get("task").getSelectedOption().getValue()).isEqualTo("unlock_bucket");
    assertThat(values.get("task_block").get("task").getSelectedOption().getText().getText()).isEqualTo("Unlock bucket");
    assertThat(values.get("account_block").get("account").getType()).isEqualTo("external_select");
    assertThat(values.get("account_block").get("account").getSelectedOption().getValue()).isEqualTo("222222222222");
    assertThat(values.get("reason_block").get("reason").getValue()).isEqualTo("locked out of the audit bucket");
    assertThat(values.get("notes_block").get("notes").getValue()).isNull();
    assertThat(values).doesNotContainKey("help_block");
  }

  @Test
  void a_submission_answered_with_nothing_closes_the_form() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();
    bot.answer(r -> RecordingBot.Answer.ok());

    workspace.as(ALICE).submit(id, FILLED_IN);

    assertThat(workspace.openViews(ALICE)).isEmpty();
  }

  @Test
  void a_submission_answered_with_errors_keeps_the_form_open_and_shows_them() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();
    bot.answer(r -> RecordingBot.Answer.json(
        "{\"response_action\":\"errors\",\"errors\":{\"reason_block\":\"Say why you need root\"}}"));

    workspace.as(ALICE).submit(id, FILLED_IN);

    assertThat(workspace.openViews(ALICE)).singleElement()
        .satisfies(v -> assertThat(v.id()).isEqualTo(id))
        .satisfies(v -> assertThat(v.errors()).containsExactly(Map.entry("reason_block", "Say why you need root")));
  }

  @Test
  void a_submission_answered_with_update_replaces_the_form_in_place() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    View before = workspace.openViews(ALICE).get(0);
    bot.answer(r -> RecordingBot.Answer.json("{\"response_action\":\"update\",\"view\":{\"type\":\"modal\","
        + "\"title\":{\"type\":\"plain_text\",\"text\":\"Filed\"},\"blocks\":[{\"type\":\"section\",\"text\":"
        + "{\"type\":\"mrkdwn\",\"text\":\"Request 7 is waiting for approval\"}}]}}"));

    workspace.as(ALICE).submit(before.id(), FILLED_IN);

    View after = workspace.openViews(ALICE).get(0);
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.hash()).isNotEqualTo(before.hash());
    assertThat(after.title()).isEqualTo("Filed");
    assertThat(after.allText()).contains("Request 7 is waiting for approval");
  }

  @Test
  void a_submission_answered_with_clear_closes_every_form() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();
    bot.answer(r -> RecordingBot.Answer.json("{\"response_action\":\"clear\"}"));

    workspace.as(ALICE).submit(id, FILLED_IN);

    assertThat(workspace.openViews(ALICE)).isEmpty();
  }

  @Test
  void a_form_with_a_required_input_empty_cannot_be_submitted() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();
    int before = bot.received().size();

    assertThatThrownBy(() -> workspace.as(ALICE).submit(id, Map.of("task", "audit", "account", "333333333333")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    assertThat(bot.received()).hasSize(before);
  }

  @Test
  void an_option_that_is_not_in_the_menu_cannot_be_chosen() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();

    assertThatThrownBy(() -> workspace.as(ALICE).submit(id, Map.of("task", "delete_everything", "account", "1",
        "reason", "x"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[unlock_bucket, audit]");
  }

  @Test
  void someone_else_cannot_submit_a_form_they_do_not_have_open() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();

    assertThatThrownBy(() -> workspace.as(BOB).submit(id, FILLED_IN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typing_in_an_external_select_asks_the_bot_for_options() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();
    bot.answer(r -> RecordingBot.Answer.json("{\"options\":[{\"text\":{\"type\":\"plain_text\",\"text\":"
        + "\"prod-data (333333333333)\"},\"value\":\"333333333333\"}]}"));

    BotResponse response = workspace.as(ALICE).suggest(id, "account", "prod");

    BlockSuggestionPayload payload = gson.fromJson(new JsonPayloadExtractor().extractIfExists(bot.last().text()),
        BlockSuggestionPayload.class);
    assertThat(payload.getType()).isEqualTo("block_suggestion");
    assertThat(payload.getActionId()).isEqualTo("account");
    assertThat(payload.getBlockId()).isEqualTo("account_block");
    assertThat(payload.getValue()).isEqualTo("prod");
    assertThat(payload.getView().getId()).isEqualTo(id);
    assertThat(response.body()).contains("333333333333");
  }

  @Test
  void a_button_in_a_form_sends_block_actions_from_the_view() {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String id = workspace.openViews(ALICE).get(0).id();

    workspace.as(ALICE).clickInView(id, "help");

    BlockActionPayload payload = gson.fromJson(new JsonPayloadExtractor().extractIfExists(bot.last().text()),
        BlockActionPayload.class);
    assertThat(payload.getContainer().getType()).isEqualTo("view");
    assertThat(payload.getContainer().getViewId()).isEqualTo(id);
    assertThat(payload.getView().getId()).isEqualTo(id);
    assertThat(payload.getActions().get(0).getValue()).isEqualTo("help");
    assertThat(payload.getMessage()).isNull();
  }

  @Test
  void a_click_on_a_message_only_the_clicker_sees_says_it_is_ephemeral_and_sends_no_message() throws Exception {
    client.chatPostEphemeral(r -> r.channel(INCIDENT_42).user(ALICE.id()).text("Confirm?").blocksAsString(
        "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"confirm\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Confirm\"},\"value\":\"yes\"}]}]"));
    Ephemeral prompt = workspace.ephemeralsFor(ALICE).get(0);

    workspace.as(ALICE).click(INCIDENT_42, prompt.ts(), "confirm");

    BlockActionPayload payload = gson.fromJson(new JsonPayloadExtractor().extractIfExists(bot.last().text()),
        BlockActionPayload.class);
    assertThat(payload.getContainer().isEphemeral()).isTrue();
    assertThat(payload.getContainer().getMessageTs()).isEqualTo(prompt.ts());
    assertThat(payload.getMessage()).isNull();
    assertThatThrownBy(() -> workspace.as(BOB).click(INCIDENT_42, prompt.ts(), "confirm"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void views_update_replaces_the_form_by_id_and_refuses_a_stale_hash() throws Exception {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    View before = workspace.openViews(ALICE).get(0);
    String next = FORM.replace("\"Root task\"", "\"Root task (2)\"");

    var updated = client.viewsUpdate(r -> r.viewId(before.id()).hash(before.hash()).viewAsString(next));
    var stale = client.viewsUpdate(r -> r.viewId(before.id()).hash(before.hash()).viewAsString(FORM));
    var unknown = client.viewsUpdate(r -> r.viewId("V0NOSUCH00").viewAsString(FORM));

    assertThat(updated.isOk()).isTrue();
    assertThat(updated.getView().getId()).isEqualTo(before.id());
    assertThat(workspace.openViews(ALICE).get(0).title()).isEqualTo("Root task (2)");
    assertThat(stale.getError()).isEqualTo("hash_conflict");
    assertThat(unknown.getError()).isEqualTo("not_found");
  }

  @Test
  void views_push_puts_a_form_on_top_and_submitting_it_returns_to_the_one_below() throws Exception {
    openFormOnCommand();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String below = workspace.openViews(ALICE).get(0).id();
    String help = "{\"type\":\"modal\",\"callback_id\":\"help\",\"title\":{\"type\":\"plain_text\",\"text\":\"Help\"},"
        + "\"submit\":{\"type\":\"plain_text\",\"text\":\"Back\"},\"blocks\":[{\"type\":\"section\",\"text\":"
        + "{\"type\":\"mrkdwn\",\"text\":\"Root tasks are\u2026\"}}]}";
    bot.answer(r -> {
      String payload = SlackAlgorithm.form(r.text()).get("payload");
      if (payload != null && payload.contains("block_actions")) {
        String trigger = gson.fromJson(payload, BlockActionPayload.class).getTriggerId();
        try {
          client.viewsPush(v -> v.triggerId(trigger).viewAsString(help));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return RecordingBot.Answer.ok();
    });

    workspace.as(ALICE).clickInView(below, "help");
    View top = workspace.openViews(ALICE).get(0);
    workspace.as(ALICE).submit(top.id(), Map.of());

    assertThat(top.callbackId()).isEqualTo("help");
    assertThat(top.object().get("previous_view_id").getAsString()).isEqualTo(below);
    assertThat(workspace.openViews(ALICE)).extracting(View::id).containsExactly(below);
  }

  @Test
  void a_message_that_does_not_mention_the_bot_is_posted_and_sends_the_bot_nothing() {
    int received = bot.received().size();
    String card = workspace.as(ALICE).say(INCIDENT_42, "looking into it").ts();

    Message reply = workspace.as(BOB).say(INCIDENT_42, "thanks", card);

    assertThat(bot.received()).hasSize(received);
    assertThat(workspace.thread(INCIDENT_42, card)).extracting(Message::text).containsExactly("looking into it", "thanks");
    assertThat(reply.via()).isEqualTo(Via.PERSON);
    assertThatThrownBy(() -> workspace.as(ALICE).say(INCIDENT_42, "<@U0ROOTBOT> status"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use mention");
  }

  @Test
  void the_close_button_closes_the_form_and_tells_the_bot_only_when_the_form_asked() throws Exception {
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String quiet = client.viewsOpen(v -> v.triggerId(SlackAlgorithm.form(bot.last().text()).get("trigger_id"))
        .viewAsString(FORM)).getView().getId();
    assertThat(workspace.as(ALICE).close(quiet)).isEmpty();
    int received = bot.received().size();
    workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    String noisy = client.viewsOpen(v -> v.triggerId(SlackAlgorithm.form(bot.last().text()).get("trigger_id"))
        .viewAsString(FORM.replace("\"type\":\"modal\",", "\"type\":\"modal\",\"notify_on_close\":true,"))).getView().getId();

    assertThat(workspace.as(ALICE).close(noisy)).hasValueSatisfying(r -> assertThat(r.acknowledged()).isTrue());

    ViewClosedPayload payload = gson.fromJson(new JsonPayloadExtractor().extractIfExists(bot.last().text()),
        ViewClosedPayload.class);
    assertThat(bot.received()).hasSize(received + 2);
    assertThat(payload.getType()).isEqualTo("view_closed");
    assertThat(payload.getUser().getId()).isEqualTo(ALICE.id());
    assertThat(payload.getView().getId()).isEqualTo(noisy);
    assertThat(workspace.openViews(ALICE)).isEmpty();
    assertThatThrownBy(() -> workspace.as(BOB).close(noisy)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Makes the stand-in bot open the form with the trigger of each slash command, as a bot does for {@code /root} alone. */
  private static AtomicReference<ViewsOpenResponse> openFormOnCommand() {
    AtomicReference<ViewsOpenResponse> opened = new AtomicReference<>();
    bot.answer(r -> {
      if (r.text().contains("command=")) {
        String trigger = SlackAlgorithm.form(r.text()).get("trigger_id");
        try {
          opened.set(client.viewsOpen(v -> v.triggerId(trigger).viewAsString(FORM)));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return RecordingBot.Answer.ok();
    });
    return opened;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
