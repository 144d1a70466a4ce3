package dev.rootbot.bot.command;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.InvalidInput;
import java.util.List;
import java.util.Objects;

/** The target account as a person named it: its 12-digit ID, or a name still to be looked up. */
public sealed interface AccountRef permits AccountRef.Id, AccountRef.Name {

  /**
   * The account's ID: as given, or found by name in {@code directory}.
   *
   * @throws UsageError when no account, or more than one, has the name; close names are suggested
   */
  AccountId resolve(AccountDirectory directory);

  /** As the person wrote it, for messages. */
  String text();

  /** An account given by ID: nothing to look up. */
  record Id(AccountId id) implements AccountRef {
    public Id {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public AccountId resolve(AccountDirectory directory) {
      return id;
    }

    @Override
    public String text() {
      return id.value();
    }
  }

  /** An account given by its name in Organizations: 1–50 printable ASCII characters, as AWS allows. */
  record Name(String name) implements AccountRef {
    public Name {
      if (name == null || name.isBlank() || name.length() > 50 || !name.matches("[\\x20-\\x7E]+")) {
        throw new InvalidInput("an account is its 12-digit ID or its name in Organizations; "
            + SlackInput.quote(name == null ? "" : name) + " is neither");
      }
    }

    @Override
    public AccountId resolve(AccountDirectory directory) {
      List<AccountId> found = directory.withName(name);
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        throw new UsageError(found.size() + " accounts are named " + SlackInput.quote(name)
            + " (" + found.stream().map(AccountId::value).sorted().reduce((a, b) -> a + ", " + b).orElse("")
            + "); give the 12-digit ID of the one you mean", "", List.of());
      }
      List<String> close = CloseMatches.to(name, directory.names());
      String hint = close.isEmpty() ? "." : ". Did you mean " + String.join(" or ", close) + "?";
      throw new UsageError("no account is named " + SlackInput.quote(name) + hint
          + " Give the account's name as Organizations shows it (in quotes if it contains \"region\" or \"because\") or its 12-digit ID",
          "", List.of());
    }

    @Override
    public String text() {
      return name;
    }
  }
}
