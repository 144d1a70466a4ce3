package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.webhook.WebhookResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code response_url}s, posted to with the Slack SDK as Bolt's {@code ctx.respond} does. */
class ResponseUrlTest {
  static final String BUTTONS = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Unlock bucket?\"}},"
      + "{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"approve\","
      + "\"text\":{\"type\":\"plain_text\",\"text\":\"Approve\"},\"value\":\"req-1\"}]}]";

  static final SettableClock clock = SettableClock.now();
  static final SlackWorkspace workspace = SlackWorkspace.start(0, clock);
  static final RecordingBot bot = RecordingBot.onFreePort();
  static final Slack slack = SlackClients.slack(workspace);
  static final MethodsClient client = SlackClients.bot(workspace);

  @BeforeEach
  void connect() {
    workspace.reset();
    workspace.connectBot(bot.eventsUrl(), SlackWorkspace.SIGNING_SECRET);
  }

  @AfterAll
  static void stop() throws Exception {
    slack.close();
    bot.close();
    workspace.close();
  }

  @Test
  void a_response_is_ephemeral_to_the_person_by_default() throws Exception {
    String url = commandResponseUrl(ALICE);

    WebhookResponse answer = slack.send(url, "{\"text\":\"Working on it\"}");

    assertThat(answer.getCode()).isEqualTo(200);
    assertThat(answer.getBody()).isEqualTo("{\"ok\":true}");
    assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text).containsExactly("Working on it");
    assertThat(workspace.ephemeralsFor(ALICE).get(0).via()).isEqualTo(Via.RESPONSE_URL);
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void an_in_channel_response_is_a_message_everyone_sees_in_the_thread_it_names() throws Exception {
    String parent = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("incident")).getTs();
    String url = commandResponseUrl(ALICE);

    slack.send(url, "{\"response_type\":\"in_channel\",\"text\":\"Request 7 filed\",\"thread_ts\":\"" + parent + "\"}");

