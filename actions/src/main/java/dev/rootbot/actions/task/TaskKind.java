package dev.rootbot.actions.task;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The kinds of root task, each with everything the rest of Rootbot asks about a kind: its stable identifier
 * (approval policies, metrics, exports), its stored name, its task policy, whether it changes something and
 * whether what it changes can be put back. Adding a kind means a constant here, its task record and its
 * words in the grammar.
 */
public enum TaskKind {
  UNLOCK_BUCKET("unlock-bucket", TaskPolicy.S3_UNLOCK_BUCKET_POLICY, Effect.CHANGES_RESTORABLE, UnlockBucket::read,
      Set.of("s3:GetBucketPolicy", "s3:DeleteBucketPolicy")),
  UNLOCK_QUEUE("unlock-queue", TaskPolicy.SQS_UNLOCK_QUEUE_POLICY, Effect.CHANGES_RESTORABLE, UnlockQueue::read,
      Set.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes")),
  AUDIT_ROOT_CREDENTIALS("audit-root-credentials", TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS, Effect.READS,
      (target, fields) -> new AuditRootCredentials(target), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS.allowedActions()),
  DELETE_ROOT_CREDENTIALS("delete-root-credentials", TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS, Effect.CHANGES,
      (target, fields) -> new DeleteRootCredentials(target), TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS.allowedActions()),
  ALLOW_PASSWORD_RECOVERY("allow-password-recovery", TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD, Effect.CHANGES,
      (target, fields) -> new AllowPasswordRecovery(target), TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD.allowedActions()),
  RESTORE_BUCKET_POLICY("restore-bucket-policy", TaskPolicy.S3_UNLOCK_BUCKET_POLICY, Effect.CHANGES,
      RestoreBucketPolicy::read, Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy")),
  RESTORE_QUEUE_POLICY("restore-queue-policy", TaskPolicy.SQS_UNLOCK_QUEUE_POLICY, Effect.CHANGES,
      RestoreQueuePolicy::read, Set.of("sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes"));

  /** What a kind of task does to the account. */
  private enum Effect {
    READS,
    CHANGES,
    /** Changes something and keeps it, so a restore task can put it back. */
    CHANGES_RESTORABLE
  }

  private final String id;
  private final TaskPolicy policy;
  private final Effect effect;
  private final BiFunction<AccountId, JsonObject, RootTask> read;
  private final Set<String> actions;

  TaskKind(String id, TaskPolicy policy, Effect effect, BiFunction<AccountId, JsonObject, RootTask> read,
      Set<String> actions) {
    this.id = id;
    this.policy = policy;
    this.effect = effect;
    this.read = read;
    this.actions = Set.copyOf(actions);
  }

  /**
   * The actions a task of this kind calls, a subset of what its policy allows: what an SCP must not deny for
   * the task to work (an SCP denying an action the task never calls does not stand in its way).
   */
  public Set<String> actions() {
    return actions;
  }

  /** The stable identifier used in approval policies, metrics and exports, e.g. {@code unlock-bucket}. */
  public String id() {
    return id;
  }

  /** The name stored with each request, e.g. {@code unlock_bucket}: stored data, never renamed. */
  public String storedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The task policy its root session gets. */
  public TaskPolicy policy() {
    return policy;
  }

  /** Whether the task changes anything, so that a reason is required. */
  public boolean changes() {
    return effect != Effect.READS;
  }

  /** Whether what the task changes is kept as a backup that a restore task can put back. */
  public boolean restorable() {
    return effect == Effect.CHANGES_RESTORABLE;
  }

  /** Whether the task acts on the root user's credentials in IAM, which has no region (logged in us-east-1). */
  public boolean onRootUser() {
    return policy.name().startsWith("IAM_");
  }

  /**
   * Whether the organization must have root credentials management enabled as well as root sessions:
   * tasks that delete or create root user credentials.
   */
  public boolean needsCredentialsManagement() {
    return this == DELETE_ROOT_CREDENTIALS || this == ALLOW_PASSWORD_RECOVERY;
  }

  /** Rebuilds a task of this kind from what {@link RootTask#fields()} wrote. */
  public RootTask read(AccountId target, JsonObject fields) {
    return read.apply(target, fields);
  }

  /** The kind stored as {@code storedName}, or empty for a name this Rootbot does not know. */
  public static Optional<TaskKind> fromStoredName(String storedName) {
    for (TaskKind kind : values()) {
      if (kind.storedName().equals(storedName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind with the identifier {@code id} (e.g. {@code unlock-bucket}), or empty. */
  public static Optional<TaskKind> fromId(String id) {
    for (TaskKind kind : values()) {
      if (kind.id.equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
