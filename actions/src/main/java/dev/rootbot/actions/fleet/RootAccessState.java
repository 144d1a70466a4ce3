package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.AccountId;

/**
 * What is on now for centralized root access, as the bot's own role reads it: the organization's feature set,
 * trusted access for IAM, the two IAM features, and whether the bot runs in the management account (only that
 * account can turn them on).
 */
public record RootAccessState(
    String organizationId,
    AccountId managementAccount,
    AccountId caller,
    boolean allFeatures,
    boolean trustedAccess,
    boolean rootCredentialsManagement,
    boolean rootSessions) {

  /** Whether {@code step}'s switch is on. */
  public boolean isOn(EnableStep step) {
    switch (step) {
      case TRUSTED_ACCESS:
        return trustedAccess;
      case ROOT_CREDENTIALS_MANAGEMENT:
        return rootCredentialsManagement;
      default:
        return rootSessions;
    }
  }

  public boolean callerIsManagement() {
    return caller.equals(managementAccount);
  }
}
