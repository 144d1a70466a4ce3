package dev.rootbot.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies that a request comes from Slack: {@code X-Slack-Signature} is {@code v0=} and the hex
 * HMAC-SHA256, under the signing secret, of {@code v0:<timestamp>:<raw body>}.
 *
 * <p>Stricter than Bolt's {@code SlackSignature.Verifier} in four ways, each a real attack or bug: nothing in a
 * header is interpreted before the HMAC matches (the timestamp is signed as the header's exact text, and only a
 * signed timestamp is parsed, so no crafted header can make the check itself fail); the timestamp must be within
 * five minutes in <em>either</em> direction (Bolt accepts any future time); the comparison takes constant time;
 * and the HMAC covers the body's bytes exactly as received, so text with non-ASCII characters verifies whatever
 * the platform's default charset. Thread-safe.
 */
public final class SignatureCheck {
  static final Duration TOLERANCE = Duration.ofMinutes(5);
  /** Slack sends whole seconds since the epoch in decimal; anything else is not Slack's, even when signed. */
  private static final Pattern SECONDS = Pattern.compile("[0-9]+");
  /** 10^18 seconds is far beyond any clock: longer numbers are stale without being parsed, so nothing overflows. */
  private static final int MAX_DIGITS = 18;

  private final SecretKeySpec key;

  public SignatureCheck(String signingSecret) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("a signing secret is required");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /**
   * Why a request was refused, or empty when it is genuine.
   *
   * @param timestamp the {@code X-Slack-Request-Timestamp} header exactly as received, if present
   * @param signature the {@code X-Slack-Signature} header exactly as received, if present
   */
  public Optional<Rejection> refusal(byte[] body, Optional<String> timestamp, Optional<String> signature,
      Instant now) {
    if (timestamp.isEmpty() || signature.isEmpty()) {
      return Optional.of(Rejection.MISSING_SIGNATURE);
    }
    byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp.get(), body)))
        .getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.get().getBytes(StandardCharsets.UTF_8))) {
      return Optional.of(Rejection.BAD_SIGNATURE);
    }
    if (!SECONDS.matcher(timestamp.get()).matches()) {
      return Optional.of(Rejection.BAD_TIMESTAMP);
    }
    if (timestamp.get().length() > MAX_DIGITS) {
      return Optional.of(Rejection.STALE_TIMESTAMP);
    }
    long seconds = Long.parseLong(timestamp.get());
    long nowSeconds = now.getEpochSecond(); // an Instant's seconds are within ±3.2e16: these sums cannot overflow
    if (seconds < nowSeconds - TOLERANCE.toSeconds() || seconds > nowSeconds + TOLERANCE.toSeconds()) {
      return Optional.of(Rejection.STALE_TIMESTAMP);
    }
    return Optional.empty();
  }

  private byte[] hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "SignatureCheck[secret=***]";
  }
}
