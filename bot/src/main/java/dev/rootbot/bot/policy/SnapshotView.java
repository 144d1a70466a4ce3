package dev.rootbot.bot.policy;

import dev.rootbot.actions.org.Account;
import dev.rootbot.actions.org.OrganizationSnapshot;
import dev.rootbot.actions.org.OrganizationalUnit;
import dev.rootbot.actions.task.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The organization as the policy sees it, from a snapshot the bot has already read ({@code OrganizationTree}),
 * so that choosing a rule for a request costs no call to Organizations.
 */
public final class SnapshotView {
  private SnapshotView() {}

  /** Every account and OU of {@code snapshot}, each with the OUs that contain it. */
  public static OrganizationView of(OrganizationSnapshot snapshot) {
    Map<String, OrganizationalUnit> byId = snapshot.ous().stream()
        .collect(Collectors.toMap(OrganizationalUnit::id, ou -> ou));
    List<OrgUnit> units = new ArrayList<>();
    for (OrganizationalUnit ou : snapshot.ous()) {
      units.add(new OrgUnit(ou.id(), ou.name(), above(ou, byId)));
    }
    Map<String, OrgUnit> unitById = units.stream().collect(Collectors.toMap(OrgUnit::id, unit -> unit));
    List<TargetAccount> accounts = new ArrayList<>();
    for (Account account : snapshot.accounts()) {
      accounts.add(new TargetAccount(account.id(), account.name(),
          snapshot.ousAbove(account.id()).stream().map(ou -> unitById.get(ou.id())).toList()));
    }
    return OrganizationView.of(accounts, units);
  }

  /**
   * {@code id} as the policy sees it: its name and the OUs that contain it. An account the snapshot does not
   * have is named by its ID and sits in no OU, so only rules for every account, or for that ID, match it.
   */
  public static TargetAccount account(OrganizationSnapshot snapshot, AccountId id) {
    Map<String, OrganizationalUnit> byId = snapshot.ous().stream()
        .collect(Collectors.toMap(OrganizationalUnit::id, ou -> ou));
    String name = snapshot.account(id).map(Account::name).orElse(id.value());
    return new TargetAccount(id, name, snapshot.ousAbove(id).stream()
        .map(ou -> new OrgUnit(ou.id(), ou.name(), above(ou, byId))).toList());
  }

  /** The IDs of the OUs that contain {@code ou}, outermost first. */
  private static List<String> above(OrganizationalUnit ou, Map<String, OrganizationalUnit> byId) {
    List<String> chain = new ArrayList<>();
    String at = ou.parentId();
    while (byId.containsKey(at) && chain.size() <= byId.size()) {
      chain.add(0, at);
      at = byId.get(at).parentId();
    }
    return chain;
  }
}
