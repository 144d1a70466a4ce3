package dev.rootbot.bot.policy;

import dev.rootbot.actions.task.AccountId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;

/**
 * The organization's tree read from AWS Organizations (ListRoots, then ListOrganizationalUnitsForParent and
 * ListAccountsForParent from the root down, every page), as one snapshot. It makes one pair of calls per OU,
 * so read it once and keep it; reading again is how a change in the organization is seen.
 */
public final class AwsOrganizationView {
  private AwsOrganizationView() {}

  /** Reads the whole tree now. Throws the SDK's exception when Organizations cannot be read. */
  public static OrganizationView read(OrganizationsClient organizations) {
    var accounts = new ArrayList<TargetAccount>();
    var units = new ArrayList<OrgUnit>();
    record Parent(String id, List<OrgUnit> path) {}
    Deque<Parent> parents = new ArrayDeque<>();
    organizations.listRootsPaginator(r -> {}).stream().flatMap(page -> page.roots().stream())
        .forEach(root -> parents.add(new Parent(root.id(), List.of())));
    while (!parents.isEmpty()) {
      Parent parent = parents.poll();
      List<String> within = parent.path().stream().map(OrgUnit::id).toList();
      List<OrganizationalUnit> children = organizations
          .listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent.id())).stream()
          .flatMap(page -> page.organizationalUnits().stream()).toList();
      for (OrganizationalUnit ou : children) {
        var unit = new OrgUnit(ou.id(), ou.name(), within);
        units.add(unit);
        var path = new ArrayList<>(parent.path());
        path.add(unit);
        parents.add(new Parent(ou.id(), List.copyOf(path)));
      }
      organizations.listAccountsForParentPaginator(r -> r.parentId(parent.id())).stream()
          .flatMap(page -> page.accounts().stream())
          .forEach(account -> accounts.add(new TargetAccount(new AccountId(account.id()), account.name(), parent.path())));
    }
    return OrganizationView.of(accounts, units);
  }
}
