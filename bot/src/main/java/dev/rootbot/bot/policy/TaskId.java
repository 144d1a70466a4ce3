package dev.rootbot.bot.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stable identifier of each kind of root task, as policy files, metrics and exports write it
 * ({@code unlock-bucket}). One place lists them all; a task kind names its identifier, never the reverse.
 */
public enum TaskId {
  UNLOCK_BUCKET("unlock-bucket", true),
  UNLOCK_QUEUE("unlock-queue", true),
  AUDIT_ROOT_CREDENTIALS("audit-root-credentials", false),
  DELETE_ROOT_CREDENTIALS("delete-root-credentials", true),
  ALLOW_PASSWORD_RECOVERY("allow-password-recovery", true),
  RESTORE_BUCKET_POLICY("restore-bucket-policy", true),
  RESTORE_QUEUE_POLICY("restore-queue-policy", true),
  /** Runs with the bot's own role, but turns organization features on. */
  ENABLE_ROOT_ACCESS("enable-root-access", true),
  AUDIT_FLEET("audit-fleet", false),
  DELETE_ROOT_CREDENTIALS_FLEET("delete-root-credentials-fleet", true);

  private final String id;
  private final boolean changesSomething;

  TaskId(String id, boolean changesSomething) {
    this.id = id;
    this.changesSomething = changesSomething;
  }

  /** The identifier as written in a policy file, e.g. {@code unlock-bucket}. */
  public String id() {
    return id;
  }

  /** Whether the task changes something; only tasks that change nothing may run with no approval. */
  public boolean changesSomething() {
    return changesSomething;
  }

  /** The task with this identifier, exactly as written (identifiers are lower case). */
  public static Optional<TaskId> parse(String id) {
    return Arrays.stream(values()).filter(task -> task.id.equals(id)).findFirst();
  }

  /** "unlock-bucket, unlock-queue, …": every identifier, for messages that say what would be right. */
  public static String all() {
    return Arrays.stream(values()).map(TaskId::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
