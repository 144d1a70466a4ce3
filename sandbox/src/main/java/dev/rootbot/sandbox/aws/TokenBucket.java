package dev.rootbot.sandbox.aws;

/**
 * A token bucket: it holds at most {@code capacity} tokens, starts full, gains {@code perSecond} tokens a second,
 * and each admitted call takes one. Time is given by the caller in nanoseconds, so a frozen clock gives exact,
 * repeatable answers. Thread-safe.
 */
final class TokenBucket {
  private final double perSecond;
  private final double capacity;
  private double tokens;
  private long lastNanos = Long.MIN_VALUE; // no call yet: the bucket is full whenever the first one comes

  TokenBucket(double perSecond, double capacity) {
    this.perSecond = perSecond;
    this.capacity = capacity;
    this.tokens = capacity;
  }

  /** Takes a token at {@code nowNanos} if there is one; a refused call takes nothing. */
  synchronized boolean take(long nowNanos) {
    if (nowNanos > lastNanos) {
      if (lastNanos != Long.MIN_VALUE) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
      }
      lastNanos = nowNanos;
    }
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
