package dev.rootbot.sandbox.slack.page;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.ERIN;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static dev.rootbot.sandbox.slack.SlackWorkspace.ROOTBOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.methods.MethodsClient;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.RecordingBot;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page's JSON API: what each person sees, and that each action reaches the bot signed, as that person. */
class PageApiTest {
  static final String SECRET = "page-test-signing-secret";
  static final String CARD = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Approve?\"}},"
      + "{\"type\":\"actions\",\"block_id\":\"decision\",\"elements\":[{\"type\":\"button\",\"action_id\":\"approve\","
      + "\"value\":\"req-1\",\"style\":\"primary\",\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"}}]}]";
  static final String FORM = "{\"type\":\"modal\",\"callback_id\":\"root_form\",\"title\":{\"type\":\"plain_text\","
      + "\"text\":\"Root task\"},\"submit\":{\"type\":\"plain_text\",\"text\":\"Request\"},\"blocks\":["
      + "{\"type\":\"input\",\"block_id\":\"account_block\",\"label\":{\"type\":\"plain_text\",\"text\":\"Account\"},"
      + "\"element\":{\"type\":\"external_select\",\"action_id\":\"account\",\"min_query_length\":1}},"
      + "{\"type\":\"input\",\"block_id\":\"reason_block\",\"label\":{\"type\":\"plain_text\",\"text\":\"Reason\"},"
      + "\"element\":{\"type\":\"plain_text_input\",\"action_id\":\"reason\",\"multiline\":true}}]}";

  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final RecordingBot bot = RecordingBot.onFreePort();
  static final MethodsClient client = slack(workspace);
  static final PageHttp page = new PageHttp(workspace);

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
  void the_state_shows_a_person_only_their_own_ephemeral_messages_and_views() throws Exception {
    client.chatPostMessage(r -> r.channel(INCIDENT_42).text("hello all"));
    client.chatPostEphemeral(r -> r.channel(INCIDENT_42).user(ALICE.id()).text("only alice"));
    client.chatPostEphemeral(r -> r.channel(INCIDENT_42).user(BOB.id()).text("only bob"));
    openForm(ALICE.id());

    JsonObject alice = page.state(ALICE.id());
    JsonObject bob = page.state(BOB.id());

    assertThat(alice.get("viewer").getAsString()).isEqualTo(ALICE.id());
    assertThat(alice.get("aws").isJsonNull()).isTrue();
    assertThat(alice.getAsJsonArray("channels").get(0).getAsJsonObject().getAsJsonArray("messages").get(0)
        .getAsJsonObject().get("text").getAsString()).isEqualTo("hello all");
    assertThat(alice.getAsJsonArray("ephemerals")).singleElement()
        .satisfies(e -> assertThat(e.getAsJsonObject().get("text").getAsString()).isEqualTo("only alice"));
    assertThat(bob.getAsJsonArray("ephemerals")).singleElement()
        .satisfies(e -> assertThat(e.getAsJsonObject().get("text").getAsString()).isEqualTo("only bob"));
    assertThat(alice.getAsJsonArray("views")).singleElement().satisfies(v -> assertThat(v.getAsJsonObject()
        .getAsJsonObject("view").get("callback_id").getAsString()).isEqualTo("root_form"));
    assertThat(bob.getAsJsonArray("views")).isEmpty();
    assertThat(page.state("bob").get("viewer").getAsString()).isEqualTo(BOB.id());
  }

  @Test
  void a_slash_command_reaches_the_bot_signed_as_slack_signs_it_from_the_chosen_person() throws Exception {
    JsonObject answer = page.act("command", "{\"as\":\"U0BOB0000\",\"channel\":\"C0INCIDENT\",\"command\":\"/root\","
        + "\"text\":\"unlock bucket <b>logs</b> & more \"}");

    RecordingBot.Received sent = bot.last();
    Map<String, String> form = form(sent.text());
    assertThat(answer.get("acknowledged").getAsBoolean()).isTrue();
    assertThat(new SlackSignature.Verifier(new SlackSignature.Generator(SECRET))
        .isValid(sent.header("X-Slack-Request-Timestamp"), sent.text(), sent.header("X-Slack-Signature"))).isTrue();
    assertThat(form).containsEntry("user_id", BOB.id()).containsEntry("command", "/root")
        .containsEntry("channel_id", INCIDENT_42)
        .containsEntry("text", "unlock bucket &lt;b&gt;logs&lt;/b&gt; &amp; more");
  }

  @Test
  void the_acknowledgement_of_a_slash_command_is_an_ephemeral_message_for_its_sender_only() throws Exception {
    bot.answer(r -> RecordingBot.Answer.text("Usage: /root help"));

    page.act("command", "{\"as\":\"U0ALICE00\",\"channel\":\"C0INCIDENT\",\"command\":\"/root\",\"text\":\"bogus\"}");

    assertThat(page.state(ALICE.id()).getAsJsonArray("ephemerals")).singleElement()
        .satisfies(e -> assertThat(e.getAsJsonObject().get("text").getAsString()).isEqualTo("Usage: /root help"));
    assertThat(page.state(BOB.id()).getAsJsonArray("ephemerals")).isEmpty();
  }

  @Test
  void a_message_that_mentions_the_bot_is_sent_as_an_app_mention_and_any_other_reaches_nobody() throws Exception {
    JsonObject mention = page.act("message", "{\"as\":\"U0CAROL00\",\"channel\":\"C0INCIDENT\","
        + "\"text\":\"@rootbot status please, @bob\"}");
    int received = bot.received().size();
    JsonObject chat = page.act("message", "{\"as\":\"U0CAROL00\",\"channel\":\"C0INCIDENT\",\"text\":\"just <chatting>\"}");

    JsonObject event = JsonParser.parseString(bot.last().text()).getAsJsonObject().getAsJsonObject("event");
    assertThat(mention.get("sent").getAsString()).isEqualTo("app_mention");
    assertThat(event.get("type").getAsString()).isEqualTo("app_mention");
    assertThat(event.get("user").getAsString()).isEqualTo(CAROL.id());
    assertThat(event.get("text").getAsString()).isEqualTo("<@U0ROOTBOT> status please, <@U0BOB0000>");
    assertThat(chat.get("sent").getAsString()).isEqualTo("nothing");
    assertThat(bot.received()).hasSize(received);
    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text)
        .containsExactly("<@U0ROOTBOT> status please, <@U0BOB0000>", "just &lt;chatting&gt;");
  }

  @Test
  void a_reply_typed_in_a_thread_is_posted_in_that_thread() throws Exception {
    String card = client.chatPostMessage(r -> r.channel(PLATFORM).text("card")).getTs();

    page.act("message", "{\"as\":\"U0ALICE00\",\"channel\":\"C0PLATFORM\",\"text\":\"@rootbot status\","
        + "\"thread_ts\":\"" + card + "\"}");
    page.act("message", "{\"as\":\"U0BOB0000\",\"channel\":\"C0PLATFORM\",\"text\":\"thanks\","
        + "\"thread_ts\":\"" + card + "\"}");

    JsonObject event = JsonParser.parseString(bot.last().text()).getAsJsonObject().getAsJsonObject("event");
    assertThat(event.get("thread_ts").getAsString()).isEqualTo(card);
    assertThat(workspace.thread(PLATFORM, card)).extracting(Message::text)
        .containsExactly("card", "<@U0ROOTBOT> status", "thanks");
  }

  @Test
  void a_click_reaches_the_bot_as_the_person_who_clicked_with_the_message_and_the_button() throws Exception {
    String card = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("card").blocksAsString(CARD)).getTs();

    page.act("click", "{\"as\":\"U0BOB0000\",\"channel\":\"C0INCIDENT\",\"ts\":\"" + card + "\","
        + "\"action_id\":\"approve\",\"value\":\"req-1\"}");

    JsonObject payload = JsonParser.parseString(form(bot.last().text()).get("payload")).getAsJsonObject();
    assertThat(payload.get("type").getAsString()).isEqualTo("block_actions");
    assertThat(payload.getAsJsonObject("user").get("id").getAsString()).isEqualTo(BOB.id());
    assertThat(payload.getAsJsonObject("message").get("ts").getAsString()).isEqualTo(card);
    JsonObject action = payload.getAsJsonArray("actions").get(0).getAsJsonObject();
    assertThat(action.get("action_id").getAsString()).isEqualTo("approve");
    assertThat(action.get("value").getAsString()).isEqualTo("req-1");
  }

  @Test
  void a_form_asks_the_bot_for_options_submits_by_block_and_action_and_shows_the_bots_errors() throws Exception {
    String view = openForm(ALICE.id());
    bot.answer(r -> RecordingBot.Answer.json("{\"options\":[{\"text\":{\"type\":\"plain_text\",\"text\":"
        + "\"prod-payments (222222222222)\"},\"value\":\"222222222222\"}]}"));

    JsonObject offered = page.act("suggest", "{\"as\":\"U0ALICE00\",\"view_id\":\"" + view + "\","
        + "\"action_id\":\"account\",\"value\":\"prod\"}");
    JsonObject suggestion = JsonParser.parseString(form(bot.last().text()).get("payload")).getAsJsonObject();
    bot.answer(r -> RecordingBot.Answer.json(
        "{\"response_action\":\"errors\",\"errors\":{\"reason_block\":\"Say more\"}}"));
    page.act("submit", "{\"as\":\"U0ALICE00\",\"view_id\":\"" + view + "\","
        + "\"values\":{\"account\":\"222222222222\",\"reason\":\"short\"}}");
    JsonObject submission = JsonParser.parseString(form(bot.last().text()).get("payload")).getAsJsonObject();

    assertThat(suggestion.get("type").getAsString()).isEqualTo("block_suggestion");
    assertThat(suggestion.get("value").getAsString()).isEqualTo("prod");
    assertThat(offered.getAsJsonArray("options").get(0).getAsJsonObject().get("value").getAsString())
        .isEqualTo("222222222222");
    JsonObject values = submission.getAsJsonObject("view").getAsJsonObject("state").getAsJsonObject("values");
    assertThat(values.getAsJsonObject("reason_block").getAsJsonObject("reason").get("value").getAsString())
        .isEqualTo("short");
    assertThat(values.getAsJsonObject("account_block").getAsJsonObject("account").getAsJsonObject("selected_option")
        .get("value").getAsString()).isEqualTo("222222222222");
    assertThat(page.state(ALICE.id()).getAsJsonArray("views").get(0).getAsJsonObject().getAsJsonObject("errors")
        .get("reason_block").getAsString()).isEqualTo("Say more");
  }

  @Test
  void the_close_button_closes_the_form() throws Exception {
    String view = openForm(ALICE.id());

    page.act("close", "{\"as\":\"U0ALICE00\",\"view_id\":\"" + view + "\"}");

    assertThat(workspace.openViews(ALICE)).isEmpty();
  }

  @Test
  void what_slack_would_not_let_a_person_do_is_refused_with_the_reason() throws Exception {
    HttpResponse<String> unknown = page.post("command", "{\"as\":\"U0NOBODY0\",\"channel\":\"C0INCIDENT\","
        + "\"command\":\"/root\",\"text\":\"\"}");
    HttpResponse<String> asTheBot = page.post("message", "{\"as\":\"" + ROOTBOT.id() + "\",\"channel\":\"C0INCIDENT\","
        + "\"text\":\"hi\"}");
    HttpResponse<String> deactivated = page.get("/page/api/state?as=" + ERIN.id());
    HttpResponse<String> noSuchButton = page.post("click", "{\"as\":\"U0BOB0000\",\"channel\":\"C0INCIDENT\","
        + "\"ts\":\"1.000001\",\"action_id\":\"approve\"}");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("\"ok\":false").contains("no person U0NOBODY0");
    assertThat(asTheBot.statusCode()).isEqualTo(400);
    assertThat(deactivated.statusCode()).isEqualTo(400);
    assertThat(noSuchButton.statusCode()).isEqualTo(400);
    assertThat(noSuchButton.body()).contains("sees no message 1.000001");
  }

  @Test
  void without_a_bot_an_action_says_so() throws Exception {
    try (SlackWorkspace alone = SlackWorkspace.onFreePort()) {
      HttpResponse<String> response = new PageHttp(alone).post("command",
          "{\"as\":\"U0ALICE00\",\"channel\":\"C0INCIDENT\",\"command\":\"/root\",\"text\":\"help\"}");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("no bot is connected");
    }
  }

  @Test
  void other_hosts_other_origins_and_forms_are_refused() throws Exception {
    int before = bot.received().size();
    HttpResponse<String> otherOrigin = page.post("command",
        "{\"as\":\"U0ALICE00\",\"channel\":\"C0INCIDENT\",\"command\":\"/root\",\"text\":\"help\"}",
        "application/json", "http://evil.example");
    HttpResponse<String> aForm = page.post("command", "as=U0ALICE00&channel=C0INCIDENT&command=/root",
        "application/x-www-form-urlencoded", null);
    HttpResponse<String> fromThePage = page.post("command",
        "{\"as\":\"U0ALICE00\",\"channel\":\"C0INCIDENT\",\"command\":\"/root\",\"text\":\"help\"}",
        "application/json", "http://127.0.0.1:" + workspace.port());

    assertThat(page.statusLineWithHost("/page/api/state?as=U0ALICE00", "rebound.evil.example:" + workspace.port()))
        .contains(" 403");
    assertThat(page.statusLineWithHost("/", "rebound.evil.example")).contains(" 403");
    assertThat(page.statusLineWithHost("/page/api/state?as=U0ALICE00", "localhost:" + workspace.port()))
        .contains(" 200");
    assertThat(otherOrigin.statusCode()).isEqualTo(403);
    assertThat(aForm.statusCode()).isEqualTo(403);
    assertThat(fromThePage.statusCode()).isEqualTo(200);
    assertThat(bot.received()).hasSize(before + 1);
  }

  @Test
  void a_shared_file_downloads_from_the_page_as_an_attachment_and_only_to_localhost() throws Exception {
    String html = "<script>alert(1)</script>";
    String id = client.filesUploadV2(r -> r.channel(INCIDENT_42).filename("report é.html").content(html))
        .getFile().getId();

    HttpResponse<String> download = page.get("/page/files/" + id);
    HttpResponse<String> unknown = page.get("/page/files/F0NOSUCHFILE");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(html);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"report__.html\"; filename*=UTF-8''report%20%C3%A9.html");
    assertThat(download.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(page.statusLineWithHost("/page/files/" + id, "rebound.evil.example:" + workspace.port()))
        .contains(" 403");
    JsonObject shared = page.state(ALICE.id()).getAsJsonArray("channels").get(0).getAsJsonObject()
        .getAsJsonArray("messages").get(0).getAsJsonObject();
    assertThat(shared.getAsJsonArray("files").get(0).getAsJsonObject().get("id").getAsString()).isEqualTo(id);
  }

  @Test
  void changes_stream_as_server_sent_events() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
        URI.create(workspace.baseUrl() + "/page/api/events")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("text/event-stream"));
      assertThat(lines.readLine()).isEqualTo("event: hello");

      String ts = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("news")).getTs();

      CompletableFuture<String> change = CompletableFuture.supplyAsync(() -> {
        try {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("data: ") && line.contains("MESSAGE_POSTED")) {
              return line;
            }
          }
          return "the stream ended";
        } catch (java.io.IOException e) {
          return e.toString();
        }
      });
      assertThat(change.get(5, TimeUnit.SECONDS)).isEqualTo("data: {\"kind\":\"MESSAGE_POSTED\",\"channel\":\""
          + INCIDENT_42 + "\",\"user\":\"\",\"id\":\"" + ts + "\"}");
    }
  }

  @Test
  void the_state_says_where_the_simulated_aws_is_once_told() throws Exception {
    try (SlackWorkspace own = SlackWorkspace.onFreePort()) {
      own.showAws(URI.create("http://127.0.0.1:4566"));

      assertThat(new PageHttp(own).state(ALICE.id()).get("aws").getAsString()).isEqualTo("http://127.0.0.1:4566");
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> own.showAws(URI.create("javascript:alert(1)"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void the_readme_example_serves_the_page_with_its_aws_panel_and_bot() throws Exception {
    // sandbox/README.md's example, on free ports instead of 4566 and 3000.
    try (SimulatedAws aws = SimulatedAws.start(Seed.demo(), 0); SlackWorkspace slack = SlackWorkspace.onPort(0)) {
      slack.showAws(aws.endpoint());
      slack.connectBot(bot.eventsUrl(), SlackWorkspace.SIGNING_SECRET);
      PageHttp own = new PageHttp(slack);

      assertThat(own.get("/").body()).contains("<title>Rootbot sandbox</title>");
      assertThat(own.state(ALICE.id()).get("aws").getAsString()).isEqualTo(aws.endpoint().toString());
      assertThat(own.act("command", "{\"as\":\"U0ALICE00\",\"channel\":\"C0INCIDENT\",\"command\":\"/root\","
          + "\"text\":\"help\"}").get("acknowledged").getAsBoolean()).isTrue();
      assertThat(new SlackSignature.Verifier(new SlackSignature.Generator(SlackWorkspace.SIGNING_SECRET)).isValid(
          bot.last().header("X-Slack-Request-Timestamp"), bot.last().text(), bot.last().header("X-Slack-Signature")))
          .isTrue();
    }
  }

  /** Opens the form in front of {@code userId} the way a bot does: a slash command, then views.open with its trigger. */
  private static String openForm(String userId) throws Exception {
    page.act("command", "{\"as\":\"" + userId + "\",\"channel\":\"C0INCIDENT\",\"command\":\"/root\",\"text\":\"\"}");
    String trigger = form(bot.last().text()).get("trigger_id");
    return client.viewsOpen(r -> r.triggerId(trigger).viewAsString(FORM)).getView().getId();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> fields.put(
        URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
        pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    return fields;
  }

  private static MethodsClient slack(SlackWorkspace workspace) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
    config.setStatsEnabled(false);
    return Slack.getInstance(config).methods(workspace.botToken());
  }
}
