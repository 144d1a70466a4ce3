package dev.rootbot.bot.flow;

import dev.rootbot.actions.org.Account;
import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.command.AccountDirectory;
import java.util.List;
import java.util.stream.Collectors;

/** The grammar's account names, answered from the organization's cached directory. */
public final class OrganizationAccounts implements AccountDirectory {
  private final OrganizationDirectory directory;

  public OrganizationAccounts(OrganizationDirectory directory) {
    this.directory = directory;
  }

  @Override
  public List<AccountId> withName(String name) {
    return directory.withName(name).stream().map(Account::id).collect(Collectors.toList());
  }

  @Override
  public List<String> names() {
    return directory.accounts().stream().map(Account::name).collect(Collectors.toList());
  }
}
