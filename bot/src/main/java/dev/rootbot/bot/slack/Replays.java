package dev.rootbot.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.bolt.request.Request;
import dev.rootbot.bot.store.SeenEvents;
import java.time.Duration;
import java.util.Optional;

/**
 * Signed requests already answered, so that a captured request replayed within Slack's five minutes is acted on
 * once. Two layers: this replica remembers signatures in memory and answers a replay with an empty 200 before Bolt
 * sees it, without touching the database; and what files a request first records the signature in the shared
 * store ({@link #once}), so a replay that reaches another replica files nothing either.
 *
 * <p>Thread-safe.
 */
final class Replays {
  /** Slack's window is five minutes either way; a signature older than that is refused anyway. */
  private static final Duration REMEMBER = Duration.ofMinutes(11);

  private final Cache<String, Boolean> seen = Caffeine.newBuilder().expireAfterWrite(REMEMBER)
      .maximumSize(200_000).build();

  /** True the first time this replica sees this timestamp and signature. */
  boolean firstTime(String timestamp, String signature) {
    return seen.asMap().putIfAbsent(key(timestamp, signature), Boolean.TRUE) == null;
  }

  /**
   * {@code job}, done only if no replica has acted on this signed request before: checked in the store on the
   * work thread, after the ack. Requests without a signature (Socket Mode) are not signed and go through.
   */
  static Runnable once(Request<?> request, SeenEvents store, Runnable job) {
    Optional<String> key = signed(request);
    return () -> {
      if (key.isEmpty() || store.firstSighting(key.get())) {
        job.run();
      }
    };
  }

  private static Optional<String> signed(Request<?> request) {
    if (request.getHeaders() == null) {
      return Optional.empty();
    }
    Optional<String> timestamp = Optional.ofNullable(request.getHeaders().getFirstValue("X-Slack-Request-Timestamp"));
    Optional<String> signature = Optional.ofNullable(request.getHeaders().getFirstValue("X-Slack-Signature"));
    return timestamp.isPresent() && signature.isPresent()
        ? Optional.of(key(timestamp.get(), signature.get())) : Optional.empty();
  }

  private static String key(String timestamp, String signature) {
    String text = "signed:" + timestamp.strip() + ":" + signature.strip();
    return text.length() <= 200 ? text : text.substring(0, 200);
  }
}
