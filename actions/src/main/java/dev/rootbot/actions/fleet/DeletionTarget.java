package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.Finding;
import dev.rootbot.actions.task.Fingerprint;
import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.actions.task.Snapshot;
import java.util.Collection;
import java.util.List;

/**
 * One account of a fleet deletion, bound to what the audit saw there: the credentials it found and their
 * fingerprint. The deletion deletes exactly those, or nothing when the account's credentials changed since.
 */
public record DeletionTarget(TargetAccount account, RootCredentials audited, Fingerprint fingerprint) {
  public DeletionTarget {
    if (audited.isEmpty()) {
      throw new IllegalArgumentException("account " + account.label() + " has no root credentials to delete");
    }
  }

  /** The target for an audited account that has credentials. */
  public static DeletionTarget of(AccountAudit audit) {
    if (!audit.hasCredentials()) {
      throw new IllegalArgumentException("the audit of " + audit.account().label() + " found no root credentials");
    }
    return new DeletionTarget(audit.account(), audit.credentials().orElseThrow(), audit.fingerprint().orElseThrow());
  }

  /** The accounts an audit found with credentials, in the audit's order: what the fleet deletion's card lists. */
  public static List<DeletionTarget> from(Collection<AccountAudit> audits) {
    return audits.stream().filter(AccountAudit::hasCredentials).map(DeletionTarget::of).toList();
  }

  /** The snapshot the account's deletion is bound to: its first read must give this fingerprint. */
  Snapshot snapshot() {
    return new Snapshot(new Finding("The audit found " + audited.count() + " on the root user of " + account.label()
        + ".", List.of(new Finding.Section("Audited", audited.describe(), false))), fingerprint);
  }
}
