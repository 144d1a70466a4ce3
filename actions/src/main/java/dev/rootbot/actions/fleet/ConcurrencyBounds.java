package dev.rootbot.actions.fleet;

/**
 * How many accounts a fleet task may work on at once: it starts at {@code initial} and adapts between 1 and
 * {@code max}, never above, so that a fleet never opens one root session per account all at once.
 */
public record ConcurrencyBounds(int initial, int max) {
  public ConcurrencyBounds {
    if (max < 1 || initial < 1 || initial > max) {
      throw new IllegalArgumentException("concurrency starts between 1 and its maximum; got " + initial + " of " + max);
    }
  }

  /**
   * Four at first, at most sixteen: enough to keep AssumeRoot at AWS's rate with a root session's reads taking tens
   * of milliseconds, few enough for the shared HTTP client's 64 connections with each account's reads in parallel.
   */
  public static ConcurrencyBounds standard() {
    return new ConcurrencyBounds(4, 16);
  }
}
