package dev.rootbot.sandbox.slack;

import java.time.Duration;

/**
 * Switches that make the Web API fail as Slack's does. An outage answers every call with HTTP 503
 * ({@code service_unavailable}); a rate limit answers HTTP 429 with {@code Retry-After} in whole seconds
 * and {@code {"ok":false,"error":"ratelimited"}}, which the Java SDK raises as a {@code SlackApiException}
 * whose response code is 429. Neither does what the call asked.
 *
 * <p>A lost or late answer is worse, because Slack <em>does</em> what the call asked: the message is posted,
 * only the bot cannot know. A lost answer is a connection closed with no answer (the SDK throws an
 * {@code IOException}) or an HTTP 500 ({@code internal_error}, a {@code SlackApiException}); a late one comes
 * after the given delay, by which time the bot may have given up on it.
 *
 * <p>Faults apply in the order they were set; {@link #recover()} clears them all.
 */
public interface Faults {
  /** How an answer is lost after Slack did what the call asked. */
  enum LostAnswer {
    /**
     * The connection is closed before any answer: to the client, an I/O error. OkHttp, under the Slack Java
     * SDK, then sends the request again once on a new connection by itself, so one lost answer is a call made
     * twice that the bot sees succeed.
     */
    CONNECTION_CLOSED,
    /**
     * The status line and headers arrive, then the connection closes half-way through the body: to the client
     * an I/O error while it reads the answer, which no HTTP client sends again by itself.
     */
    CUT_OFF,
    /** HTTP 500 with {@code {"ok":false,"error":"internal_error"}}. */
    SERVER_ERROR
  }

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

  /** The next {@code calls} calls to {@code method} are performed, and the connection closes without an answer ({@link LostAnswer#CONNECTION_CLOSED}). */
  void loseAnswers(String method, int calls);

  /** The next {@code calls} calls to {@code method} are performed, and their answer is lost as {@code how} says. */
  void loseAnswers(String method, int calls, LostAnswer how);

  /** The next {@code calls} calls to {@code method} are performed at once and answered {@code delay} later. */
  void answerLate(String method, Duration delay, int calls);

  /** Slack answers normally again. */
  void recover();
}
