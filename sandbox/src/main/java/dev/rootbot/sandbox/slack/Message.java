package dev.rootbot.sandbox.slack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in a channel or thread as everyone in the channel sees it now, with the versions it replaced.
 * {@code user} is the author's user ID (the bot's user ID for bot messages, which also have a bot ID);
 * {@code threadTs} is present for replies and names the thread's first message.
 */
public record Message(String channel, String ts, String user, Optional<String> botId, String text, String blocksJson,
    Optional<String> threadTs, boolean replyBroadcast, Via via, List<Revision> revisions, boolean deleted) {

  /** An earlier version of a message and when and how it was replaced. */
  public record Revision(String text, String blocksJson, Instant replacedAt, Via replacedVia) {}

  public Message {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(blocksJson, "blocksJson");
    Objects.requireNonNull(threadTs, "threadTs");
    Objects.requireNonNull(via, "via");
    revisions = List.copyOf(revisions);
  }

  /** True for a reply in a thread, false for a message in the channel itself (even one that started a thread). */
  public boolean isReply() {
    return threadTs.isPresent() && !threadTs.get().equals(ts);
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
    List<Revision> history = new ArrayList<>(revisions);
    history.add(new Revision(text, blocksJson, at, replacedVia));
    return new Message(channel, ts, user, botId, newText, newBlocksJson, threadTs, replyBroadcast, via, history, deleted);
  }

  Message asDeleted() {
    return new Message(channel, ts, user, botId, text, blocksJson, threadTs, replyBroadcast, via, revisions, true);
  }
}
