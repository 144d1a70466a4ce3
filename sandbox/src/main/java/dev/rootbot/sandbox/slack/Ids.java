package dev.rootbot.sandbox.slack;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Issues the identifiers Slack issues, in Slack's formats. Message timestamps come from the clock and
 * strictly increase, as Slack's do within a channel; the rest are random, so two workspaces never issue
 * the same event ID to a bot that remembers event IDs.
 */
final class Ids {
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String HEX = "0123456789abcdef";

  private final Clock clock;
  private final Random random = new SecureRandom();
  private long lastMicros;

  Ids(Clock clock) {
    this.clock = clock;
  }

  /** A message timestamp such as {@code 1764331200.000100}: seconds, a dot, six digits of microseconds. */
  synchronized String nextTs() {
    Instant now = clock.instant();
    long micros = TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(now.getNano());
    lastMicros = Math.max(micros, lastMicros + 1);
    return ts(lastMicros);
  }

  static String ts(long epochMicros) {
    // By hand rather than String.format, which costs more than the rest of a chat.postMessage.
    String micros = Long.toString(1_000_000 + epochMicros % 1_000_000);
    return (epochMicros / 1_000_000) + "." + micros.substring(1);
  }

  static String ts(Instant instant) {
    return ts(TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + TimeUnit.NANOSECONDS.toMicros(instant.getNano()));
  }

  /** A trigger ID such as {@code 13345224609.738474920.8088930838d88f008e0}. */
  synchronized String triggerId() {
    return (1_000_000_000L + random.nextInt(1_000_000_000)) + "." + (100_000_000 + random.nextInt(900_000_000)) + "."
        + chars(HEX, 32);
  }

  synchronized String viewId() {
    return "V0" + chars(ALPHANUMERIC, 9);
  }

  /** A file ID such as {@code F0TA2CQQY1X}. */
  synchronized String fileId() {
    return "F0" + chars(ALPHANUMERIC, 9);
  }

  synchronized String eventId() {
    return "Ev0" + chars(ALPHANUMERIC, 8);
  }

  /** A block or action ID for an element the bot left without one, as Slack fills in ({@code "WaXA"}). */
  synchronized String shortId() {
    return chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 5);
  }

  synchronized String hash() {
    return clock.instant().getEpochSecond() + "." + chars(HEX, 8);
  }

  synchronized String uuid() {
    return UUID.randomUUID().toString();
  }

  synchronized String secret() {
    return chars(HEX, 32);
  }

  private String chars(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
