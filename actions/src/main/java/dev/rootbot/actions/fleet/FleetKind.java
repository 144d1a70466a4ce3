package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.TaskPolicy;
import java.util.Locale;
import java.util.Optional;

/**
 * The organization-wide tasks, each with what the rest of Rootbot asks about a kind, as {@link
 * dev.rootbot.actions.task.TaskKind} has it for single-account tasks: the stable identifier (approval policies,
 * metrics, exports), the stored name, the task policy of its root sessions (none for enabling, which runs with the
 * bot's own role), and whether it changes something in AWS.
 *
 * <p>Kept apart from {@code TaskKind} until requests can hold an organization-wide task: a {@code TaskKind} has one
 * target account and a task policy, which these do not.
 */
public enum FleetKind {
  ENABLE_ROOT_ACCESS("enable-root-access", Optional.empty(), true),
  AUDIT_FLEET("audit-fleet", Optional.of(TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS), false),
  DELETE_ROOT_CREDENTIALS_FLEET("delete-root-credentials-fleet",
      Optional.of(TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS), true);

  private final String id;
  private final Optional<TaskPolicy> policy;
  private final boolean changes;

  FleetKind(String id, Optional<TaskPolicy> policy, boolean changes) {
    this.id = id;
    this.policy = policy;
    this.changes = changes;
  }

  /** The stable identifier, e.g. {@code audit-fleet}. */
  public String id() {
    return id;
  }

  /** The name stored with each request, e.g. {@code audit_fleet}: stored data, never renamed. */
  public String storedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The task policy of each account's root session; empty when the task runs with the bot's own role. */
  public Optional<TaskPolicy> policy() {
    return policy;
  }

  /** Whether the task changes anything in AWS (the audit only reads). */
  public boolean changes() {
    return changes;
  }

  /** The kind with the identifier {@code id}, or empty. */
  public static Optional<FleetKind> fromId(String id) {
    for (FleetKind kind : values()) {
      if (kind.id.equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind stored as {@code storedName}, or empty. */
  public static Optional<FleetKind> fromStoredName(String storedName) {
    for (FleetKind kind : values()) {
      if (kind.storedName().equals(storedName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
