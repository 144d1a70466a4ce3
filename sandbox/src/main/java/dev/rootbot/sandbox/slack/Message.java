package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in a channel or thread as everyone in the channel sees it now, with the versions it replaced.
 * {@code user} is the author's user ID (the bot's user ID for bot messages, which also have a bot ID);
 * {@code threadTs} is present for replies and names the thread's first message; {@code metadata} is what the
 * bot attached for apps to read; {@code fileIds} are the files shared with it ({@link SlackWorkspace#file}).
 */
public record Message(String channel, String ts, String user, Optional<String> botId, String text, String blocksJson,
    Optional<String> threadTs, boolean replyBroadcast, Via via, List<Revision> revisions, boolean deleted,
    Optional<Metadata> metadata, List<String> fileIds) {

  /** An earlier version of a message and when and how it was replaced. */
  public record Revision(String text, String blocksJson, Instant replacedAt, Via replacedVia) {}

  /** Message metadata: an event type ({@code rootbot_request}) and its payload, a JSON object. */
  public record Metadata(String eventType, String payloadJson) {
    public Metadata {
      Objects.requireNonNull(eventType, "eventType");
      Objects.requireNonNull(payloadJson, "payloadJson");
    }

    /** A top-level string (or number, or boolean) of the payload, such as {@code request_id}. */
    public Optional<String> field(String name) {
      return Json.string(payload(), name);
    }

    JsonObject payload() {
      return Json.parseObject(payloadJson).orElseGet(JsonObject::new);
    }
  }

  public Message {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(blocksJson, "blocksJson");
    Objects.requireNonNull(threadTs, "threadTs");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(metadata, "metadata");
    revisions = List.copyOf(revisions);
    fileIds = List.copyOf(fileIds);
  }

  /** A new message as people type it or the bot posts it: no history, no metadata, no files. */
  static Message of(String channel, String ts, Person author, String text, String blocksJson,
      Optional<String> threadTs, boolean replyBroadcast, Via via) {
    return new Message(channel, ts, author.id(), author.botId(), text, blocksJson, threadTs, replyBroadcast, via,
        List.of(), false, Optional.empty(), List.of());
  }

  /** True for a reply in a thread, false for a message in the channel itself (even one that started a thread). */
  public boolean isReply() {
    return threadTs.isPresent() && !threadTs.get().equals(ts);
  }

  /** True for what {@code conversations.history} lists: a message in the channel, or a reply also sent to it. */
  boolean inChannel() {
    return !isReply() || replyBroadcast;
  }

  public boolean fromBot() {
    return botId.isPresent();
  }

  public boolean edited() {
    return !revisions.isEmpty();
  }

  /** The text followed by every text in the blocks, one per line: what a reader sees, for assertions. */
  public String allText() {
    // A typed message's rich-text block only repeats its text.
    return via == Via.PERSON ? text : BlockKit.allText(text, blocksJson);
  }

  /** The action IDs of the buttons and other interactive elements in the blocks, in order. */
  public List<String> actionIds() {
    return BlockKit.actionIds(blocksJson);
  }

  Message replacedBy(String newText, String newBlocksJson, Instant at, Via replacedVia) {
    return replacedBy(newText, newBlocksJson, metadata, at, replacedVia);
  }

  Message replacedBy(String newText, String newBlocksJson, Optional<Metadata> newMetadata, Instant at,
      Via replacedVia) {
    List<Revision> history = new ArrayList<>(revisions);
    history.add(new Revision(text, blocksJson, at, replacedVia));
    return new Message(channel, ts, user, botId, newText, newBlocksJson, threadTs, replyBroadcast, via, history, deleted,
        newMetadata, fileIds);
  }

  Message withMetadata(Optional<Metadata> newMetadata) {
    return new Message(channel, ts, user, botId, text, blocksJson, threadTs, replyBroadcast, via, revisions, deleted,
        newMetadata, fileIds);
  }

  Message withFiles(List<String> newFileIds) {
    return new Message(channel, ts, user, botId, text, blocksJson, threadTs, replyBroadcast, via, revisions, deleted,
        metadata, newFileIds);
  }

  Message asDeleted() {
    return new Message(channel, ts, user, botId, text, blocksJson, threadTs, replyBroadcast, via, revisions, true,
        metadata, fileIds);
  }
}
