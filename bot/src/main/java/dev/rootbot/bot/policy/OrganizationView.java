package dev.rootbot.bot.policy;

import dev.rootbot.actions.task.AccountId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The AWS organization as a policy needs to know it: every account with the OUs it is in, and every OU
 * with the OUs it is in. A snapshot: implementations read Organizations at the edge (see
 * {@link AwsOrganizationView}); the checks and the matcher only read it.
 */
public interface OrganizationView {
  /** Every account of the organization, management account included. */
  List<TargetAccount> accounts();

  /** Every OU of the organization, at any depth. */
  List<OrgUnit> units();

  /** A fixed view, for tests and for adapting a directory that is already read. */
  static OrganizationView of(List<TargetAccount> accounts, List<OrgUnit> units) {
    List<TargetAccount> a = List.copyOf(accounts);
    List<OrgUnit> u = List.copyOf(units);
    return new OrganizationView() {
      @Override
      public List<TargetAccount> accounts() {
        return a;
      }

      @Override
      public List<OrgUnit> units() {
        return u;
      }
    };
  }

  default Optional<TargetAccount> account(AccountId id) {
    return accounts().stream().filter(account -> account.id().equals(id)).findFirst();
  }

  /** The accounts with this name, ignoring case; Organizations does not make names unique. */
  default List<TargetAccount> accountsNamed(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return accounts().stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted))
        .collect(Collectors.toList());
  }

  default Optional<OrgUnit> unit(String id) {
    return units().stream().filter(unit -> unit.id().equals(id)).findFirst();
  }

  /** The OUs with this name, ignoring case; names are unique only among siblings. */
  default List<OrgUnit> unitsNamed(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return units().stream().filter(u -> u.name().toLowerCase(Locale.ROOT).equals(wanted))
        .collect(Collectors.toList());
  }
}
