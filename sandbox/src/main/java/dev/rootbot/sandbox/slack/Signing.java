package dev.rootbot.sandbox.slack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How the workspace signs a request it sends to the bot over HTTP: as Slack does, or forged in one named
 * way, for tests that the bot refuses what Slack did not send. Socket Mode requests are not signed.
 */
public sealed interface Signing
    permits Signing.AsSlack, Signing.WrongSecret, Signing.Skewed, Signing.Tampered, Signing.Missing {

  /** Returns the body to send and the headers to send with it, signing {@code body} with {@code secret} at {@code now}. */
  Signed sign(String body, String secret, Instant now);

  /** A body ready to send and the signature headers that go with it. */
  record Signed(String body, Map<String, String> headers) {
    public Signed {
      Objects.requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }
  }

  /** Signed correctly, as Slack signs: the current time and the bot's signing secret. */
  static Signing asSlack() {
    return new AsSlack();
  }

  /** Signed correctly but with another secret, as someone who does not know the signing secret would. */
  static Signing withSecret(String otherSecret) {
    return new WrongSecret(otherSecret);
  }

  /** Signed correctly six minutes ago: a replayed request, older than the five minutes Slack allows. */
  static Signing stale() {
    return timestampOffBy(Duration.ofMinutes(-6));
  }

  /** Signed correctly with a timestamp six minutes ahead. */
  static Signing fromTheFuture() {
    return timestampOffBy(Duration.ofMinutes(6));
  }

  static Signing timestampOffBy(Duration offset) {
    return new Skewed(offset);
  }

  /** Signed correctly, then changed by one trailing space: still a payload the bot can parse, no longer what was signed. */
  static Signing tamperedAfterSigning() {
    return tamperedAfterSigning(body -> body + " ");
  }

  /** Signed correctly, then changed by {@code change}, such as putting another user's ID in the payload. */
  static Signing tamperedAfterSigning(UnaryOperator<String> change) {
    return new Tampered(change);
  }

  /** Neither the timestamp nor the signature header. */
  static Signing unsigned() {
    return new Missing(true, true);
  }

  static Signing withoutTimestamp() {
    return new Missing(true, false);
  }

  static Signing withoutSignature() {
    return new Missing(false, true);
  }

  private static Map<String, String> headers(String timestamp, String signature) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (timestamp != null) {
      headers.put(RequestSigner.TIMESTAMP_HEADER, timestamp);
    }
    if (signature != null) {
      headers.put(RequestSigner.SIGNATURE_HEADER, signature);
    }
    return headers;
  }

  private static Signed signed(String body, String secret, Instant at) {
    String timestamp = Long.toString(at.getEpochSecond());
    String signature = RequestSigner.signature(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    return new Signed(body, headers(timestamp, signature));
  }

  /** Signs as Slack does. */
  record AsSlack() implements Signing {
    @Override
    public Signed sign(String body, String secret, Instant now) {
      return signed(body, secret, now);
    }
  }

  /** Signs with a secret that is not the bot's; prints without it. */
  record WrongSecret(String otherSecret) implements Signing {
    public WrongSecret {
      Objects.requireNonNull(otherSecret, "otherSecret");
    }

    @Override
    public Signed sign(String body, String secret, Instant now) {
      if (otherSecret.equals(secret)) {
        throw new IllegalArgumentException("a forged signature needs a secret other than the bot's");
      }
      return signed(body, otherSecret, now);
    }

    @Override
    public String toString() {
      return "WrongSecret[" + Redacted.token(otherSecret) + "]";
    }
  }

  /** Signs correctly at a time {@code offset} away from now. */
  record Skewed(Duration offset) implements Signing {
    public Skewed {
      Objects.requireNonNull(offset, "offset");
    }

    @Override
    public Signed sign(String body, String secret, Instant now) {
      return signed(body, secret, now.plus(offset));
    }
  }

  /** Signs correctly, then sends a changed body under the same signature. */
  record Tampered(UnaryOperator<String> change) implements Signing {
    public Tampered {
      Objects.requireNonNull(change, "change");
    }

    @Override
    public Signed sign(String body, String secret, Instant now) {
      Signed original = signed(body, secret, now);
      String changed = change.apply(body);
      if (changed.equals(body)) {
        throw new IllegalArgumentException("the tampering left the body as it was: " + body);
      }
      return new Signed(changed, original.headers());
    }
  }

  /** Leaves out the timestamp header, the signature header, or both; what is kept is correct. */
  record Missing(boolean timestamp, boolean signature) implements Signing {
    @Override
    public Signed sign(String body, String secret, Instant now) {
      Signed correct = signed(body, secret, now);
      return new Signed(body, headers(
          timestamp ? null : correct.headers().get(RequestSigner.TIMESTAMP_HEADER),
          signature ? null : correct.headers().get(RequestSigner.SIGNATURE_HEADER)));
    }
  }
}
