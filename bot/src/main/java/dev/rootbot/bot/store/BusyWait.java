package dev.rootbot.bot.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;

/**
 * How a SQLite connection waits for the database's one write lock: in steps of 50 µs, then 500 µs, for up to the
 * timeout. SQLite's own busy timeout sleeps 1, 2, 5, … up to 100 ms between tries, so a writer that just missed the
 * lock slept on while it was free: under load the writers queued behind those sleeps with the CPU idle (a flight
 * recording at 200 requests a second had more samples waiting in {@code sqlite3_step} than running Java code).
 *
 * <p>One per connection; a connection is used by one thread at a time. An interrupt is kept for the caller, not
 * acted on here: a runner storing its outcome while the bot stops must still get the lock.
 */
final class BusyWait extends BusyHandler {
  private final long timeoutNanos;
  private long since;

  BusyWait(long timeoutMillis) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  /** @return 0 to give up (the statement fails with SQLITE_BUSY), anything else to try again */
  @Override
  protected int callback(int attemptsBefore) {
    long now = System.nanoTime();
    if (attemptsBefore == 0) {
      since = now;
    }
    if (now - since >= timeoutNanos) {
      return 0;
    }
    boolean interrupted = Thread.interrupted(); // parkNanos returns at once while the flag is set
    try {
      LockSupport.parkNanos(attemptsBefore < 20 ? 50_000 : 500_000);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    return 1;
  }
}
