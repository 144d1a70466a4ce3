package dev.rootbot.actions.org;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.TaskFailure;
import java.util.Optional;

/**
 * The rule for a root session's target: a member of the organization, active, not the management account.
 * Pure: the directory and the preflight look the account up and ask here.
 */
final class Membership {
  private Membership() {}

  /** What is wrong with {@code id} as a target, if anything; {@code found} is the account as Organizations has it. */
  static Optional<TaskFailure> problem(Organization organization, AccountId id, Optional<Account> found) {
    if (organization.managementAccount().equals(id)) {
      return Optional.of(new TaskFailure(TaskFailure.Reason.MANAGEMENT_ACCOUNT, "Account " + id
          + " is the organization's management account. Root sessions can only target member accounts;"
          + " use the management account's own root user for it."));
    }
    if (found.isEmpty()) {
      return Optional.of(new TaskFailure(TaskFailure.Reason.UNKNOWN_ACCOUNT,
          "Account " + id + " is not in organization " + organization.id() + ". Check the ID."));
    }
    Account account = found.get();
    if (!account.active()) {
      return Optional.of(new TaskFailure(TaskFailure.Reason.ACCOUNT_NOT_ACTIVE,
          "Account " + account.label() + " is " + account.state() + ", not ACTIVE; AWS only opens root"
              + " sessions in active member accounts."));
    }
    return Optional.empty();
  }
}
