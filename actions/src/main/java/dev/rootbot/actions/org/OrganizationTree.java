package dev.rootbot.actions.org;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.rootbot.actions.org.scp.ScpDocument;
import dev.rootbot.actions.org.scp.ScpLevel;
import dev.rootbot.actions.org.scp.ServiceControlPolicy;
import dev.rootbot.actions.task.AccountId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * The organization's tree and the SCPs attached to each of its targets, read with the bot's own Organizations
 * client and cached, so that a preflight per request and a status over thousands of accounts stay cheap.
 *
 * <p>Three caches, each refreshed in the background {@code ttl} after it was read (readers get the previous
 * value meanwhile) and dropped after six times that: the tree (root, OUs, accounts, one read per
 * {@code ListOrganizationalUnitsForParent} and {@code ListAccountsForParent} of every parent, all pages); the
 * SCPs attached to each target ({@code ListPoliciesForTarget}); and each SCP's content by policy ID
 * ({@code DescribePolicy}), shared by every target it is attached to.
 *
 * <p>Thread-safe. Reads of one tree run on {@code reads}, each parent's children in parallel; the thread that
 * asks waits for them, so {@code reads} must not be a pool that the asking thread itself belongs to with no
 * thread to spare (a direct executor, {@code Runnable::run}, reads one after the other).
 */
public final class OrganizationTree {
  private static final String KEY = "tree";

  private final OrganizationsClient organizations;
  private final Executor reads;
  private final LoadingCache<String, OrganizationSnapshot> tree;
  private final LoadingCache<String, List<Attached>> attachments;
  private final LoadingCache<String, ScpDocument> contents;

  /** An SCP attached to a target, as ListPoliciesForTarget names it. */
  private record Attached(String id, String name) {}

  public OrganizationTree(OrganizationsClient organizations, Duration ttl, Ticker ticker, Executor reads) {
    this.organizations = organizations;
    this.reads = reads;
    this.tree = cache(ttl, ticker, reads, 1).build(key -> load());
    this.attachments = cache(ttl, ticker, reads, 1_000_000).build(this::listAttached);
    this.contents = cache(ttl, ticker, reads, 100_000)
        .build(id -> ScpDocument.parse(organizations.describePolicy(r -> r.policyId(id)).policy().content()));
  }

  /** Two minutes' caching, reads one after the other. */
  public OrganizationTree(OrganizationsClient organizations) {
    this(organizations, Duration.ofMinutes(2), Ticker.systemTicker(), Runnable::run);
  }

  private static Caffeine<Object, Object> cache(Duration ttl, Ticker ticker, Executor reads, long size) {
    return Caffeine.newBuilder().ticker(ticker).executor(reads).maximumSize(size)
        .refreshAfterWrite(ttl).expireAfterWrite(ttl.multipliedBy(6));
  }

  /** The tree as last read; the first call reads it. */
  public OrganizationSnapshot read() {
    return tree.get(KEY);
  }

  /**
   * The tree with {@code account} in it if Organizations knows the account: a new account must not wait for
   * the cache to expire, and an unknown ID costs one {@code DescribeAccount}, not a new tree.
   */
  public OrganizationSnapshot readWith(AccountId account) {
    OrganizationSnapshot snapshot = read();
    if (snapshot.account(account).isPresent() || snapshot.organization().managementAccount().equals(account)) {
      return snapshot;
    }
    try {
      organizations.describeAccount(r -> r.accountId(account.value()));
    } catch (AccountNotFoundException e) {
      return snapshot;
    }
    tree.invalidateAll();
    return read();
  }

  /** The SCPs attached directly to a root, OU or account, with their contents. */
  public List<ServiceControlPolicy> policiesAttachedTo(String targetId) {
    return attachments.get(targetId).stream()
        .map(a -> new ServiceControlPolicy(a.id(), a.name(), contents.get(a.id())))
        .collect(Collectors.toList());
  }

