package dev.rootbot.actions.org.scp;

import java.util.List;

/**
 * One level of an account's path through the organization (its root, each OU down to the account, the account
 * itself) with the SCPs attached there.
 *
 * @param attachedTo how people see the level: "the organization root (r-ab12)", "OU Sandbox (ou-ab12-…)",
 *     "account dev-playground (444444444444)"
 */
public record ScpLevel(String targetId, String attachedTo, List<ServiceControlPolicy> policies) {
  public ScpLevel {
    policies = List.copyOf(policies);
  }
}
