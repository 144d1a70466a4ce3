package dev.rootbot.actions.task;

/** Shows a rejected value in an error message: quoted, shortened, and never null. */
final class Quote {
  private static final int MAX = 80;

  private Quote() {}

  static String of(String value) {
    if (value == null) {
      return "nothing";
    }
    String shown = value.length() > MAX ? value.substring(0, MAX) + "…" : value;
    return "\"" + shown + "\"";
  }
}
