package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.APPROVERS;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.DAVE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.ERIN;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static dev.rootbot.sandbox.slack.SlackWorkspace.ROOTBOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.block.element.BlockElements;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Web API, called with the unmodified Slack Java SDK as the bot calls it. */
class WebApiTest {
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final Slack slack = SlackClients.slack(workspace);
  static final MethodsClient bot = SlackClients.bot(workspace);

  @BeforeEach
  void forgetEverything() {
    workspace.reset();
  }

  @AfterAll
  static void stop() throws Exception {
    slack.close();
    workspace.close();
  }

  @Test
  void auth_test_names_the_bot_user_its_bot_id_and_the_team() throws Exception {
    AuthTestResponse auth = bot.authTest(r -> r);

    assertThat(auth.isOk()).isTrue();
    assertThat(auth.getUserId()).isEqualTo(ROOTBOT.id());
    assertThat(auth.getBotId()).isEqualTo("B0ROOTBOT");
    assertThat(auth.getTeamId()).isEqualTo("T0SANDBOX");
    assertThat(auth.getTeam()).isEqualTo("Rootbot Sandbox");
    assertThat(auth.getUrl()).isEqualTo("https://rootbot-sandbox.slack.com/");
    assertThat(auth.getHttpResponseHeaders().get("x-oauth-scopes").get(0)).contains("chat:write");
  }

