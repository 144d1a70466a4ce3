package dev.rootbot.actions.task;

/** A resource policy as it was before a task changed it: enough to put it back. */
public record Backup(Kind kind, AccountId account, String resource, AwsRegion region, PolicyDocument policy) {
  /** What kind of policy was kept. */
  public enum Kind {
    BUCKET_POLICY,
    QUEUE_POLICY
  }

  /** The task that puts this policy back. */
  public RootTask restoreTask() {
    return kind == Kind.BUCKET_POLICY
        ? new RestoreBucketPolicy(account, BucketName.of(resource), region, policy)
        : new RestoreQueuePolicy(account, QueueRef.parse(resource), region, policy);
  }
}
