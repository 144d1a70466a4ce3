package dev.rootbot.actions.fleet;

import java.time.Clock;
import java.time.Duration;

/**
 * How many accounts may be in flight at once, adapting to AWS's throttling the way TCP adapts to loss (AIMD):
 * each account that finishes while the limit is in use adds {@code 1/limit} (about one more per round of accounts),
 * and a throttled call halves it, at most once per round trip (the smoothed time one account takes), since the
 * throttles of one burst are one signal. Between 1 and the bound's maximum.
 *
 * <p>Thread-safe; {@link #acquire} blocks. Time comes from the {@link Clock}, so tests move it.
 */
final class AdaptiveConcurrency {
  private static final double BACK_OFF = 0.5;
  private static final Duration WAKE_UP = Duration.ofMillis(100);

  private final ConcurrencyBounds bounds;
  private final Clock clock;
  private double limit;
  private int inFlight;
  private int peak;
  private long decreases;
  private long throttled;
  private long lastDecrease = Long.MIN_VALUE;
  private double roundTripMillis;

  AdaptiveConcurrency(ConcurrencyBounds bounds, Clock clock) {
    this.bounds = bounds;
    this.clock = clock;
    this.limit = bounds.initial();
  }

  /**
   * Waits for a place, and takes it; false, taking none, once {@code cancel} is cancelled. The wait wakes up
   * every 100 ms to look at the cancellation.
   */
  synchronized boolean acquire(Cancellation cancel) throws InterruptedException {
    while (inFlight >= (int) limit) {
      if (cancel.isCancelled()) {
        return false;
      }
      wait(WAKE_UP.toMillis());
    }
    if (cancel.isCancelled()) {
      return false;
    }
    inFlight++;
    peak = Math.max(peak, inFlight);
    return true;
  }

  /** An account is done after {@code took}: frees its place, and grows the limit if it was in use. */
  synchronized void release(Duration took) {
    boolean full = inFlight >= (int) limit;
    inFlight--;
    double millis = took.toNanos() / 1e6;
    roundTripMillis = roundTripMillis == 0 ? millis : 0.8 * roundTripMillis + 0.2 * millis;
    if (full) {
      limit = Math.min(bounds.max(), limit + 1 / limit);
    }
    notifyAll();
  }

  /** AWS throttled a call: back off, unless it already did within the last round trip. */
  synchronized void throttled() {
    throttled++;
    long now = clock.millis();
    if (lastDecrease != Long.MIN_VALUE && now - lastDecrease < roundTripMillis) {
      return;
    }
    lastDecrease = now;
    if (limit > 1) {
      limit = Math.max(1, limit * BACK_OFF);
      decreases++;
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized double limit() {
    return limit;
  }

  synchronized ConcurrencyStats stats() {
    return new ConcurrencyStats(peak, bounds.max(), decreases, throttled, limit);
  }
}
