package dev.rootbot.bot.command;

import dev.rootbot.actions.task.AccountId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Stands in for Organizations: a fixed list of accounts, names matched ignoring case. */
record FakeAccountDirectory(Map<AccountId, String> accounts) implements AccountDirectory {
  static FakeAccountDirectory demo() {
    return new FakeAccountDirectory(Map.of(
        new AccountId("222222222222"), "prod-payments",
        new AccountId("333333333333"), "prod-data",
        new AccountId("444444444444"), "dev-playground",
        new AccountId("555555555555"), "security-tooling",
        new AccountId("666666666666"), "Sandbox",
        new AccountId("777777777777"), "sandbox"));
  }

  @Override
  public List<AccountId> withName(String name) {
    return accounts.entrySet().stream()
        .filter(e -> e.getValue().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public List<String> names() {
    return List.copyOf(accounts.values());
  }
}
