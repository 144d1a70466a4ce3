package dev.rootbot.actions.task;

import java.util.regex.Pattern;

/** The 12-digit ID of an AWS account. */
public record AccountId(String value) {
  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  public AccountId {
    if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
      throw new InvalidInput("an account ID is 12 digits, like 111122223333; got " + Quote.of(value));
    }
  }

  /** Reads an account ID, allowing the dashes the console shows (1111-2222-3333). */
  public static AccountId parse(String text) {
    String trimmed = text == null ? null : text.strip();
    if (trimmed != null && trimmed.matches("\\d{4}-\\d{4}-\\d{4}")) {
      trimmed = trimmed.replace("-", "");
    }
    return new AccountId(trimmed);
  }

  @Override
  public String toString() {
    return value;
  }
}
