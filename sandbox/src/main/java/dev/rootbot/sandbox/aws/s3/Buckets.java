package dev.rootbot.sandbox.aws.s3;

import dev.rootbot.sandbox.aws.policy.PolicyDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The organization's S3 buckets. Bucket names are global, as in S3, so a name identifies one bucket in one
 * account and region.
 *
 * <p>Thread-safe: a bucket's policy is one atomic reference, so each get, put or delete sees a whole policy.
 */
public final class Buckets {
  private final Map<String, Entry> byName = new ConcurrentHashMap<>();
  private final Clock clock;

  public Buckets(Clock clock) {
    this.clock = clock;
  }

  /** Creates an empty bucket with no policy. */
  public void create(String account, String bucket, String region) {
    if (byName.putIfAbsent(bucket, new Entry(bucket, account, region, clock.instant())) != null) {
      throw new IllegalArgumentException("bucket " + bucket + " already exists; bucket names are global");
    }
  }

  /** The bucket's policy, or empty when it has none. */
  public Optional<String> policy(String account, String bucket) {
    return owned(account, bucket).policy.get().map(PolicyDocument::json);
  }

  /** Replaces the bucket's policy, as PutBucketPolicy does; the policy must be one the sandbox can parse. */
  public void setPolicy(String account, String bucket, String policyJson) {
    owned(account, bucket).policy.set(Optional.of(PolicyDocument.parse(policyJson)));
  }

  public void removePolicy(String account, String bucket) {
    owned(account, bucket).policy.set(Optional.empty());
  }

  public Optional<Bucket> find(String bucket) {
    return Optional.ofNullable(byName.get(bucket)).map(Entry::snapshot);
  }

  /** Every bucket, by account and then name. */
  public List<Bucket> all() {
    return byName.values().stream().map(Entry::snapshot)
        .sorted(Comparator.comparing(Bucket::account).thenComparing(Bucket::name)).toList();
  }

  public List<Bucket> in(String account) {
    return all().stream().filter(b -> b.account().equals(account)).toList();
  }

  Optional<Entry> entry(String bucket) {
    return Optional.ofNullable(byName.get(bucket));
  }

  private Entry owned(String account, String bucket) {
    Entry entry = byName.get(bucket);
    if (entry == null || !entry.account.equals(account)) {
      throw new IllegalArgumentException("no bucket " + bucket + " in account " + account);
    }
    return entry;
  }

  /** One bucket's mutable state. */
  static final class Entry {
    final String name;
    final String account;
    final String region;
    final Instant created;
    final AtomicReference<Optional<PolicyDocument>> policy = new AtomicReference<>(Optional.empty());

    Entry(String name, String account, String region, Instant created) {
      this.name = name;
      this.account = account;
      this.region = region;
      this.created = created;
    }

    Bucket snapshot() {
      return new Bucket(name, account, region, created, policy.get().map(PolicyDocument::json));
    }
  }
}
