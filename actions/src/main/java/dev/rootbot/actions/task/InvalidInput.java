package dev.rootbot.actions.task;

/**
 * A value a person typed that cannot be used, with a message that says what a valid one looks like.
 *
 * <p>The message is shown to the person who typed it, so it names the rule, never a stack trace.
 */
public final class InvalidInput extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidInput(String message) {
    super(message);
  }
}
