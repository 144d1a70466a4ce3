package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Message metadata, and reading a channel back with {@code conversations.history} and {@code conversations.replies}
 * as a bot does before it retries a post whose answer it never got, all with the unmodified Slack Java SDK.
 */
class ConversationsTest {
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final MethodsClient bot = SlackClients.bot(workspace);

  @BeforeEach
  void forgetEverything() {
    workspace.reset();
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void metadata_posted_with_a_message_is_kept_and_read_back_whole_only_with_include_all_metadata() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("Request req-7")
        .metadata(metadata("req-7")));

    ConversationsHistoryResponse plain = bot.conversationsHistory(r -> r.channel(INCIDENT_42));
    ConversationsHistoryResponse all = bot.conversationsHistory(r -> r.channel(INCIDENT_42).includeAllMetadata(true));

    assertThat(posted.getMessage().getMetadata().getEventType()).isEqualTo("rootbot_request");
    assertThat(posted.getMessage().getMetadata().getEventPayload()).isNull();
    assertThat(plain.getMessages().get(0).getMetadata().getEventPayload()).isNull();
    assertThat(all.getMessages().get(0).getMetadata().getEventType()).isEqualTo("rootbot_request");
    assertThat(all.getMessages().get(0).getMetadata().getEventPayload()).containsEntry("request_id", "req-7");
    Message stored = workspace.message(INCIDENT_42, posted.getTs()).orElseThrow();
    assertThat(stored.metadata().orElseThrow().field("request_id")).contains("req-7");
  }

  @Test
  void chat_update_replaces_the_metadata_it_is_given_and_keeps_it_when_given_none() throws Exception {
    String ts = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("card").metadata(metadata("req-1"))).getTs();

    bot.chatUpdate(r -> r.channel(INCIDENT_42).ts(ts).text("approved"));
    String kept = workspace.message(INCIDENT_42, ts).orElseThrow().metadata().orElseThrow().payloadJson();
    ChatUpdateResponse replaced = bot.chatUpdate(r -> r.channel(INCIDENT_42).ts(ts).text("orphan")
        .metadata(metadata("req-2")));

    assertThat(kept).contains("req-1");
    assertThat(replaced.getMessage().getMetadata().getEventType()).isEqualTo("rootbot_request");
    assertThat(workspace.message(INCIDENT_42, ts).orElseThrow().metadata().orElseThrow().field("request_id"))
        .contains("req-2");
  }

  @Test
  void metadata_that_is_not_json_is_refused_and_nothing_is_posted() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("x")
        .metadataAsString("{not json"));

    assertThat(posted.getError()).isEqualTo("invalid_metadata_format");
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void metadata_with_a_bad_event_type_is_ignored_with_a_warning_and_the_message_is_posted() throws Exception {
    ChatPostMessageResponse posted = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("x")
        .metadataAsString("{\"event_type\":\"rootbot.request\",\"event_payload\":{\"request_id\":\"req-1\"}}"));

    assertThat(posted.isOk()).isTrue();
    assertThat(posted.getWarning()).isEqualTo("invalid_metadata_schema");
    assertThat(posted.getResponseMetadata().getWarnings()).containsExactly("invalid_metadata_schema");
    assertThat(workspace.message(INCIDENT_42, posted.getTs()).orElseThrow().metadata()).isEmpty();
  }

  @Test
  void history_pages_newest_first_with_a_cursor_until_has_more_is_false() throws Exception {
    List<String> posted = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      String text = "card " + i;
      posted.add(bot.chatPostMessage(r -> r.channel(INCIDENT_42).text(text)).getTs());
    }
    bot.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(posted.get(0)).text("a reply, not in history"));

    List<String> seen = new ArrayList<>();
    List<Boolean> more = new ArrayList<>();
    String cursor = null;
    do {
      String from = cursor;
      ConversationsHistoryResponse page = bot.conversationsHistory(r -> r.channel(INCIDENT_42).limit(2).cursor(from));
      page.getMessages().forEach(m -> seen.add(m.getText()));
      more.add(page.isHasMore());
      cursor = page.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());

    assertThat(seen).containsExactly("card 5", "card 4", "card 3", "card 2", "card 1");
    assertThat(more).containsExactly(true, true, false);
  }

  @Test
  void history_between_oldest_and_latest_counts_the_bounds_only_when_inclusive() throws Exception {
    List<String> ts = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String text = "m" + i;
      ts.add(bot.chatPostMessage(r -> r.channel(PLATFORM).text(text)).getTs());
    }

    ConversationsHistoryResponse exclusive = bot.conversationsHistory(r -> r.channel(PLATFORM).oldest(ts.get(0))
        .latest(ts.get(3)));
    ConversationsHistoryResponse inclusive = bot.conversationsHistory(r -> r.channel(PLATFORM).oldest(ts.get(0))
        .latest(ts.get(3)).inclusive(true));
    ConversationsHistoryResponse since = bot.conversationsHistory(r -> r.channel(PLATFORM).oldest(ts.get(2)));

    assertThat(exclusive.getMessages()).extracting(com.slack.api.model.Message::getText).containsExactly("m3", "m2");
    assertThat(inclusive.getMessages()).extracting(com.slack.api.model.Message::getText)
        .containsExactly("m4", "m3", "m2", "m1");
    assertThat(since.getMessages()).extracting(com.slack.api.model.Message::getText).containsExactly("m4");
  }

  @Test
  void a_bot_finds_its_own_post_by_the_request_id_in_the_metadata_of_a_thread() throws Exception {
    String card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("card")).getTs();
    bot.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card).text("Approved").metadata(metadata("reply-1")));
    bot.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card).text("Done").metadata(metadata("reply-2")));

    ConversationsRepliesResponse thread = bot.conversationsReplies(r -> r.channel(INCIDENT_42).ts(card)
        .includeAllMetadata(true));

    assertThat(thread.getMessages()).extracting(com.slack.api.model.Message::getText)
        .containsExactly("card", "Approved", "Done");
    assertThat(thread.getMessages()).filteredOn(m -> m.getMetadata() != null
            && "reply-2".equals(m.getMetadata().getEventPayload().get("request_id")))
        .extracting(com.slack.api.model.Message::getText).containsExactly("Done");
  }

  @Test
  void replies_page_in_thread_order_and_the_ts_of_a_reply_gives_the_whole_thread() throws Exception {
    String card = bot.chatPostMessage(r -> r.channel(INCIDENT_42).text("card")).getTs();
    List<String> replies = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      String text = "reply " + i;
      replies.add(bot.chatPostMessage(r -> r.channel(INCIDENT_42).threadTs(card).text(text)).getTs());
    }

    ConversationsRepliesResponse first = bot.conversationsReplies(r -> r.channel(INCIDENT_42).ts(card).limit(3));
    String cursor = first.getResponseMetadata().getNextCursor();
    ConversationsRepliesResponse second = bot.conversationsReplies(r -> r.channel(INCIDENT_42).ts(card).limit(3)
        .cursor(cursor));
    ConversationsRepliesResponse fromReply = bot.conversationsReplies(r -> r.channel(INCIDENT_42)
        .ts(replies.get(2)));
    ConversationsRepliesResponse after = bot.conversationsReplies(r -> r.channel(INCIDENT_42).ts(card)
        .oldest(replies.get(1)));

    assertThat(first.getMessages()).extracting(com.slack.api.model.Message::getText)
        .containsExactly("card", "reply 1", "reply 2");
    assertThat(first.isHasMore()).isTrue();
    assertThat(second.getMessages()).extracting(com.slack.api.model.Message::getText)
        .containsExactly("reply 3", "reply 4");
    assertThat(second.isHasMore()).isFalse();
    assertThat(second.getResponseMetadata().getNextCursor()).isEmpty();
    assertThat(fromReply.getMessages()).hasSize(5);
    assertThat(after.getMessages()).extracting(com.slack.api.model.Message::getText)
        .containsExactly("reply 3", "reply 4");
  }

  @Test
  void a_cursor_slack_never_issued_is_invalid_cursor() throws Exception {
    ConversationsHistoryResponse history = bot.conversationsHistory(r -> r.channel(INCIDENT_42).cursor("bm9wZQ=="));

    assertThat(history.getError()).isEqualTo("invalid_cursor");
  }

  @Test
  void a_bound_that_is_not_a_timestamp_is_invalid_ts_oldest() throws Exception {
    ConversationsHistoryResponse history = bot.conversationsHistory(r -> r.channel(INCIDENT_42).oldest("yesterday"));

    assertThat(history.getError()).isEqualTo("invalid_ts_oldest");
  }

  private static com.slack.api.model.Message.Metadata metadata(String requestId) {
    return com.slack.api.model.Message.Metadata.builder().eventType("rootbot_request")
        .eventPayload(Map.of("request_id", requestId)).build();
  }
}
