package dev.rootbot.actions.task;

import java.util.List;

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

  /**
   * Reads every credential, its last use and the account summary. Changes nothing, so there is no preview; its
   * fingerprint has the same form as {@link DeleteRootCredentials}'s.
   */
  @Override
  public TaskPlan plan(TaskContext context) {
    RootCredentials found = new RootUserReads(context).all();
    String headline = found.isEmpty()
        ? "The root user of " + target + " has no password, access keys, signing certificates or MFA devices."
        : "The root user of " + target + " has long-term credentials (listed below).";
    var report = new TaskReport(headline, found.describe(), found.describe(), AwsRegion.US_EAST_1);
    var snapshot = new Snapshot(new Finding(headline, List.of(new Finding.Section("Found", found.describe(), false))),
        found.fingerprint(kind(), target));
    return new Reading(this, snapshot, report);
  }

  /**
   * Reads, through {@code context.session()}, the credentials a deletion would remove, with when the password and
   * each access key were last used (asking {@code GetUser} only when there is a password), and without the account
   * summary: what a fleet audit records per account. Their
   * {@link RootCredentials#fingerprint fingerprint} for {@link TaskKind#DELETE_ROOT_CREDENTIALS} is the one that
   * {@link DeleteRootCredentials}'s first read gives while nothing changes.
   */
  public static RootCredentials credentials(TaskContext context) {
    return new RootUserReads(context).withLastUseOfAPassword();
  }

  /** A read whose report is the result; there is nothing to apply. */
  private record Reading(RootTask task, Snapshot snapshot, TaskReport report) implements TaskPlan {
    @Override
    public boolean changesNothing() {
      return true;
    }

    @Override
    public TaskReport apply() {
      return report;
    }

    @Override
    public Recheck recheck() {
      return Recheck.applied(report);
    }
  }
}
