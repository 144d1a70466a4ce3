package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@code conversations.*} methods that read a channel: {@code conversations.info}, {@code conversations.history}
 * (the channel's own messages, newest first) and {@code conversations.replies} (a thread, oldest first), each
 * with Slack's {@code oldest}, {@code latest}, {@code inclusive}, {@code limit} and cursor paging
 * ({@code has_more}, {@code response_metadata.next_cursor}), and metadata's event payload only with
 * {@code include_all_metadata}.
 */
final class ConversationMethods {
  /** Later than any message: {@code latest} when none is given. */
  private static final String END_OF_TIME = "9999999999.999999";
  private static final String CURSOR_PREFIX = "next_ts:";

  private final Directory directory;
  private final WorkspaceState state;
  private final SlackJson json;

  /** Which messages a call asks for: between two bounds, each counted or not, and how many at most. */
  private record Range(String oldest, boolean withOldest, String latest, boolean withLatest, int limit) {}

  ConversationMethods(Directory directory, WorkspaceState state, SlackJson json) {
    this.directory = directory;
    this.state = state;
    this.json = json;
  }

  void registerOn(WebApi api) {
    api.register("conversations.info", WebApi.TokenKind.BOT, this::info);
    api.register("conversations.history", WebApi.TokenKind.BOT, this::history);
    api.register("conversations.replies", WebApi.TokenKind.BOT, this::replies);
  }

  private JsonObject info(Params params) throws SlackError {
    JsonObject answer = new JsonObject();
    answer.add("channel", json.channel(channel(params)));
    return answer;
  }

  /** The channel's own messages (not replies, except those also sent to the channel), newest first. */
  private JsonObject history(Params params) throws SlackError {
    Channel channel = channel(params);
    Range range = range(params, 100, 999);
    // A cursor names the newest message of the next page, which the page then starts with.
    Optional<String> cursor = cursor(params);
    String latest = cursor.orElse(range.latest());
    boolean withLatest = cursor.isPresent() || range.withLatest();
    List<Message> page = state.timeline(channel.id(), range.oldest(), range.withOldest(), latest, withLatest,
        range.limit());
    return answer(page, range.limit(), params.flag("include_all_metadata"), true);
  }

  /**
   * A thread, oldest first: the message {@code ts} names and its replies, or, when {@code ts} is a reply, the
   * whole thread it is in; just that message when it started no thread.
   */
  private JsonObject replies(Params params) throws SlackError {
    Channel channel = channel(params);
    String ts = params.require("ts", "thread_not_found");
    Message asked = state.message(channel.id(), ts).orElseThrow(() -> new SlackError("thread_not_found"));
    String root = asked.isReply() ? asked.threadTs().orElseThrow() : asked.ts();
    Range range = range(params, 1000, 1000);
    Optional<String> cursor = cursor(params);
    List<Message> page = state.thread(channel.id(), root).stream()
        .filter(m -> cursor.map(c -> Ts.ORDER.compare(m.ts(), c) >= 0).orElse(true))
        .filter(m -> after(m.ts(), range.oldest(), range.withOldest()))
        .filter(m -> after(range.latest(), m.ts(), range.withLatest()))
        .limit(range.limit() + 1L)
        .toList();
    return answer(page, range.limit(), params.flag("include_all_metadata"), false);
  }

  private JsonObject answer(List<Message> page, int limit, boolean allMetadata, boolean history) {
    boolean more = page.size() > limit;
    JsonArray messages = new JsonArray();
    page.stream().limit(limit).forEach(m -> messages.add(json.message(m, allMetadata)));
    JsonObject answer = new JsonObject();
    answer.add("messages", messages);
    answer.addProperty("has_more", more);
    if (history) {
      answer.addProperty("pin_count", 0);
    }
    JsonObject metadata = new JsonObject();
    metadata.addProperty("next_cursor", more ? cursorFor(page.get(limit).ts()) : "");
    answer.add("response_metadata", metadata);
    return answer;
  }

  private static Range range(Params params, int defaultLimit, int maxLimit) throws SlackError {
    int limit;
    try {
      limit = params.get("limit").map(l -> Integer.parseInt(l.trim())).filter(l -> l > 0).orElse(defaultLimit);
    } catch (NumberFormatException e) {
      throw new SlackError("invalid_limit");
    }
    // Slack counts the bounds only when asked to, and only for the bounds it was given.
    boolean inclusive = params.flag("inclusive");
    Optional<String> oldest = params.get("oldest");
    Optional<String> latest = params.get("latest");
    return new Range(Ts.canonical(oldest.orElse("0"), "invalid_ts_oldest"), inclusive && oldest.isPresent(),
        latest.isPresent() ? Ts.canonical(latest.get(), "invalid_ts_latest") : END_OF_TIME,
        inclusive && latest.isPresent(), Math.min(limit, maxLimit));
  }

  /** Slack's cursors are Base64 of {@code next_ts:} and a timestamp without its dot. */
  static String cursorFor(String ts) {
    return Base64.getEncoder().encodeToString((CURSOR_PREFIX + ts.replace(".", "")).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> cursor(Params params) throws SlackError {
    Optional<String> given = params.get("cursor");
    if (given.isEmpty()) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(given.get().trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new SlackError("invalid_cursor");
    }
    String digits = decoded.startsWith(CURSOR_PREFIX) ? decoded.substring(CURSOR_PREFIX.length()) : "";
    if (!digits.matches("[0-9]{7,}")) {
      throw new SlackError("invalid_cursor");
    }
    return Optional.of(digits.substring(0, digits.length() - 6) + "." + digits.substring(digits.length() - 6));
  }

  private static boolean after(String ts, String bound, boolean counted) {
    int order = Ts.ORDER.compare(ts, bound);
    return counted ? order >= 0 : order > 0;
  }

  private Channel channel(Params params) throws SlackError {
    return directory.channel(params.require("channel", "channel_not_found"))
        .orElseThrow(() -> new SlackError("channel_not_found"));
  }
}
