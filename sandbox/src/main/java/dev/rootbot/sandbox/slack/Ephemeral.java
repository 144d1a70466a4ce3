package dev.rootbot.sandbox.slack;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A message in a channel that only one person sees ("Only visible to you"), and that nobody can fetch later. */
public record Ephemeral(String channel, String user, String ts, String text, String blocksJson, Optional<String> threadTs,
    Via via) {

  public Ephemeral {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(blocksJson, "blocksJson");
    Objects.requireNonNull(threadTs, "threadTs");
    Objects.requireNonNull(via, "via");
  }

  /** The text followed by every text in the blocks, one per line. */
  public String allText() {
    return BlockKit.allText(text, blocksJson);
  }

  public List<String> actionIds() {
    return BlockKit.actionIds(blocksJson);
  }

  Ephemeral replacedBy(String newText, String newBlocksJson, Via replacedVia) {
    return new Ephemeral(channel, user, ts, newText, newBlocksJson, threadTs, replacedVia);
  }
}
