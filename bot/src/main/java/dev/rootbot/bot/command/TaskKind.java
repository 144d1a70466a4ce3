package dev.rootbot.bot.command;

import dev.rootbot.actions.task.TaskPolicy;

/** The root tasks a person can ask for by name, each with its form and an example that works. */
public enum TaskKind {
  UNLOCK_BUCKET(
      "unlock bucket <bucket> in account <account> [region <region>] because <reason>",
      "unlock bucket prod-logs in account 111122223333 because INC-42 locked us out",
      TaskPolicy.S3_UNLOCK_BUCKET_POLICY),
  UNLOCK_QUEUE(
      "unlock queue <name|url|arn> in account <account> [region <region>] because <reason>",
      "unlock queue payments-events in account prod-payments region us-east-1 because INC-43 consumers get AccessDenied",
      TaskPolicy.SQS_UNLOCK_QUEUE_POLICY),
  AUDIT_ROOT_CREDENTIALS(
      "audit account <account>",
      "audit account prod-data",
      TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS),
  DELETE_ROOT_CREDENTIALS(
      "delete root credentials in account <account> because <reason>",
      "delete root credentials in account 333333333333 because SEC-12 the root access key leaked",
      TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS),
  ALLOW_PASSWORD_RECOVERY(
      "allow password recovery in account <account> because <reason>",
      "allow password recovery in account dev-playground because the account owner must sign in as root for billing",
      TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD);

  private final String form;
  private final String example;
  private final TaskPolicy policy;

  TaskKind(String form, String example, TaskPolicy policy) {
    this.form = form;
    this.example = example;
    this.policy = policy;
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
    return this != AUDIT_ROOT_CREDENTIALS;
  }

  /** The task policy its root session gets. */
  public TaskPolicy policy() {
    return policy;
  }
}
