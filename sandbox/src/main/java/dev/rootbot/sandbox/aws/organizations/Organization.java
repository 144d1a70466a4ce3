package dev.rootbot.sandbox.aws.organizations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The simulated organization: its tree of root, OUs and accounts, its SCPs, delegated administrators, trusted
 * services and the IAM organization features ({@code RootCredentialsManagement}, {@code RootSessions}).
 *
 * <p>The tree and the SCPs are fixed when the organization is seeded, and indexed then (children by parent,
 * targets by policy) so that an organization of 10,000 accounts answers each call without a scan. Features,
 * trusted access and delegated administrators change at run time and live in concurrent collections, so every
 * method is safe to call from any thread.
 */
public final class Organization {
  /** The IAM features ListOrganizationsFeatures reports. */
  public static final Set<String> FEATURES = Set.of("RootCredentialsManagement", "RootSessions");

  private final String id;
  private final String featureSet;
  private final String managementAccountId;
  private final String rootId;
  private final Map<String, Account> accounts;
  private final List<Account> accountList;
  private final Map<String, OrganizationalUnit> units;
  private final Map<String, List<Account>> accountsByParent;
  private final Map<String, List<OrganizationalUnit>> unitsByParent;
  private final List<ServiceControlPolicy> policies;
  private final Map<String, Set<String>> targetsByPolicy = new HashMap<>();
  private final List<DelegatedAdministrator> delegatedAdministrators = new CopyOnWriteArrayList<>();
  private final Map<String, Instant> trustedServices = new ConcurrentSkipListMap<>();
  private final Set<String> features = ConcurrentHashMap.newKeySet();

  public Organization(String id, String featureSet, String managementAccountId, String rootId,
      List<Account> accounts, List<OrganizationalUnit> units, List<ServiceControlPolicy> policies,
      List<DelegatedAdministrator> delegatedAdministrators, Map<String, Instant> trustedServices,
      Set<String> features) {
    this.id = id;
    this.featureSet = featureSet;
    this.managementAccountId = managementAccountId;
    this.rootId = rootId;
    this.accounts = Collections.unmodifiableMap(index(accounts, Account::id));
    this.accountList = List.copyOf(this.accounts.values());
    this.units = Collections.unmodifiableMap(index(units, OrganizationalUnit::id));
    this.accountsByParent = children(accountList, Account::parentId);
    this.unitsByParent = children(List.copyOf(this.units.values()), OrganizationalUnit::parentId);
    this.policies = List.copyOf(policies);
    this.policies.forEach(p -> targetsByPolicy.put(p.id(), Set.copyOf(p.targets())));
    this.delegatedAdministrators.addAll(delegatedAdministrators);
    this.trustedServices.putAll(trustedServices);
    features.forEach(this::enableFeature);
  }

  private static <T> Map<String, T> index(List<T> values, Function<T, String> id) {
    var map = new LinkedHashMap<String, T>();
    values.forEach(v -> map.put(id.apply(v), v));
    return map;
  }

  private static <T> Map<String, List<T>> children(List<T> values, Function<T, String> parent) {
    var map = new HashMap<String, List<T>>();
    values.forEach(v -> map.computeIfAbsent(parent.apply(v), p -> new ArrayList<>()).add(v));
    map.replaceAll((p, list) -> List.copyOf(list));
    return Map.copyOf(map);
  }

  public String id() {
    return id;
  }

  public String arn() {
    return "arn:aws:organizations::" + managementAccountId + ":organization/" + id;
  }

  /** {@code ALL} or {@code CONSOLIDATED_BILLING}. */
  public String featureSet() {
    return featureSet;
  }

  public boolean allFeatures() {
    return featureSet.equals("ALL");
  }

  public String managementAccountId() {
    return managementAccountId;
  }

  public Account managementAccount() {
    return accounts.get(managementAccountId);
  }

  public boolean isManagement(String accountId) {
    return managementAccountId.equals(accountId);
  }

  public String rootId() {
    return rootId;
  }

  public String rootArn() {
    return "arn:aws:organizations::" + managementAccountId + ":root/" + id + "/" + rootId;
  }

  public String accountArn(String accountId) {
    return "arn:aws:organizations::" + managementAccountId + ":account/" + id + "/" + accountId;
  }

  public String unitArn(String unitId) {
    return "arn:aws:organizations::" + managementAccountId + ":ou/" + id + "/" + unitId;
  }

  public String policyArn(ServiceControlPolicy policy) {
    return policy.awsManaged()
        ? "arn:aws:organizations::aws:policy/service_control_policy/" + policy.id()
        : "arn:aws:organizations::" + managementAccountId + ":policy/" + id + "/service_control_policy/" + policy.id();
  }

  /** All accounts, the management account first, then in the order they were seeded. */
  public List<Account> accounts() {
    return accountList;
  }

