package dev.rootbot.bot.command;

import dev.rootbot.bot.text.SlackText;
import java.util.List;
import java.util.Objects;

/**
 * Words Rootbot cannot act on: what was wrong, and the correct form of the command meant.
 *
 * <p>{@link #getMessage()} is Slack text, safe to post as it is (only to the sender: nothing is recorded).
 * Whatever the person typed is quoted with {@code & < >} escaped, so it cannot mention or link anyone.
 */
public final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String command;
  private final List<TaskForm> forms;

  UsageError(String problem, String command, List<TaskForm> forms) {
    super(problem, null, false, false); // a person's typo needs no stack trace
    this.problem = Objects.requireNonNull(problem);
    this.command = command;
    this.forms = List.copyOf(forms);
  }

  /** What was wrong, in plain text. */
  public String problem() {
    return problem;
  }

  /** The tasks whose form the message shows: the one meant, or all when it is not clear which. */
  public List<TaskForm> forms() {
    return forms;
  }

  @Override
  public String getMessage() {
    var message = new StringBuilder(SlackText.escape(problem));
    if (forms.size() == 1) {
      TaskForm kind = forms.get(0);
      message.append(", e.g. ").append(SlackText.escape(kind.example(command)))
          .append("\nForm: ").append(SlackText.escape(kind.form(command)));
    } else if (!forms.isEmpty()) {
      message.append(". Try one of:");
      for (TaskForm kind : forms) {
        message.append("\n• ").append(SlackText.escape(kind.form(command)));
      }
      message.append("\nor ").append(SlackText.escape(command)).append(" help for examples.");
    }
    return message.toString();
  }
}
