package dev.rootbot.bot.command;

import dev.rootbot.actions.task.TaskKind;

/** The root tasks a person can ask for by name, each with its form in the grammar and an example that works. */
public enum TaskForm {
  UNLOCK_BUCKET(
      "unlock bucket <bucket> in account <account> [region <region>] because <reason>",
      "unlock bucket prod-logs in account 111122223333 because INC-42 locked us out",
      TaskKind.UNLOCK_BUCKET),
  UNLOCK_QUEUE(
      "unlock queue <name|url|arn> in account <account> [region <region>] because <reason>",
      "unlock queue payments-events in account prod-payments region us-east-1 because INC-43 consumers get AccessDenied",
      TaskKind.UNLOCK_QUEUE),
  AUDIT_ROOT_CREDENTIALS(
      "audit account <account>",
      "audit account prod-data",
      TaskKind.AUDIT_ROOT_CREDENTIALS),
  DELETE_ROOT_CREDENTIALS(
      "delete root credentials in account <account> because <reason>",
      "delete root credentials in account 333333333333 because SEC-12 the root access key leaked",
      TaskKind.DELETE_ROOT_CREDENTIALS),
  ALLOW_PASSWORD_RECOVERY(
      "allow password recovery in account <account> because <reason>",
      "allow password recovery in account dev-playground because the account owner must sign in as root for billing",
      TaskKind.ALLOW_PASSWORD_RECOVERY);

  private final String form;
  private final String example;
  private final TaskKind kind;

  TaskForm(String form, String example, TaskKind kind) {
    this.form = form;
    this.example = example;
    this.kind = kind;
  }

  /** The form in plain text after {@code command}: "/root audit account &lt;account&gt;". */
  public String form(String command) {
    return command + " " + form;
  }

  /** A complete command that parses, in plain text after {@code command}. */
  public String example(String command) {
    return command + " " + example;
  }

  /** Whether the task changes something, so that "because …" is required. */
  public boolean needsReason() {
    return kind.changes();
  }

  /** The kind of task this form asks for. */
  public TaskKind kind() {
    return kind;
  }
}