  public Optional<Account> account(String accountId) {
    return Optional.ofNullable(accounts.get(accountId));
  }

  public List<OrganizationalUnit> units() {
    return List.copyOf(units.values());
  }

  public Optional<OrganizationalUnit> unit(String unitId) {
    return Optional.ofNullable(units.get(unitId));
  }

  /** The accounts directly under the root or an OU, in the order they were seeded. */
  public List<Account> accountsUnder(String parentId) {
    return accountsByParent.getOrDefault(parentId, List.of());
  }

  /** The OUs directly under the root or an OU, in the order they were seeded. */
  public List<OrganizationalUnit> unitsUnder(String parentId) {
    return unitsByParent.getOrDefault(parentId, List.of());
  }

  /** Whether {@code id} names the root or an OU, the things accounts and OUs can sit under. */
  public boolean isParent(String parentId) {
    return rootId.equals(parentId) || units.containsKey(parentId);
  }

  /** The parent of an account or OU, if {@code childId} is one. */
  public Optional<String> parentOf(String childId) {
    if (accounts.containsKey(childId)) {
      return Optional.of(accounts.get(childId).parentId());
    }
    return Optional.ofNullable(units.get(childId)).map(OrganizationalUnit::parentId);
  }

  /** The root, each OU down to the account, and the account itself: every target whose SCPs apply to it. */
  public List<String> pathTo(String accountId) {
    var path = new ArrayList<String>();
    Optional<String> at = Optional.of(accountId);
    while (at.isPresent()) {
      path.add(0, at.get());
      at = at.get().equals(rootId) ? Optional.empty() : parentOf(at.get());
    }
    return path;
  }

  public List<ServiceControlPolicy> policies() {
    return policies;
  }

  public Optional<ServiceControlPolicy> policy(String policyId) {
    return policies.stream().filter(p -> p.id().equals(policyId)).findFirst();
  }

  public List<ServiceControlPolicy> policiesAttachedTo(String targetId) {
    return policies.stream().filter(p -> targetsByPolicy.get(p.id()).contains(targetId)).toList();
  }

  /** The SCPs that govern principals of {@code accountId}; none for the management account, as in AWS. */
  public List<ServiceControlPolicy> policiesGoverning(String accountId) {
    if (isManagement(accountId) || !accounts.containsKey(accountId)) {
      return List.of();
    }
    List<String> path = pathTo(accountId);
    return policies.stream().filter(p -> path.stream().anyMatch(targetsByPolicy.get(p.id())::contains)).toList();
  }

  /** The delegated administrators, in the order they were seeded or registered. */
  public List<DelegatedAdministrator> delegatedAdministrators() {
    return List.copyOf(delegatedAdministrators);
  }

  /**
   * Registers a member account as delegated administrator for a service, as RegisterDelegatedAdministrator
   * does; false if it already is one. The caller checks what AWS requires first.
   */
  public synchronized boolean registerDelegatedAdministrator(String accountId, String servicePrincipal, Instant now) {
    if (isDelegatedAdministrator(accountId, servicePrincipal)) {
      return false;
    }
    delegatedAdministrators.add(new DelegatedAdministrator(accountId, servicePrincipal, now));
    return true;
  }

  public boolean isDelegatedAdministrator(String accountId, String servicePrincipal) {
    return delegatedAdministrators.stream()
        .anyMatch(d -> d.accountId().equals(accountId) && d.servicePrincipal().equals(servicePrincipal));
  }

  public boolean isAnyDelegatedAdministrator(String accountId) {
    return delegatedAdministrators.stream().anyMatch(d -> d.accountId().equals(accountId));
  }

  /** Service principals with trusted access, and since when. */
  public Map<String, Instant> trustedServices() {
    return Collections.unmodifiableMap(new TreeMap<>(trustedServices));
  }

  public boolean trusts(String servicePrincipal) {
    return trustedServices.containsKey(servicePrincipal);
  }

  public void enableTrustedAccess(String servicePrincipal, Instant now) {
    trustedServices.putIfAbsent(servicePrincipal, now);
  }

  public void disableTrustedAccess(String servicePrincipal) {
    trustedServices.remove(servicePrincipal);
  }

  /** The enabled IAM organization features, sorted. */
  public Set<String> features() {
    return Collections.unmodifiableSet(new TreeSet<>(features));
  }

  public boolean featureEnabled(String feature) {
    return features.contains(feature);
  }

  public void enableFeature(String feature) {
    features.add(known(feature));
  }

  public void disableFeature(String feature) {
    features.remove(known(feature));
  }

  private static String known(String feature) {
    if (!FEATURES.contains(feature)) {
      throw new IllegalArgumentException("unknown feature '" + feature + "'; the features are " + FEATURES);
    }
    return feature;
  }
}
