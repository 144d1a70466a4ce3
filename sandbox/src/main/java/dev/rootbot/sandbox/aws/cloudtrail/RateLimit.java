package dev.rootbot.sandbox.aws.cloudtrail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** At most {@code limit} admitted requests per key in any window of {@code window}, on the simulated clock. */
final class RateLimit {
  private final int limit;
  private final Duration window;
  private final Map<String, Deque<Instant>> admitted = new HashMap<>();

  RateLimit(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  /** Admits a request at {@code now}, or refuses it if the window is full; refused requests do not count. */
  synchronized boolean admit(String key, Instant now) {
    Deque<Instant> times = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
    Instant windowStart = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
      times.pollFirst();
    }
    if (times.size() >= limit) {
      return false;
    }
    times.addLast(now);
    return true;
  }
}
