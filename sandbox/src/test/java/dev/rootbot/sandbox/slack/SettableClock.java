package dev.rootbot.sandbox.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it. */
final class SettableClock extends Clock {
  private final AtomicReference<Instant> now;

  SettableClock(Instant start) {
    now = new AtomicReference<>(start);
  }

  static SettableClock now() {
    return new SettableClock(Instant.now());
  }

  void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
