package dev.rootbot.sandbox;

/** Command-line arguments that do not form a command; its message says what is wrong. */
final class UsageError extends Exception {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }
}
