package dev.rootbot.bot.store;

import java.time.Instant;

/**
 * The Slack {@code event_id}s already handled: Slack retries an event it thinks we missed, and with
 * several replicas another one may get the retry, so "first time?" is answered by the database.
 */
public interface SeenEvents {

  /** Remembers {@code eventId}; true only the first time it is seen, by anyone. */
  boolean firstSighting(String eventId);

  /** Forgets events seen before {@code cutoff} (Slack retries for minutes, not days); returns how many. */
  int forgetBefore(Instant cutoff);
}
