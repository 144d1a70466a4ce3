package dev.rootbot.sandbox.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated AWS's time source: the real time plus an offset that tests move forward, so sessions expire,
 * rate limits reset and events become deliverable without waiting.
 *
 * <p>Thread-safe. It never goes backwards, and it keeps ticking with real time between advances, because the
 * AWS SDK signs requests with the real time.
 */
public final class SimulatedClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public SimulatedClock() {
    this(Clock.systemUTC());
  }

  SimulatedClock(Clock base) {
    this.base = base;
  }

  /** Moves the simulated time forward by {@code duration}. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the simulated clock only moves forward");
    }
    offset.accumulateAndGet(duration, Duration::plus);
  }

  /** The simulated time now. */
  public Instant now() {
    return instant();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
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
