package dev.rootbot.bot.flow;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.policy.TargetAccount;

/** Where an account sits in the organization, to choose the approval policy's rule for a request on it. */
@FunctionalInterface
public interface Placements {
  /**
   * The account with its name and OUs; an account the organization does not know is named by its ID, in no OU.
   *
   * @throws software.amazon.awssdk.core.exception.SdkException when Organizations cannot be read
   */
  TargetAccount of(AccountId account);
}
