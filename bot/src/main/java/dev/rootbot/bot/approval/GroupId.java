package dev.rootbot.bot.approval;

import java.util.regex.Pattern;

/** A Slack user group's ID, such as {@code S0614TZR7}: every member of a listed group is an approver. */
public record GroupId(String value) {
  private static final Pattern SHAPE = Pattern.compile("S[A-Z0-9]{2,}");

  public GroupId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("a Slack user group ID starts with S, like S0614TZR7; got " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
