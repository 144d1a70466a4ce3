package dev.rootbot.actions.org;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;

/**
 * The organization's accounts, read from Organizations and cached, so that names resolve and targets are
 * checked without a call per command. An ID not in the cache is looked up once directly (a new account
 * must not wait for the cache to expire).
 *
 * <p>Thread-safe. The cache refreshes in the background after {@code ttl}; readers get the previous
 * snapshot meanwhile.
 */
public final class OrganizationDirectory {
  private static final String KEY = "organization";

  private final OrganizationsClient organizations;
  private final LoadingCache<String, Snapshot> cache;

  private record Snapshot(Organization organization, List<Account> accounts) {}

  public OrganizationDirectory(OrganizationsClient organizations, Duration ttl, Ticker ticker) {
    this.organizations = organizations;
    this.cache = Caffeine.newBuilder()
        .ticker(ticker)
        .refreshAfterWrite(ttl)
        .expireAfterWrite(ttl.multipliedBy(6))
        .build(key -> load());
  }

  public OrganizationDirectory(OrganizationsClient organizations) {
    this(organizations, Duration.ofMinutes(5), Ticker.systemTicker());
  }

  public Organization organization() {
    return snapshot().organization();
  }

  /** Every account, sorted by name. */
  public List<Account> accounts() {
    return snapshot().accounts();
  }

  public Optional<Account> byId(AccountId id) {
    Optional<Account> cached = accounts().stream().filter(a -> a.id().equals(id)).findFirst();
    return cached.isPresent() ? cached : describe(id);
  }

  /**
   * The accounts with exactly this name, ignoring case. Organizations does not make names unique, so there
   * may be several.
   */
  public List<Account> withName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return accounts().stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted))
        .collect(Collectors.toList());
  }

  /** Accounts whose name or ID contains {@code text}, names starting with it first: for type-ahead. */
  public List<Account> search(String text, int limit) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return accounts().stream()
        .filter(a -> a.name().toLowerCase(Locale.ROOT).contains(t) || a.id().value().contains(t))
        .sorted(Comparator.comparing((Account a) -> !a.name().toLowerCase(Locale.ROOT).startsWith(t))
            .thenComparing(Account::name))
        .limit(limit)
        .collect(Collectors.toList());
  }

  /**
   * The account a root session may target: a member of this organization, active, not the management
   * account. Otherwise a {@link TaskFailure} that says which rule it broke.
   */
  public Account requireMember(AccountId id) {
    Organization organization = organization();
    Optional<Account> found = organization.managementAccount().equals(id) ? Optional.empty() : byId(id);
    Membership.problem(organization, id, found).ifPresent(failure -> {
      throw failure;
    });
    return found.orElseThrow();
  }

  /** Forgets the cached accounts, e.g. after an account was added or renamed. */
  public void invalidate() {
    cache.invalidateAll();
  }

  private Snapshot snapshot() {
    return cache.get(KEY);
  }

  private Optional<Account> describe(AccountId id) {
    try {
      var account = organizations.describeAccount(r -> r.accountId(id.value())).account();
      return Optional.of(toAccount(account));
    } catch (AccountNotFoundException e) {
      return Optional.empty();
    }
  }

  private Snapshot load() {
    var org = organizations.describeOrganization().organization();
    var organization = new Organization(org.id(), new AccountId(org.masterAccountId()),
        "ALL".equals(org.featureSetAsString()));
    List<Account> accounts = organizations.listAccountsPaginator(r -> {}).stream()
        .flatMap(page -> page.accounts().stream())
        .map(OrganizationDirectory::toAccount)
        .sorted(Comparator.comparing(Account::name))
        .collect(Collectors.toList());
    return new Snapshot(organization, List.copyOf(accounts));
  }

  static Account toAccount(software.amazon.awssdk.services.organizations.model.Account a) {
    // Organizations is replacing Status with State; read whichever this account reports.
    String state = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
    return new Account(new AccountId(a.id()), a.name(), state == null ? "UNKNOWN" : state);
  }
}
