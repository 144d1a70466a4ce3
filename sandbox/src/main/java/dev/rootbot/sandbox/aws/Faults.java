package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.policy.Wildcard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The faults injected into operations, by name ({@code s3:DeleteBucketPolicy}) or wildcard ({@code s3:*}).
 *
 * <p>Thread-safe: a fault that fires {@code n} times fires exactly {@code n} times, however many calls race.
 */
public final class Faults {
  private static final Pattern OPERATION = Pattern.compile("[a-z0-9*]+:[A-Za-z0-9*]+");

  private final List<Active> active = new CopyOnWriteArrayList<>();

  public void inject(String operation, Fault fault) {
    active.add(new Active(checkedOperation(operation), fault, new AtomicInteger(fault.times())));
  }

  /** {@code operation} if it names operations as faults and limits do ({@code s3:GetBucketPolicy}, {@code iam:*}). */
  static String checkedOperation(String operation) {
    if (!OPERATION.matcher(operation).matches()) {
      throw new IllegalArgumentException("name an operation as service:Operation, e.g. s3:GetBucketPolicy or "
          + "iam:*, not '" + operation + "'");
    }
    return operation;
  }

  public void clear() {
    active.clear();
  }

  /** What the faults that fired on one call do to it: the failure to answer instead, and whether the answer is lost. */
  record Firing(Optional<Fault> failure, boolean answerLost) {}

  /**
   * Applies the faults of {@code action} that fire now: waits out their latency, and returns the first
   * failure among them, if any, and whether the answer is to be lost.
   */
  Firing apply(String action) {
    Duration wait = Duration.ZERO;
    Optional<Fault> failure = Optional.empty();
    boolean lost = false;
    for (Active fault : active) {
      if (!Wildcard.matches(fault.operation, action) || !fault.fires()) {
        continue;
      }
      if (fault.fault.kind() == Fault.Kind.LATENCY) {
        wait = wait.plus(fault.fault.latency());
      } else if (fault.fault.kind() == Fault.Kind.LOST_ANSWER) {
        lost = true;
      } else if (failure.isEmpty()) {
        failure = Optional.of(fault.fault);
      }
    }
    sleep(wait);
    return new Firing(failure, lost);
  }

  static void sleep(Duration wait) {
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Active {
    final String operation;
    final Fault fault;
    final AtomicInteger remaining;

    Active(String operation, Fault fault, AtomicInteger remaining) {
      this.operation = operation;
      this.fault = fault;
      this.remaining = remaining;
    }

    boolean fires() {
      if (fault.rate() < 1.0 && ThreadLocalRandom.current().nextDouble() >= fault.rate()) {
        return false;
      }
      if (fault.times() == Fault.UNLIMITED) {
        return true;
      }
      return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
  }
}
