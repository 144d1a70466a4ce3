package dev.rootbot.bot.command;

import dev.rootbot.actions.task.AccountId;
import java.util.List;

/**
 * The organization's member accounts by name, for commands that name an account instead of giving its
 * ID. The edge implements it with Organizations ({@code ListAccounts}), cached.
 */
public interface AccountDirectory {
  /**
   * The IDs of the accounts with this name, ignoring case. Organizations does not make names unique, so
   * there may be several; then the person must give the ID.
   */
  List<AccountId> withName(String name);

  /** Every account's name, to suggest close matches for a name that was not found. */
  List<String> names();
}
