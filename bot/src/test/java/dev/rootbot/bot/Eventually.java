package dev.rootbot.bot;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for something that happens on another thread or in another process, polling, with a deadline. */
public final class Eventually {
  private Eventually() {}

  public static <T> T within(Duration timeout, Supplier<Optional<T>> check) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<T> found = check.get();
      if (found.isPresent()) {
        return found.get();
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new AssertionError("nothing matched within " + timeout);
  }
}