  @Test
  void a_reply_posted_with_thread_ts_lands_in_that_thread_and_not_in_the_channel() throws Exception {
    ChatPostMessageResponse card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("Request #1"));
    ChatPostMessageResponse reply = bot.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card.getTs())
        .text("Succeeded"));

    assertThat(reply.isOk()).isTrue();
    assertThat(reply.getChannel()).isEqualTo(INCIDENT_42);
    assertThat(reply.getMessage().getThreadTs()).isEqualTo(card.getTs());
    assertThat(reply.getTs()).matches("\\d{10}\\.\\d{6}").isGreaterThan(card.getTs());
    assertThat(workspace.thread(INCIDENT_42, card.getTs())).extracting(m -> m.text())
        .containsExactly("Request #1", "Succeeded");
    ConversationsHistoryResponse history = bot.conversationsHistory(r -> r.channel(INCIDENT_42));
    assertThat(history.getMessages()).extracting(Message::getText).containsExactly("Request #1");
    assertThat(history.getMessages().get(0).getReplyCount()).isEqualTo(1);
    ConversationsRepliesResponse replies = bot.conversationsReplies(r -> r.channel(INCIDENT_42).ts(card.getTs()));
    assertThat(replies.getMessages()).extracting(Message::getText).containsExactly("Request #1", "Succeeded");
  }

  @Test
  void a_message_with_blocks_keeps_them_and_gets_the_block_ids_slack_fills_in() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("Approve?").blocks(List.of(
        Blocks.section(s -> s.text(BlockCompositions.markdownText("*Unlock bucket* logs"))),
        Blocks.actions(a -> a.blockId("decision").elements(List.of(
            BlockElements.button(b -> b.actionId("approve").text(BlockCompositions.plainText("Approve"))
                .value("req-1").style("primary")),
            BlockElements.button(b -> b.actionId("deny").text(BlockCompositions.plainText("Deny")).value("req-1"))))))));

    assertThat(posted.getMessage().getBlocks()).hasSize(2);
    assertThat(posted.getMessage().getBlocks().get(0).getBlockId()).isNotBlank();
    dev.rootbot.sandbox.slack.Message stored = workspace.message(INCIDENT_42, posted.getTs()).orElseThrow();
    assertThat(stored.actionIds()).containsExactly("approve", "deny");
    assertThat(stored.allText()).contains("*Unlock bucket* logs", "Approve", "Deny");
    assertThat(stored.fromBot()).isTrue();
    assertThat(workspace.calls("chat.postMessage").get(0).param("blocks").orElseThrow()).contains("\"approve\"");
  }

  @Test
  void chat_update_replaces_the_message_in_place_and_keeps_its_thread() throws Exception {
    ChatPostMessageResponse card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("Waiting for approval"));
    ChatPostMessageResponse reply = bot.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card.getTs())
        .text("Running"));

    ChatUpdateResponse updated = bot.chatUpdate(r -> r.channel(INCIDENT_42).ts(card.getTs()).text("Approved by bob"));

    assertThat(updated.isOk()).isTrue();
    assertThat(updated.getTs()).isEqualTo(card.getTs());
    assertThat(updated.getText()).isEqualTo("Approved by bob");
    dev.rootbot.sandbox.slack.Message now = workspace.message(INCIDENT_42, card.getTs()).orElseThrow();
    assertThat(now.text()).isEqualTo("Approved by bob");
    assertThat(now.revisions()).extracting(dev.rootbot.sandbox.slack.Message.Revision::text)
        .containsExactly("Waiting for approval");
    assertThat(workspace.thread(INCIDENT_42, card.getTs())).extracting(m -> m.ts())
        .containsExactly(card.getTs(), reply.getTs());
    assertThat(workspace.messages(INCIDENT_42)).hasSize(2);
  }

  @Test
  void chat_update_of_a_message_that_is_not_there_fails_with_message_not_found() throws Exception {
    ChatUpdateResponse updated = bot.chatUpdate(r -> r.channel(INCIDENT_42).ts("1000000000.000100").text("x"));

    assertThat(updated.isOk()).isFalse();
    assertThat(updated.getError()).isEqualTo("message_not_found");
  }

  @Test
  void chat_update_of_a_message_a_person_wrote_fails_with_cant_update_message() throws Exception {
    try (RecordingBot recording = RecordingBot.onFreePort()) {
      workspace.connectBot(recording.eventsUrl(), SlackWorkspace.SIGNING_SECRET);
      workspace.as(ALICE).mention(INCIDENT_42, ROOTBOT.mention() + " status");
    }
    String aliceTs = workspace.messages(INCIDENT_42).get(0).ts();

    ChatUpdateResponse updated = bot.chatUpdate(r -> r.channel(INCIDENT_42).ts(aliceTs).text("edited by the bot"));

    assertThat(updated.getError()).isEqualTo("cant_update_message");
    assertThat(workspace.message(INCIDENT_42, aliceTs).orElseThrow().text()).contains("status");
  }

  @Test
  void an_ephemeral_message_is_seen_only_by_the_person_it_is_for() throws Exception {
    ChatPostEphemeralResponse sent = bot.chatPostEphemeral(r -> r.channel(INCIDENT_42).user(ALICE.id())
        .text("Only you can see this"));

    assertThat(sent.isOk()).isTrue();
    assertThat(sent.getMessageTs()).matches("\\d{10}\\.\\d{6}");
    assertThat(workspace.ephemeralsFor(ALICE)).extracting(Ephemeral::text).containsExactly("Only you can see this");
    assertThat(workspace.ephemeralsFor(BOB)).isEmpty();
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void an_ephemeral_message_for_someone_unknown_fails_with_user_not_found() throws Exception {
    ChatPostEphemeralResponse sent = bot.chatPostEphemeral(r -> r.channel(INCIDENT_42).user("U0NOBODY0").text("hi"));

    assertThat(sent.getError()).isEqualTo("user_not_found");
  }

  @Test
  void a_message_to_a_channel_that_does_not_exist_fails_with_channel_not_found() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel("C0NOWHERE").text("hello"));

    assertThat(posted.getError()).isEqualTo("channel_not_found");
  }

  @Test
  void a_message_to_a_user_id_goes_to_their_direct_message_conversation() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel(BOB.id()).text("You have a request"));

    assertThat(posted.getChannel()).isEqualTo("D0BOB0000");
    assertThat(workspace.messages("D0BOB0000")).extracting(m -> m.text()).containsExactly("You have a request");
  }

  @Test
  void a_message_with_neither_text_nor_blocks_fails_with_no_text() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel(INCIDENT_42));

    assertThat(posted.getError()).isEqualTo("no_text");
  }

  @Test
  void blocks_slack_refuses_fail_with_invalid_blocks_and_say_why() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("x")
        .blocksAsString("[{\"type\":\"header\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*bold*\"}}]"));

    assertThat(posted.getError()).isEqualTo("invalid_blocks");
    assertThat(posted.getResponseMetadata().getMessages()).anyMatch(m -> m.contains("/blocks/0/text/type"));
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void get_permalink_links_to_the_message_and_to_its_thread() throws Exception {
    ChatPostMessageResponse card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("card"));
    ChatPostMessageResponse reply = bot.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card.getTs()).text("r"));

    ChatGetPermalinkResponse top = bot.chatGetPermalink(r -> r.channel(INCIDENT_42).messageTs(card.getTs()));
    ChatGetPermalinkResponse inThread = bot.chatGetPermalink(r -> r.channel(INCIDENT_42).messageTs(reply.getTs()));

    assertThat(top.getPermalink()).isEqualTo("https://rootbot-sandbox.slack.com/archives/C0INCIDENT/p"
        + card.getTs().replace(".", ""));
    assertThat(inThread.getPermalink()).endsWith("?thread_ts=" + card.getTs() + "&cid=C0INCIDENT");
  }

  @Test
  void users_info_reports_the_flags_that_say_who_may_act() throws Exception {
    User alice = bot.usersInfo(r -> r.user(ALICE.id())).getUser();
    User dave = bot.usersInfo(r -> r.user(DAVE.id())).getUser();
    User erin = bot.usersInfo(r -> r.user(ERIN.id())).getUser();
    User rootbot = bot.usersInfo(r -> r.user(ROOTBOT.id())).getUser();

    assertThat(alice.getTeamId()).isEqualTo("T0SANDBOX");
    assertThat(alice.getProfile().getRealName()).isEqualTo("Alice Archer");
    assertThat(List.of(alice.isBot(), alice.isRestricted(), alice.isUltraRestricted(), alice.isDeleted(),
        alice.isAppUser())).containsOnly(false);
    assertThat(dave.isRestricted()).isTrue();
    assertThat(dave.isUltraRestricted()).isFalse();
    assertThat(erin.isDeleted()).isTrue();
    assertThat(rootbot.isBot()).isTrue();
    assertThat(rootbot.getProfile().getBotId()).isEqualTo("B0ROOTBOT");
  }

  @Test
  void users_info_of_someone_unknown_fails_with_user_not_found() throws Exception {
    UsersInfoResponse info = bot.usersInfo(r -> r.user("U0NOBODY0"));

    assertThat(info.getError()).isEqualTo("user_not_found");
  }

  @Test
  void a_person_added_by_a_test_is_known_to_the_web_api() throws Exception {
    workspace.add(Person.member("U0FRANK00", "frank", "Frank Fox").asSingleChannelGuest());

    User frank = bot.usersInfo(r -> r.user("U0FRANK00")).getUser();

    assertThat(frank.isRestricted()).isTrue();
    assertThat(frank.isUltraRestricted()).isTrue();
  }

  @Test
  void usergroups_users_list_lists_the_members_of_the_approvers_group() throws Exception {
    UsergroupsUsersListResponse members = bot.usergroupsUsersList(r -> r.usergroup(APPROVERS));
    UsergroupsUsersListResponse unknown = bot.usergroupsUsersList(r -> r.usergroup("S0NOSUCH0"));

    assertThat(members.getUsers()).containsExactly(CAROL.id());
    assertThat(unknown.getError()).isEqualTo("no_such_subteam");
  }

  @Test
  void conversations_info_describes_a_public_channel() throws Exception {
    ConversationsInfoResponse info = bot.conversationsInfo(r -> r.channel(PLATFORM));

    assertThat(info.getChannel().getName()).isEqualTo("platform");
    assertThat(info.getChannel().isChannel()).isTrue();
    assertThat(info.getChannel().isPrivate()).isFalse();
  }

  @Test
  void a_wrong_token_fails_with_invalid_auth() throws Exception {
    AuthTestResponse wrong = slack.methods("xoxb-not-the-sandbox-token").authTest(r -> r);
    // Without a token the SDK still sends "Authorization: Bearer null", which Slack calls a wrong token.
    AuthTestResponse none = slack.methods().authTest(r -> r);

    assertThat(wrong.getError()).isEqualTo("invalid_auth");
    assertThat(none.getError()).isEqualTo("invalid_auth");
    assertThat(workspace.calls("auth.test")).extracting(ApiCall::status).containsExactly(200, 200);
  }

  @Test
  void a_call_without_any_token_fails_with_not_authed() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(workspace.apiUrl() + "auth.test"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body()).contains("\"error\":\"not_authed\"");
  }

  @Test
  void the_app_level_token_cannot_post_messages() throws Exception {
    ChatPostMessageResponse posted = slack.methods(workspace.appToken())
        .chatPostMessage(r -> r.channel(INCIDENT_42).text("hi"));

    assertThat(posted.getError()).isEqualTo("not_allowed_token_type");
  }

  @Test
  void an_unknown_method_fails_with_unknown_method() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(workspace.apiUrl() + "chat.postMessagez"))
            .header("Authorization", "Bearer " + workspace.botToken())
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"ok\":false", "\"error\":\"unknown_method\"");
  }

  @Test
  void a_json_body_is_accepted_as_other_slack_clients_send_it() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(workspace.apiUrl() + "chat.postMessage"))
            .header("Authorization", "Bearer " + workspace.botToken())
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"channel\":\"C0INCIDENT\",\"text\":\"Grüße 🚀\",\"blocks\":[{\"type\":\"divider\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.body()).contains("\"ok\":true");
    assertThat(workspace.messages(INCIDENT_42).get(0).text()).isEqualTo("Grüße 🚀");
    assertThat(workspace.messages(INCIDENT_42).get(0).blocksJson()).contains("divider");
  }

  @Test
  void non_ascii_text_in_a_form_body_arrives_intact() throws Exception {
    bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("Müller 🚀 ĳ"));

    assertThat(workspace.messages(INCIDENT_42).get(0).text()).isEqualTo("Müller 🚀 ĳ");
  }

  @Test
  void every_call_is_recorded_with_its_parameters_and_answer_but_prints_without_its_token() throws Exception {
    bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("recorded"));

    ApiCall call = workspace.calls("chat.postMessage").get(0);
    assertThat(call.token()).isEqualTo(workspace.botToken());
    assertThat(call.param("channel")).contains(INCIDENT_42);
    assertThat(call.param("text")).contains("recorded");
    assertThat(call.ok()).isTrue();
    assertThat(call.toString()).contains("chat.postMessage").doesNotContain(workspace.botToken());
  }
}
