package dev.rootbot.bot.request;

import java.util.regex.Pattern;

/** A Slack user's ID ({@code U…} or, in Enterprise Grid, {@code W…}), as the signed payload gives it. */
public record UserId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[UW][A-Z0-9]{2,}");

  public UserId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a Slack user ID starts with U or W, like U024BE7LH; got " + value);
    }
  }

  /** The user as a Slack mention, which Slack shows as their current name. */
  public String mention() {
    return "<@" + value + ">";
  }

  @Override
  public String toString() {
    return value;
  }
}
