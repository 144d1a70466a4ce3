package dev.rootbot.sandbox.slack;

/** Shortens a token or secret for printing: its kind (such as {@code xoxb-}) stays readable, the rest does not. */
final class Redacted {
  private Redacted() {}

  static String token(String token) {
    if (token.isEmpty()) {
      return "(none)";
    }
    int dash = token.indexOf('-');
    return (dash > 0 && dash <= 5 ? token.substring(0, dash + 1) : "") + "…(redacted)";
  }
}
