package dev.rootbot.sandbox.slack;

import java.time.Duration;

/**
 * Switches that make the Web API fail as Slack's does: an outage answers every call with HTTP 503
 * ({@code service_unavailable}); a rate limit answers HTTP 429 with {@code Retry-After} in whole seconds
 * and {@code {"ok":false,"error":"ratelimited"}}, which the Java SDK raises as a {@code SlackApiException}
 * whose response code is 429. Faults apply in the order they were set; {@link #recover()} clears them all.
 */
public interface Faults {
  /** Every call fails with 503 until {@link #recover()}. */
  void outage();

  /** The next {@code calls} calls fail with 503. */
  void outageFor(int calls);

  /** Every call is rate-limited until {@link #recover()}. */
  void rateLimit(Duration retryAfter);

  /** The next {@code calls} calls are rate-limited. */
  void rateLimitFor(int calls, Duration retryAfter);

  /** The next {@code calls} calls to one method, such as {@code chat.postMessage}, are rate-limited. */
  void rateLimit(String method, int calls, Duration retryAfter);

  /** Slack answers normally again. */
  void recover();
}
