package dev.rootbot.actions.task;

/** A privileged read or change that one root session makes in one member account. */
public sealed interface RootTask
    permits UnlockBucket, RestoreBucketPolicy, UnlockQueue, RestoreQueuePolicy, AuditRootCredentials,
        DeleteRootCredentials, AllowPasswordRecovery {

  /** The member account the root session is for. */
  AccountId target();

  /** The task policy that scopes the root session to this task. */
  TaskPolicy policy();

  /** Whether the task changes anything; a change needs a reason. */
  boolean changes();

  /** What the task does, in a short line for a card: "unlock bucket payments-audit-logs". */
  String summary();

  /** The resource the task acts on, or the account's root user. */
  String resource();

  /**
   * Where CloudTrail logs the session's calls, as far as is known before running: the resource's region,
   * or us-east-1 for IAM. A bucket found elsewhere after S3's redirect reports its real region instead.
   */
  AwsRegion eventsRegion();

  /**
   * Does the task through {@code context.session()}, its only way to AWS: checks first, keeps a backup
   * before any change, changes one thing, verifies. Throws {@link TaskFailure} when it cannot.
   */
  TaskReport perform(TaskContext context);
}
