package dev.rootbot.actions.task;

import com.google.gson.JsonObject;

/** A privileged read or change that one root session makes in one member account. */
public sealed interface RootTask
    permits UnlockBucket, RestoreBucketPolicy, UnlockQueue, RestoreQueuePolicy, AuditRootCredentials,
        DeleteRootCredentials, AllowPasswordRecovery {

  /** What kind of task this is: its identifier, stored name, task policy and whether it changes something. */
  TaskKind kind();

  /** The member account the root session is for. */
  AccountId target();

  /** The task policy that scopes the root session to this task. */
  default TaskPolicy policy() {
    return kind().policy();
  }

  /** Whether the task changes anything; a change needs a reason. */
  default boolean changes() {
    return kind().changes();
  }

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
   * The task's own fields besides its kind and target, as JSON for the store; {@link TaskKind#read} reads
   * them back. Field names are stored data: never rename one.
   */
  default JsonObject fields() {
    return new JsonObject();
  }

  /**
   * Reads, through {@code context.session()}, its only way to AWS, what the task depends on, and returns the plan:
   * what it found (with its fingerprint) and how to apply it. Only reads: a preview calls this alone, in a
   * session that refuses any change. Throws {@link TaskFailure} when it cannot ({@code NOT_FOUND} for a bucket or
   * queue that does not exist). Each task's javadoc says what its fingerprint covers.
   */
  TaskPlan plan(TaskContext context);
}
