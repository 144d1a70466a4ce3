package dev.rootbot.sandbox.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The trigger IDs Slack hands out with each slash command and click: one use each, for three seconds,
 * to open a view in front of the person who acted.
 */
final class Triggers {
  static final Duration LIFETIME = Duration.ofSeconds(3);

  private record Issued(String user, Instant at, boolean used) {}

  private final Map<String, Issued> issued = new HashMap<>();
  private final Ids ids;
  private final Clock clock;

  Triggers(Ids ids, Clock clock) {
    this.ids = ids;
    this.clock = clock;
  }

  synchronized String issue(String user) {
    String id = ids.triggerId();
    issued.put(id, new Issued(user, clock.instant(), false));
    return id;
  }

  /** Uses up a trigger ID and returns the person it was issued for. */
  synchronized String redeem(String triggerId) throws SlackError {
    Issued trigger = issued.get(triggerId);
    if (trigger == null) {
      throw new SlackError("invalid_trigger_id");
    }
    if (trigger.used()) {
      throw new SlackError("exchanged_trigger_id");
    }
    if (!clock.instant().isBefore(trigger.at().plus(LIFETIME))) {
      throw new SlackError("expired_trigger_id");
    }
    issued.put(triggerId, new Issued(trigger.user(), trigger.at(), true));
    return trigger.user();
  }
}
