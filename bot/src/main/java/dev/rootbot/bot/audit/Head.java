package dev.rootbot.bot.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * The newest entry of the chain as far as appending needs it: the next entry gets {@code seq + 1}, follows
 * {@code hash}, and is never earlier than {@code at}. The store reads it under the lock that serializes appends.
 */
public record Head(long seq, String hash, Instant at) {
  /** The head of an empty chain: seq 0, the genesis hash, and no time before it. */
  public static final Head EMPTY = new Head(0, Chain.GENESIS, Instant.MIN);

  public Head {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(at, "at");
  }

  /** The anchor of the chain ending here. */
  public Anchor anchor() {
    return new Anchor(hash, seq);
  }
}
