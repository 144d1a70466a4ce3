package dev.rootbot.bot.request;

import dev.rootbot.actions.fleet.FleetKind;
import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.TaskPolicy;
import java.util.Objects;
import java.util.Optional;

/**
 * A task over the organization rather than one account: turning on centralized root access, auditing every
 * account's root credentials, or deleting them where an audit found them. Each names the organization's
 * management account, which stands for the organization in the store and in the approval policy.
 */
public sealed interface FleetTask extends Work
    permits FleetTask.EnableRootAccess, FleetTask.AuditFleet, FleetTask.DeleteCredentialsFleet {

  FleetKind kind();

  @Override
  default String id() {
    return kind().id();
  }

  @Override
  default String storedName() {
    return kind().storedName();
  }

  @Override
  default boolean changes() {
    return kind().changes();
  }

  @Override
  default Optional<TaskPolicy> policy() {
    return kind().policy();
  }

  /** {@code enable [credentials only]}: trusted access for IAM, root credentials management, root sessions. */
  record EnableRootAccess(AccountId account, boolean credentialsOnly) implements FleetTask {
    public EnableRootAccess {
      Objects.requireNonNull(account, "account");
    }

    @Override
    public FleetKind kind() {
      return FleetKind.ENABLE_ROOT_ACCESS;
    }

    @Override
    public boolean needsReason() {
      return false;
    }

    @Override
    public String summary() {
      return "enable centralized root access" + (credentialsOnly ? " (root credentials management only)" : "");
    }
  }

  /**
   * {@code audit all} or {@code audit ou <name|ou-id>}: every ACTIVE member account in scope.
   *
   * @param thenDelete for {@code delete root credentials in ou … because …}: the requester's reason, with which the
   *     deletion of what the audit finds is filed once it completes
   */
  record AuditFleet(AccountId account, FleetScope scope, Optional<Reason> thenDelete) implements FleetTask {
    public AuditFleet {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(thenDelete, "thenDelete");
    }

    public AuditFleet(AccountId account, FleetScope scope) {
      this(account, scope, Optional.empty());
    }

    @Override
    public FleetKind kind() {
      return FleetKind.AUDIT_FLEET;
    }

    @Override
    public String summary() {
      return "audit root credentials in " + scope.describe();
    }
  }

  /**
   * Deletes the root credentials that the fleet audit {@code audit} found, in each account bound to what it saw.
   *
   * @param audit the audit-fleet request whose stored results are this task's preview and its binding
   */
  record DeleteCredentialsFleet(AccountId account, FleetScope scope, RequestId audit) implements FleetTask {
    public DeleteCredentialsFleet {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(audit, "audit");
    }

    @Override
    public FleetKind kind() {
      return FleetKind.DELETE_ROOT_CREDENTIALS_FLEET;
    }

    @Override
    public String summary() {
      return "delete root credentials in " + scope.describe() + " where audit " + audit.value() + " found them";
    }
  }
}