    assertThat(workspace.thread(INCIDENT_42, parent)).extracting(Message::text)
        .containsExactly("incident", "Request 7 filed");
    assertThat(workspace.ephemeralsFor(ALICE)).isEmpty();
  }

  @Test
  void replace_original_updates_the_clicked_message_in_place_and_keeps_its_thread() throws Exception {
    String card = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Approve?").blocksAsString(BUTTONS))
        .getTs();
    client.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card).text("discussion"));
    String url = clickResponseUrl(BOB, card);

    slack.send(url, "{\"replace_original\":true,\"text\":\"Approved by bob\"}");

    Message updated = workspace.message(INCIDENT_42, card).orElseThrow();
    assertThat(updated.text()).isEqualTo("Approved by bob");
    assertThat(updated.actionIds()).isEmpty();
    assertThat(updated.revisions()).singleElement().satisfies(r -> assertThat(r.replacedVia()).isEqualTo(Via.RESPONSE_URL));
    assertThat(workspace.thread(INCIDENT_42, card)).hasSize(2);
    assertThat(workspace.ephemeralsFor(BOB)).isEmpty();
  }

  @Test
  void a_click_response_without_replace_original_is_a_new_message_for_the_clicker_alone() throws Exception {
    String card = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Approve?").blocksAsString(BUTTONS))
        .getTs();
    String url = clickResponseUrl(ALICE, card);

    slack.send(url, "{\"text\":\"You asked; someone else must approve\"}");

    assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text)
        .containsExactly("You asked; someone else must approve");
    assertThat(workspace.message(INCIDENT_42, card).orElseThrow().text()).isEqualTo("Approve?");
  }

  @Test
  void a_click_response_url_keeps_acting_on_the_clicked_message_after_answering_the_clicker() throws Exception {
    String card = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Approve?").blocksAsString(BUTTONS))
        .getTs();
    String url = clickResponseUrl(BOB, card);

    slack.send(url, "{\"text\":\"Approving…\"}");
    slack.send(url, "{\"replace_original\":\"true\",\"text\":\"Approved\"}");

    assertThat(workspace.message(INCIDENT_42, card).orElseThrow().text()).isEqualTo("Approved");
    assertThat(workspace.ephemeralsFor(BOB)).extracting(Ephemeral::text).containsExactly("Approving…");
  }

  @Test
  void delete_original_deletes_the_clicked_message() throws Exception {
    String card = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Approve?").blocksAsString(BUTTONS))
        .getTs();
    String url = clickResponseUrl(ALICE, card);

    slack.send(url, "{\"delete_original\":true}");

    assertThat(workspace.message(INCIDENT_42, card)).isEmpty();
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void replace_original_after_a_click_on_an_ephemeral_message_replaces_that_message() throws Exception {
    client.chatPostEphemeral(r -> r.channel(INCIDENT_42).user(ALICE.id()).text("Sure?").blocksAsString(BUTTONS));
    Ephemeral prompt = workspace.ephemeralsFor(ALICE).get(0);
    String url = clickResponseUrl(ALICE, prompt.ts());

    slack.send(url, "{\"replace_original\":true,\"text\":\"Done\"}");

    assertThat(workspace.ephemeralsFor(ALICE)).singleElement()
        .satisfies(e -> assertThat(e.ts()).isEqualTo(prompt.ts()))
        .satisfies(e -> assertThat(e.text()).isEqualTo("Done"));
  }

  @Test
  void a_slash_command_response_url_replaces_the_message_it_posted_last() throws Exception {
    String url = commandResponseUrl(ALICE);

    slack.send(url, "{\"text\":\"Working on it\"}");
    slack.send(url, "{\"replace_original\":true,\"text\":\"Done\"}");

    assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text).containsExactly("Done");
  }

  @Test
  void a_response_url_takes_five_posts_then_answers_used_url() throws Exception {
    String url = commandResponseUrl(ALICE);
    for (int i = 1; i <= 5; i++) {
      assertThat(slack.send(url, "{\"text\":\"update " + i + "\"}").getCode()).isEqualTo(200);
    }

    WebhookResponse sixth = slack.send(url, "{\"text\":\"update 6\"}");

    assertThat(sixth.getCode()).isEqualTo(404);
    assertThat(sixth.getBody()).contains("used_url");
    assertThat(workspace.ephemeralsFor(ALICE)).hasSize(5);
  }

  @Test
  void a_response_url_expires_after_thirty_minutes() throws Exception {
    String url = commandResponseUrl(ALICE);
    clock.advance(Duration.ofMinutes(30));

    WebhookResponse late = slack.send(url, "{\"text\":\"too late\"}");

    assertThat(late.getCode()).isEqualTo(404);
    assertThat(late.getBody()).contains("expired_url");
    assertThat(workspace.ephemeralsFor(ALICE)).isEmpty();
  }

  @Test
  void blocks_slack_refuses_are_refused_at_a_response_url_too() throws Exception {
    String url = commandResponseUrl(ALICE);

    WebhookResponse answer = slack.send(url,
        "{\"blocks\":[{\"type\":\"header\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*no*\"}}]}");

    assertThat(answer.getCode()).isEqualTo(400);
    assertThat(answer.getBody()).contains("invalid_blocks");
    assertThat(workspace.ephemeralsFor(ALICE)).isEmpty();
  }

  @Test
  void every_post_is_recorded_with_what_was_sent_and_how_it_was_answered() throws Exception {
    String url = commandResponseUrl(ALICE);

    slack.send(url, "{\"text\":\"recorded\"}");

    assertThat(workspace.responseUrlPosts()).singleElement()
        .satisfies(p -> assertThat(p.url()).isEqualTo(url))
        .satisfies(p -> assertThat(p.json()).contains("recorded"))
        .satisfies(p -> assertThat(p.ok()).isTrue());
  }

  private static String commandResponseUrl(Person person) {
    BotResponse response = workspace.as(person).slashCommand("/root", "status", INCIDENT_42);
    return SlackAlgorithm.form(response.request().body()).get("response_url");
  }

  private static String clickResponseUrl(Person person, String ts) {
    BotResponse response = workspace.as(person).click(INCIDENT_42, ts, "approve");
    String payload = SlackAlgorithm.form(response.request().body()).get("payload");
    return com.google.gson.JsonParser.parseString(payload).getAsJsonObject().get("response_url").getAsString();
  }
}
