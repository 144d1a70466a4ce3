package dev.rootbot.actions.fleet;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A person's Cancel for a fleet task, checked before each account starts: the accounts in flight finish and are
 * reported, no new one starts. Thread-safe; cancelling twice is cancelling once.
 */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
