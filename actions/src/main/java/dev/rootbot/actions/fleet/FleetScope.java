package dev.rootbot.actions.fleet;

import dev.rootbot.actions.org.Account;
import dev.rootbot.actions.org.OrganizationSnapshot;
import dev.rootbot.actions.org.OrganizationalUnit;
import dev.rootbot.actions.task.InvalidInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which member accounts a fleet task covers: every ACTIVE member of the organization ({@code audit all}) or
 * those in an OU and every OU nested in it ({@code audit ou <name|ou-id>}). The management account and accounts
 * that are not ACTIVE are never targets. Resolving is pure: it reads an {@link OrganizationSnapshot}.
 */
public sealed interface FleetScope permits FleetScope.All, FleetScope.InOu {
  /** Every ACTIVE member account. */
  record All() implements FleetScope {
    @Override
    public String describe() {
      return "every member account";
    }
  }

  /** The ACTIVE member accounts under the OU a person named, by ID or by name (ignoring case). */
  record InOu(String nameOrId) implements FleetScope {
    public InOu {
      if (nameOrId == null || nameOrId.isBlank()) {
        throw new InvalidInput("name the OU by its name or its ID (ou-…)");
      }
      nameOrId = nameOrId.strip();
    }

    @Override
    public String describe() {
      return "the member accounts in OU " + nameOrId;
    }
  }

  static FleetScope all() {
    return new All();
  }

  static FleetScope ou(String nameOrId) {
    return new InOu(nameOrId);
  }

  /** The scope in words for a card: "every member account". */
  String describe();

  /**
   * The target accounts in {@code tree}, sorted by name, each with its OU path. Throws {@link InvalidInput}, saying
   * which OUs exist or which IDs to choose from, for an OU that is not there or a name that several OUs share.
   */
  default List<TargetAccount> targets(OrganizationSnapshot tree) {
    List<Account> accounts;
    if (this instanceof InOu) {
      accounts = tree.accountsUnder(ou(tree, ((InOu) this).nameOrId()));
    } else {
      accounts = tree.accounts();
    }
    List<TargetAccount> targets = new ArrayList<>();
    for (Account account : accounts) {
      if (account.active() && !account.id().equals(tree.organization().managementAccount())) {
        targets.add(new TargetAccount(account.id(), account.name(), ouPath(tree, account)));
      }
    }
    return targets;
  }

  private static OrganizationalUnit ou(OrganizationSnapshot tree, String nameOrId) {
    List<OrganizationalUnit> found = tree.findOus(nameOrId);
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.isEmpty()) {
      List<String> names = tree.ous().stream().map(OrganizationalUnit::name).distinct().sorted().limit(20).toList();
      throw new InvalidInput("there is no OU named or with the ID " + nameOrId + " in organization "
          + tree.organization().id() + (names.isEmpty() ? "; it has no OUs" : "; its OUs include "
          + String.join(", ", names)));
    }
    Map<String, String> choices = new LinkedHashMap<>();
    found.stream().sorted(Comparator.comparing(OrganizationalUnit::id))
        .forEach(u -> choices.put(u.id(), path(tree, u)));
    throw new InvalidInput(found.size() + " OUs are named " + nameOrId + "; name one by its ID: " + choices.entrySet()
        .stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
  }

  private static String ouPath(OrganizationSnapshot tree, Account account) {
    return tree.ousAbove(account.id()).stream().map(OrganizationalUnit::name).collect(Collectors.joining("/"));
  }

  private static String path(OrganizationSnapshot tree, OrganizationalUnit ou) {
    List<String> names = new ArrayList<>();
    for (OrganizationalUnit at = ou; at != null; at = tree.ouById(at.parentId()).orElse(null)) {
      names.add(0, at.name());
    }
    return String.join("/", names);
  }
}
