package dev.rootbot.bot.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The chain's head hash and entry count at one moment, kept outside the database (posted to Slack every
 * day), so that a rewrite of the whole chain, which re-hashes everything consistently, is still caught:
 * the chain must have at least {@code count} entries and its entry {@code count} must have hash {@code head}.
 * Written {@code HASH:COUNT}, as {@code audit verify --anchor} takes it.
 */
public record Anchor(String head, long count) {
  private static final Pattern FORM = Pattern.compile("([0-9a-f]{64}):([0-9]{1,18})");

  public Anchor {
    Objects.requireNonNull(head, "head");
    if (count < 0) {
      throw new IllegalArgumentException("an anchor counts entries from 0; got " + count);
    }
  }

  /** Reads {@code HASH:COUNT}, e.g. the text of a daily anchor message. */
  public static Anchor parse(String text) {
    var match = FORM.matcher(text == null ? "" : text.strip());
    if (!match.matches()) {
      throw new IllegalArgumentException("an anchor is the head hash (64 lower-case hex digits), a colon and the"
          + " entry count, like " + Chain.GENESIS + ":0; got \"" + text + "\"");
    }
    return new Anchor(match.group(1), Long.parseLong(match.group(2)));
  }

  @Override
  public String toString() {
    return head + ":" + count;
  }
}
