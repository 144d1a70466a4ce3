package dev.rootbot.bot.request;

import dev.rootbot.actions.task.InvalidInput;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The name of one root request: {@code r-} and 10 lowercase base32 characters, such as {@code r-k3mwx2pqa7}.
 *
 * <p>Its 50 random bits make it unguessable, so an ID seen in one channel does not reveal others; it is
 * not a secret, since every action on it is checked against the signed Slack payload and the store.
 */
public record RequestId(String value) {
  private static final Pattern SHAPE = Pattern.compile("r-[a-z2-7]{10}");
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final RandomGenerator SECURE = new SecureRandom();

  public RequestId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidInput("a request ID looks like r-k3mwx2pqa7; got " + (value == null ? "nothing" : "\"" + value + "\""));
    }
  }

  /** A fresh ID from a secure random source. */
  public static RequestId random() {
    return random(SECURE);
  }

  /** A fresh ID from {@code random}; tests pass a seeded one. */
  public static RequestId random(RandomGenerator random) {
    var id = new StringBuilder("r-");
    for (int i = 0; i < 10; i++) {
      id.append(BASE32[random.nextInt(BASE32.length)]);
    }
    return new RequestId(id.toString());
  }

  /** Reads an ID from a button value or a command, ignoring surrounding whitespace. */
  public static RequestId parse(String text) {
    return new RequestId(text == null ? null : text.strip());
  }

  @Override
  public String toString() {
    return value;
  }
}
