package dev.rootbot.bot.flow;

import dev.rootbot.actions.trail.TrailConfirmation;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Requests;
import dev.rootbot.bot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Waits for CloudTrail to deliver the AssumeRoot event of each finished root session and posts its link. The
 * waiting is in the store, not in a thread, so it survives restarts and runs on one replica at a time, which
 * keeps within {@code LookupEvents}' two requests a second. Checks grow apart (10 s up to a minute) and stop
 * {@code maxWait} after the task finished.
 */
public final class Confirming {
  /** One look in CloudTrail for the AssumeRoot event that issued a key, e.g. {@link TrailConfirmation#lookOnce}. */
  public interface Lookup {
    Optional<TrailConfirmation.Confirmed> lookOnce(String accessKeyId, Instant issuedAt) throws InterruptedException;
  }

  private static final Logger log = LoggerFactory.getLogger(Confirming.class);
  private static final int PER_ROUND = 10;

  private final Store store;
  private final Lookup lookup;
  private final Clock clock;
  private final Duration maxWait;
  private final Runnable nudge;

  public Confirming(Store store, Lookup lookup, Clock clock, Duration maxWait, Runnable nudge) {
    this.store = store;
    this.lookup = lookup;
    this.clock = clock;
    this.maxWait = maxWait;
    this.nudge = nudge;
  }

  /** Checks the sessions whose next check is due; returns how many were settled (confirmed or given up). */
  public int confirmDue() throws InterruptedException {
    int settled = 0;
    for (Requests.TrailWait wait : store.requests().trailDue(PER_ROUND)) {
      Optional<TrailConfirmation.Confirmed> found;
      try {
        found = lookup.lookOnce(wait.accessKeyId(), wait.issuedAt());
      } catch (SdkException e) {
        log.info("CloudTrail could not be asked about request {} ({}); asking again later", wait.id().value(),
            e.getMessage());
        found = Optional.empty();
      }
      Instant now = clock.instant();
      if (found.isPresent()) {
        store.requests().trailConfirmed(wait.id(), found.get().eventId(), new Outgoing(Outgoing.Kind.THREAD_REPLY,
            ThreadReplies.confirmed(wait.accessKeyId(), found.get().link()).toJson()));
        settled++;
      } else if (!now.isBefore(wait.finishedAt().plus(maxWait))) {
        store.requests().trailGaveUp(wait.id(), new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.note(
            ":hourglass: CloudTrail had not delivered the AssumeRoot event for root session key "
                + Mrkdwn.code(wait.accessKeyId()) + " after " + maxWait.toMinutes()
                + " minutes. Check again later with the links above.").toJson()));
        settled++;
      } else {
        store.requests().trailRetryAt(wait.id(), now.plus(pause(Duration.between(wait.finishedAt(), now))));
      }
    }
    if (settled > 0) {
      nudge.run();
    }
    return settled;
  }

  /** 10 s while the task is fresh, then longer, up to a minute: CloudTrail takes minutes to deliver. */
  static Duration pause(Duration sinceFinished) {
    long seconds = Math.max(10, Math.min(60, sinceFinished.toSeconds() / 4));
    return Duration.ofSeconds(seconds);
  }
}
