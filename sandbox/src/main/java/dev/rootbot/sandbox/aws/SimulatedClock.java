package dev.rootbot.sandbox.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The simulated AWS's time source: the real time plus an offset that tests move forward, so sessions expire,
 * rate limits reset and events become deliverable without waiting.
 *
 * <p>It ticks with real time unless {@linkplain #freeze() frozen}, which makes timing-sensitive tests (rate
 * limits, event order) deterministic. It never goes backwards. The AWS SDK keeps signing with the real time,
 * so the simulated AWS does not check requests for clock skew. Thread-safe.
 */
public final class SimulatedClock extends Clock {
  private final Clock base;
  private Duration offset = Duration.ZERO;
  private Instant frozenAt;

  public SimulatedClock() {
    this(Clock.systemUTC());
  }

  SimulatedClock(Clock base) {
    this.base = base;
  }

  /** Moves the simulated time forward by {@code duration}. */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the simulated clock only moves forward");
    }
    if (frozenAt != null) {
      frozenAt = frozenAt.plus(duration);
    } else {
      offset = offset.plus(duration);
    }
  }

  /** Stops the clock at the current simulated time; only {@link #advance} moves it until {@link #unfreeze}. */
  public synchronized void freeze() {
    frozenAt = instant();
  }

  /** Lets the clock tick with real time again, from where it stands. */
  public synchronized void unfreeze() {
    if (frozenAt != null) {
      offset = Duration.between(base.instant(), frozenAt);
      frozenAt = null;
    }
  }

  /** The simulated time now. */
  public Instant now() {
    return instant();
  }

  @Override
  public synchronized Instant instant() {
    return frozenAt != null ? frozenAt : base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is always UTC");
  }
}
