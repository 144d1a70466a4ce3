package dev.rootbot.actions.task;

/** Reads which long-term credentials the root user has, and when they were last used. Changes nothing. */
public record AuditRootCredentials(AccountId target) implements RootTask {
  @Override
  public TaskKind kind() {
    return TaskKind.AUDIT_ROOT_CREDENTIALS;
  }

  @Override
  public String summary() {
    return "audit root credentials";
  }

  @Override
  public String resource() {
    return "arn:aws:iam::" + target + ":root";
  }

  @Override
  public AwsRegion eventsRegion() {
    return AwsRegion.US_EAST_1;
  }

  @Override
  public TaskReport perform(TaskContext context) {
    RootCredentials found = new RootUserReads(context).all();
    String headline = found.isEmpty()
        ? "The root user of " + target + " has no password, access keys, signing certificates or MFA devices."
        : "The root user of " + target + " has long-term credentials (listed below).";
    return new TaskReport(headline, found.describe(), found.describe(), AwsRegion.US_EAST_1);
  }
}
