package dev.rootbot.sandbox.aws.sqs;

import dev.rootbot.sandbox.aws.policy.PolicyDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organization's SQS queues. Queues are regional: a queue is found by region, account and name, and does
 * not exist in any other region.
 *
 * <p>Thread-safe: each queue's attributes change under the queue's own lock.
 */
public final class Queues {
  private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
  private final Clock clock;

  public Queues(Clock clock) {
    this.clock = clock;
  }

  /** Creates a queue with no policy and returns its URL. */
  public String create(String account, String name, String region) {
    var entry = new Entry(name, account, region, clock.instant());
    if (byKey.putIfAbsent(key(region, account, name), entry) != null) {
      throw new IllegalArgumentException("queue " + name + " already exists in " + account + " " + region);
    }
    return entry.url();
  }

  /** The policy of the account's only queue called {@code name}, or empty when it has none. */
  public Optional<String> policy(String account, String name) {
    return only(account, name).snapshot().policy();
  }

  public Optional<String> policy(String account, String region, String name) {
    return existing(region, account, name).snapshot().policy();
  }

  /** Sets the policy of the account's only queue called {@code name}, as SetQueueAttributes does. */
  public void setPolicy(String account, String name, String policyJson) {
    PolicyDocument.parse(policyJson);
    only(account, name).set("Policy", policyJson, clock.instant());
  }

  public void removePolicy(String account, String name) {
    only(account, name).set("Policy", "", clock.instant());
  }

  /** The URL of the account's only queue called {@code name}. */
  public String url(String account, String name) {
    return only(account, name).url();
  }

  public Optional<Queue> find(String region, String account, String name) {
    return entry(region, account, name).map(Entry::snapshot);
  }

  /** Every queue, by account, region and name. */
  public List<Queue> all() {
    return byKey.values().stream().map(Entry::snapshot)
        .sorted(Comparator.comparing(Queue::account).thenComparing(Queue::region).thenComparing(Queue::name))
        .toList();
  }

  public List<Queue> in(String account) {
    return all().stream().filter(q -> q.account().equals(account)).toList();
  }

  Optional<Entry> entry(String region, String account, String name) {
    return Optional.ofNullable(byKey.get(key(region, account, name)));
  }

  private Entry existing(String region, String account, String name) {
    return entry(region, account, name).orElseThrow(() -> new IllegalArgumentException(
        "no queue " + name + " in account " + account + " in " + region));
  }

  private Entry only(String account, String name) {
    List<Entry> matches = byKey.values().stream()
        .filter(e -> e.account.equals(account) && e.name.equals(name)).toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException(matches.isEmpty()
          ? "no queue " + name + " in account " + account
          : "queue " + name + " exists in several regions of " + account + "; name the region");
    }
    return matches.get(0);
  }

  private static String key(String region, String account, String name) {
    return region + "/" + account + "/" + name;
  }

  /** One queue's mutable state: its settable attributes, the policy among them. */
  static final class Entry {
    final String name;
    final String account;
    final String region;
    final Instant created;
    private Instant modified;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    Entry(String name, String account, String region, Instant created) {
      this.name = name;
      this.account = account;
      this.region = region;
      this.created = created;
      this.modified = created;
      attributes.put("VisibilityTimeout", "30");
      attributes.put("MaximumMessageSize", "262144");
      attributes.put("MessageRetentionPeriod", "345600");
      attributes.put("DelaySeconds", "0");
      attributes.put("ReceiveMessageWaitTimeSeconds", "0");
      attributes.put("SqsManagedSseEnabled", "true");
    }

    String url() {
      return Queue.url(region, account, name);
    }

    String arn() {
      return "arn:aws:sqs:" + region + ":" + account + ":" + name;
    }

    /** Sets an attribute; an empty Policy removes the policy, as SQS does. */
    synchronized void set(String attribute, String value, Instant now) {
      if (attribute.equals("Policy") && value.isEmpty()) {
        attributes.remove("Policy");
      } else {
        attributes.put(attribute, value);
      }
      modified = now;
    }

    synchronized Optional<PolicyDocument> policyDocument() {
      return Optional.ofNullable(attributes.get("Policy")).map(PolicyDocument::parse);
    }

    /** Every attribute GetQueueAttributes can report, computed ones included. */
    synchronized Map<String, String> allAttributes() {
      var all = new LinkedHashMap<String, String>();
      all.put("QueueArn", arn());
      all.put("ApproximateNumberOfMessages", "0");
      all.put("ApproximateNumberOfMessagesNotVisible", "0");
      all.put("ApproximateNumberOfMessagesDelayed", "0");
      all.put("CreatedTimestamp", Long.toString(created.getEpochSecond()));
      all.put("LastModifiedTimestamp", Long.toString(modified.getEpochSecond()));
      all.putAll(attributes);
      return all;
    }

    synchronized Queue snapshot() {
      return new Queue(name, account, region, url(), created, Optional.ofNullable(attributes.get("Policy")));
    }
  }
}
