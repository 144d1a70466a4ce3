package dev.rootbot.bot.request;

import java.util.regex.Pattern;

/** A Slack conversation's ID: a channel ({@code C…}), private channel ({@code G…}) or DM ({@code D…}). */
public record ChannelId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[CGD][A-Z0-9]{2,}");

  public ChannelId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a Slack channel ID starts with C, G or D, like C024BE91L; got " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
