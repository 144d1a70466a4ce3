package dev.rootbot.bot.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An audit entry in the chain: what it says, the hash it follows and its own hash, which is
 * {@code SHA-256(prev ‖ canonical JSON)} when nobody changed it ({@link #intact}).
 *
 * @param prev the hash of the entry before it, or {@link Chain#GENESIS} for the first
 * @param hash its own hash, as stored
 */
public record ChainedEntry(AuditRecord record, String prev, String hash) implements StoredEntry {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  public ChainedEntry {
    Objects.requireNonNull(record, "record");
    requireHash("prev", prev);
    requireHash("hash", hash);
  }

  private static void requireHash(String what, String value) {
    if (value == null || !HASH.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " is a SHA-256 hash in 64 lower-case hex digits; got "
          + (value == null ? "nothing" : "\"" + value + "\""));
    }
  }

  @Override
  public long seq() {
    return record.seq();
  }

  public Instant at() {
    return record.at();
  }

  /** Whether its stored hash is the hash of its content after {@code prev}. */
  public boolean intact() {
    return Chain.hash(prev, record).equals(hash);
  }

  /** The chain's head when this is its newest entry. */
  public Head head() {
    return new Head(record.seq(), hash, record.at());
  }
}
