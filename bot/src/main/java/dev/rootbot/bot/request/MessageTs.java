package dev.rootbot.bot.request;

import java.util.regex.Pattern;

/** A Slack message's timestamp, such as {@code 1712345678.123456}: its ID within a channel. */
public record MessageTs(String value) {
  private static final Pattern SHAPE = Pattern.compile("\\d{1,12}\\.\\d{1,9}");

  public MessageTs {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a Slack message ts looks like 1712345678.123456; got " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
