package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.AccountId;

/**
 * One member account of a fleet task, as the organization's tree placed it when the task began.
 *
 * @param ouPath the OUs from the root down to the account's parent, their names joined by {@code /}
 *     ({@code Production/payments-prod/payments-prod-eu}); empty for an account directly under the root
 */
public record TargetAccount(AccountId id, String name, String ouPath) {
  /** "prod-payments (222222222222)": how people see an account. */
  public String label() {
    return name + " (" + id + ")";
  }
}
