package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.policy.Wildcard;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request-rate limits per operation, answered as AWS answers them: a call over a limit is refused with the
 * service's throttling error (awsQuery {@code Throttling}, S3 {@code SlowDown}, SQS {@code RequestThrottled},
 * Organizations {@code TooManyRequestsException}, CloudTrail {@code ThrottlingException}) and does nothing.
 *
 * <pre>{@code
 * aws.limits().perSecond("sts:AssumeRoot", 50);          // all callers together
 * aws.limits().perSecondPerAccount("iam:*", 10);         // each calling account on its own
 * ...
 * long throttled = aws.limits().throttled("sts:AssumeRoot");
 * }</pre>
 *
 * <p>Each limit is a token bucket on the simulated clock holding one second's worth of calls (at least one),
 * full at the start and refilled continuously; the operations one limit names share its bucket. A call must
 * pass every limit that names it. Freezing the clock stops the refill, so a test sees exactly the burst go
 * through. Thread-safe.
 */
public final class Limits {
  private final Clock clock;
  private final List<Active> active = new CopyOnWriteArrayList<>();
  private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();

  Limits(Clock clock) {
    this.clock = clock;
  }

  /** Limits the operations {@code operation} names to {@code rate} calls a second, all callers together. */
  public void perSecond(String operation, double rate) {
    add(new Limit(operation, rate, false));
  }

  /** Limits each calling account's calls to the operations {@code operation} names to {@code rate} a second. */
  public void perSecondPerAccount(String operation, double rate) {
    add(new Limit(operation, rate, true));
  }

  public void add(Limit limit) {
    active.add(new Active(limit));
  }

  /** The limits in force, in the order they were added. */
  public List<Limit> all() {
    return active.stream().map(a -> a.limit).toList();
  }

  /** Removes every limit; the throttled counts stay. */
  public void clear() {
    active.clear();
  }

  /** How many calls the limits have throttled so far, all operations together. */
  public long throttled() {
    return throttled.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** How many calls to {@code action} (e.g. {@code sts:AssumeRoot}) the limits have throttled so far. */
  public long throttled(String action) {
    LongAdder count = throttled.get(action);
    return count == null ? 0 : count.sum();
  }

  /** The throttled counts by action, sorted by action; actions never throttled are absent. */
  public Map<String, Long> throttledByAction() {
    var counts = new TreeMap<String, Long>();
    throttled.forEach((action, count) -> counts.put(action, count.sum()));
    return counts;
  }

  /** Whether a call to {@code action} by {@code account} is within every limit now; a refusal is counted. */
  boolean admit(String action, String account) {
    Instant now = clock.instant();
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    for (Active limit : active) {
      if (Wildcard.matches(limit.limit.operation(), action) && !limit.bucket(account).take(nanos)) {
        throttled.computeIfAbsent(action, a -> new LongAdder()).increment();
        return false;
      }
    }
    return true;
  }

  private static final class Active {
    final Limit limit;
    final TokenBucket shared;
    final Map<String, TokenBucket> byAccount = new ConcurrentHashMap<>();

    Active(Limit limit) {
      this.limit = limit;
      this.shared = new TokenBucket(limit.perSecond(), limit.burst());
    }

    TokenBucket bucket(String account) {
      return limit.perAccount()
          ? byAccount.computeIfAbsent(account, a -> new TokenBucket(limit.perSecond(), limit.burst()))
          : shared;
    }
  }
}