  /** The SCPs attached to each target, read in parallel on the reads executor; in the order given. */
  public Map<String, List<ServiceControlPolicy>> policiesAttachedTo(Collection<String> targetIds) {
    Map<String, CompletableFuture<List<ServiceControlPolicy>>> pending = new LinkedHashMap<>();
    for (String id : targetIds) {
      pending.computeIfAbsent(id, t -> CompletableFuture.supplyAsync(() -> policiesAttachedTo(t), reads));
    }
    Map<String, List<ServiceControlPolicy>> found = new LinkedHashMap<>();
    pending.forEach((id, future) -> found.put(id, join(future)));
    return found;
  }

  /** The account's path with the SCPs attached at each level, for {@link dev.rootbot.actions.org.scp.ScpEvaluator}. */
  public List<ScpLevel> scpLevels(List<PolicyTarget> path) {
    Map<String, List<ServiceControlPolicy>> attached =
        policiesAttachedTo(path.stream().map(PolicyTarget::id).collect(Collectors.toList()));
    return path.stream().map(t -> new ScpLevel(t.id(), t.label(), attached.get(t.id()))).collect(Collectors.toList());
  }

  /**
   * Reads these targets' attachments, and the contents of the SCPs attached to them, afresh next time: before
   * Rootbot refuses, so that a fixed SCP is seen at once.
   */
  public void forget(Collection<String> targetIds) {
    for (String id : targetIds) {
      List<Attached> known = attachments.getIfPresent(id);
      if (known != null) {
        known.forEach(a -> contents.invalidate(a.id()));
      }
      attachments.invalidate(id);
    }
  }

  /** Forgets everything read, e.g. after the organization was changed. */
  public void invalidate() {
    tree.invalidateAll();
    attachments.invalidateAll();
    contents.invalidateAll();
  }

  private List<Attached> listAttached(String targetId) {
    return organizations.listPoliciesForTargetPaginator(r -> r.targetId(targetId)
            .filter(PolicyType.SERVICE_CONTROL_POLICY))
        .stream().flatMap(page -> page.policies().stream()).map(p -> new Attached(p.id(), p.name())).collect(Collectors.toUnmodifiableList());
  }

  private OrganizationSnapshot load() {
    var org = organizations.describeOrganization().organization();
    var organization = new Organization(org.id(), new AccountId(org.masterAccountId()),
        "ALL".equals(org.featureSetAsString()));
    Root root = organizations.listRootsPaginator(r -> {}).stream()
        .flatMap(page -> page.roots().stream()).findFirst()
        .orElseThrow(() -> new IllegalStateException("Organizations listed no root for " + org.id()));
    boolean scps = root.policyTypes().stream().anyMatch(t ->
        t.type() == PolicyType.SERVICE_CONTROL_POLICY && t.status() == PolicyTypeStatus.ENABLED);
    var ous = new ConcurrentLinkedQueue<OrganizationalUnit>();
    var accounts = new ConcurrentLinkedQueue<OrganizationSnapshot.Placement>();
    join(readUnder(root.id(), ous, accounts));
    return new OrganizationSnapshot(organization, root.id(), scps, new ArrayList<>(ous), new ArrayList<>(accounts));
  }

  /** Reads a parent's OUs and accounts, then each child OU's, without ever blocking a reads thread. */
  private CompletableFuture<Void> readUnder(String parentId, Collection<OrganizationalUnit> ous,
      Collection<OrganizationSnapshot.Placement> accounts) {
    CompletableFuture<Void> direct = CompletableFuture.runAsync(() ->
        organizations.listAccountsForParentPaginator(r -> r.parentId(parentId)).stream()
            .flatMap(page -> page.accounts().stream())
            .forEach(a -> accounts.add(new OrganizationSnapshot.Placement(OrganizationDirectory.toAccount(a), parentId))),
        reads);
    CompletableFuture<Void> nested = CompletableFuture.supplyAsync(() ->
            organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parentId)).stream()
                .flatMap(page -> page.organizationalUnits().stream()).map(u -> new OrganizationalUnit(u.id(), u.name(), parentId)).collect(Collectors.toList()),
        reads).thenCompose(children -> {
          ous.addAll(children);
          return CompletableFuture.allOf(children.stream().map(c -> readUnder(c.id(), ous, accounts))
              .toArray(CompletableFuture[]::new));
        });
    return CompletableFuture.allOf(direct, nested);
  }

  /** Waits for a read and rethrows what AWS threw, unwrapped. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    }
  }
}
