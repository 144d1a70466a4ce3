package dev.rootbot.actions.org;

import dev.rootbot.actions.task.AccountId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The organization's tree as read at one moment: the root, every OU with its nesting, every account with its
 * parent, and whether SCPs are enabled. Immutable; answers from memory, so one read serves the preflight, the
 * approval policy ({@code ou:Production} matches accounts in nested OUs) and the fleet audit alike.
 */
public final class OrganizationSnapshot {
  /** An account and the root or OU it sits directly under. */
  public record Placement(Account account, String parentId) {}

  private final Organization organization;
  private final String rootId;
  private final boolean scpsEnabled;
  private final List<OrganizationalUnit> ous;
  private final Map<String, OrganizationalUnit> ouById = new HashMap<>();
  private final List<Account> accounts;
  private final Map<AccountId, Placement> placements = new HashMap<>();
  private final Map<String, List<OrganizationalUnit>> ousUnder = new HashMap<>();
  private final Map<String, List<Account>> accountsUnder = new HashMap<>();

  /**
   * @param scpsEnabled whether the root has the SERVICE_CONTROL_POLICY type enabled; when not, SCPs do not apply
   */
  public OrganizationSnapshot(Organization organization, String rootId, boolean scpsEnabled,
      List<OrganizationalUnit> ous, List<Placement> accounts) {
    this.organization = organization;
    this.rootId = rootId;
    this.scpsEnabled = scpsEnabled;
    this.ous = ous.stream().sorted(Comparator.comparing(OrganizationalUnit::name).thenComparing(OrganizationalUnit::id))
        .collect(Collectors.toUnmodifiableList());
    this.accounts = accounts.stream().map(Placement::account).sorted(Comparator.comparing(Account::name))
        .collect(Collectors.toUnmodifiableList());
    for (OrganizationalUnit ou : this.ous) {
      ouById.put(ou.id(), ou);
      ousUnder.computeIfAbsent(ou.parentId(), k -> new ArrayList<>()).add(ou);
    }
    for (Placement placement : accounts) {
      placements.put(placement.account().id(), placement);
    }
    for (Account account : this.accounts) {
      accountsUnder.computeIfAbsent(placements.get(account.id()).parentId(), k -> new ArrayList<>()).add(account);
    }
  }

  public Organization organization() {
    return organization;
  }

  public String rootId() {
    return rootId;
  }

  /** Whether SCPs apply at all: the policy type is enabled in the root (only with all features). */
  public boolean scpsEnabled() {
    return scpsEnabled;
  }

  /** Every OU, sorted by name. */
  public List<OrganizationalUnit> ous() {
    return ous;
  }

  public Optional<OrganizationalUnit> ouById(String id) {
    return Optional.ofNullable(ouById.get(id));
  }

  /** The OUs with this name, ignoring case: names are unique only among siblings, so there may be several. */
  public List<OrganizationalUnit> ouByName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return ous.stream().filter(ou -> ou.name().toLowerCase(Locale.ROOT).equals(wanted)).collect(Collectors.toList());
  }

  /**
   * The OUs a person means by {@code nameOrId}, as in {@code audit ou <name|ou-id>} or {@code ou:Production}: the
   * OU with that ID, else those with that name (several when sibling-unique names repeat across the tree).
   */
  public List<OrganizationalUnit> findOus(String nameOrId) {
    return ouById(nameOrId.strip()).map(List::of).orElseGet(() -> ouByName(nameOrId));
  }

  /** Every account, the management account included, sorted by name. */
  public List<Account> accounts() {
    return accounts;
  }

  public Optional<Account> account(AccountId id) {
    return Optional.ofNullable(placements.get(id)).map(Placement::account);
  }

  /** The accounts that can be root session targets: ACTIVE and not the management account, sorted by name. */
  public List<Account> activeMembers() {
    return accounts.stream().filter(Account::active)
        .filter(a -> !a.id().equals(organization.managementAccount())).collect(Collectors.toList());
  }

  /** The OUs directly under the root or an OU. */
  public List<OrganizationalUnit> ousUnder(String parentId) {
    return List.copyOf(ousUnder.getOrDefault(parentId, List.of()));
  }

  /** The accounts in {@code ou} and in every OU nested in it, sorted by name. */
  public List<Account> accountsUnder(OrganizationalUnit ou) {
    List<Account> found = new ArrayList<>();
    Deque<String> parents = new ArrayDeque<>(List.of(ou.id()));
    while (!parents.isEmpty()) {
      String parent = parents.pop();
      found.addAll(accountsUnder.getOrDefault(parent, List.of()));
      ousUnder.getOrDefault(parent, List.of()).forEach(child -> parents.push(child.id()));
    }
    found.sort(Comparator.comparing(Account::name));
    return found;
  }

  /** The OUs from the root down to the account's parent, outermost first; empty for an account under the root. */
  public List<OrganizationalUnit> ousAbove(AccountId id) {
    List<OrganizationalUnit> chain = new ArrayList<>();
    Placement placement = placements.get(id);
    String at = placement == null ? rootId : placement.parentId();
    while (ouById.containsKey(at) && chain.size() <= ous.size()) {
      OrganizationalUnit ou = ouById.get(at);
      chain.add(0, ou);
      at = ou.parentId();
    }
    return chain;
  }

  /**
   * Every target whose SCPs apply to the account, from the top: the root, each OU down to the account, the
   * account itself. Empty when the account is not in this snapshot.
   */
  public List<PolicyTarget> path(AccountId id) {
    Placement placement = placements.get(id);
    if (placement == null) {
      return List.of();
    }
    List<PolicyTarget> path = new ArrayList<>();
    path.add(new PolicyTarget(rootId, PolicyTarget.Kind.ROOT, "Root"));
    ousAbove(id).forEach(ou -> path.add(new PolicyTarget(ou.id(), PolicyTarget.Kind.OU, ou.name())));
    path.add(new PolicyTarget(id.value(), PolicyTarget.Kind.ACCOUNT, placement.account().name()));
    return path;
  }

  /** {@code aws:PrincipalOrgPaths} of the account's principals: {@code o-…/r-…/ou-…/}, if the account is known. */
  public Optional<String> organizationPath(AccountId id) {
    if (!placements.containsKey(id)) {
      return Optional.empty();
    }
    StringBuilder path = new StringBuilder(organization.id()).append('/').append(rootId).append('/');
    ousAbove(id).forEach(ou -> path.append(ou.id()).append('/'));
    return Optional.of(path.toString());
  }
}
