package dev.rootbot.bot.policy;

import dev.rootbot.actions.task.AccountId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a rule's {@code accounts}: every account, one account by ID or by name, or the accounts in
 * an OU (by name or ID, nested OUs included). It matches against the organization as it is when a request
 * is made, so an account moved out of an OU stops matching that OU at once.
 */
public sealed interface AccountPattern permits AccountPattern.Any, AccountPattern.ById, AccountPattern.ByName,
    AccountPattern.InUnit {

  /** AWS's shape of an OU ID. */
  Pattern UNIT_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");

  boolean matches(TargetAccount account);

  /** The entry as a policy file writes it. */
  String written();

  /** {@code *}: every account, including those created later. */
  record Any() implements AccountPattern {
    @Override
    public boolean matches(TargetAccount account) {
      return true;
    }

    @Override
    public String written() {
      return "*";
    }
  }

  /** A 12-digit account ID. */
  record ById(AccountId id) implements AccountPattern {
    public ById {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public boolean matches(TargetAccount account) {
      return account.id().equals(id);
    }

    @Override
    public String written() {
      return id.value();
    }
  }

  /** An account name, compared ignoring case as the command grammar does. */
  record ByName(String name) implements AccountPattern {
    public ByName {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean matches(TargetAccount account) {
      return account.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String written() {
      return name;
    }
  }

  /** {@code ou:NAME} or {@code ou:ou-…}: the accounts in that OU and in the OUs nested in it. */
  record InUnit(String unit) implements AccountPattern {
    public InUnit {
      Objects.requireNonNull(unit, "unit");
    }

    /** Whether the entry names the OU by its ID rather than its name. */
    public boolean byId() {
      return UNIT_ID.matcher(unit).matches();
    }

    @Override
    public boolean matches(TargetAccount account) {
      String wanted = unit.toLowerCase(Locale.ROOT);
      return byId() ? account.isIn(unit)
          : account.units().stream().anyMatch(u -> u.name().toLowerCase(Locale.ROOT).equals(wanted));
    }

    @Override
    public String written() {
      return "ou:" + unit;
    }
  }
}
