package dev.rootbot.bot.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies that a request comes from Slack: {@code X-Slack-Signature} is {@code v0=} and the hex
 * HMAC-SHA256, under the signing secret, of {@code v0:<timestamp>:<raw body>}.
 *
 * <p>Stricter than Bolt's {@code SlackSignature.Verifier} in three ways, each a real attack or bug: the
 * timestamp must be within five minutes in <em>either</em> direction (Bolt accepts any future time); the
 * comparison takes constant time; and the HMAC covers the body's bytes exactly as received, so text with
 * non-ASCII characters verifies whatever the platform's default charset. Thread-safe.
 */
public final class SignatureCheck {
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final SecretKeySpec key;

  public SignatureCheck(String signingSecret) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("a signing secret is required");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Why a request was refused, or empty when it is genuine. The reason is for logs, never for the caller. */
  public Optional<String> refusal(byte[] body, String timestamp, String signature, Instant now) {
    if (timestamp == null || signature == null) {
      return Optional.of("missing X-Slack-Request-Timestamp or X-Slack-Signature");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Optional.of("timestamp is not a number");
    }
    Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
    if (skew.compareTo(TOLERANCE) > 0) {
      return Optional.of("timestamp is " + skew.toSeconds() + "s away from now");
    }
    byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp.strip(), body))).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of("signature does not match");
    }
    return Optional.empty();
  }

  private byte[] hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
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
