package dev.rootbot.bot.audit;

import dev.rootbot.bot.request.RequestId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain of the audit log. Entry {@code n} has {@code seq = n} and
 * {@code hash = SHA-256(prev ‖ canonical JSON)} in lower-case hex, where {@code prev} is the hash of entry
 * {@code n − 1} (for entry 1, {@link #GENESIS}) as its 64 ASCII hex digits and the canonical JSON is
 * {@link AuditRecord#canonicalJson}, itself pure ASCII. Changing, removing, adding or moving an entry
 * breaks the chain at that entry unless every later hash is recomputed too, which only an {@link Anchor}
 * kept elsewhere catches.
 */
public final class Chain {
  /** The hash that entry 1 follows: SHA-256 of the ASCII text {@code rootbot audit chain v1}. */
  public static final String GENESIS = sha256("rootbot audit chain v1".getBytes(StandardCharsets.US_ASCII));

  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Chain::newDigest);

  private Chain() {}

  /** The hash of {@code record} following {@code prev}. */
  public static String hash(String prev, AuditRecord record) {
    MessageDigest digest = SHA256.get();
    digest.update(prev.getBytes(StandardCharsets.US_ASCII));
    // Canonical JSON is printable ASCII only, so its UTF-8 bytes are its characters.
    digest.update(record.canonicalJson().getBytes(StandardCharsets.US_ASCII));
    return HEX.formatHex(digest.digest());
  }

  /**
   * The entry that follows {@code head}: the next seq, after head's hash, at {@code now} (to the microsecond)
   * or at head's time when the clock is behind it, since time never goes backwards in the chain (two replicas'
   * clocks, or a transaction that waited for the lock, can be a little behind the entry before).
   */
  public static ChainedEntry next(Head head, Instant now, Optional<RequestId> request, String actor, String event,
      String detail, Facts facts) {
    Instant micros = now.truncatedTo(ChronoUnit.MICROS);
    Instant at = micros.isBefore(head.at()) ? head.at() : micros;
    var record = new AuditRecord(head.seq() + 1, at, request, actor, event, detail, facts);
    return new ChainedEntry(record, head.hash(), hash(head.hash(), record));
  }

  /** SHA-256 of {@code bytes} in lower-case hex; facts name stored texts by it ({@code sha256:…}). */
  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
