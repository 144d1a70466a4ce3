package dev.rootbot.actions.trail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AwsRegion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * Waits for CloudTrail to deliver the {@code AssumeRoot} event that issued a root session, and returns its
 * event ID and a direct link. CloudTrail takes minutes to deliver, so this polls with growing pauses for up
 * to {@code maxWait} (15 minutes by default).
 *
 * <p>It stays inside {@code LookupEvents}' limits: one lookup attribute ({@code EventName=AssumeRoot}, since
 * the issued key appears only in the event's {@code responseElements}), at most 50 results a page, and at
 * most 2 requests a second. It blocks its thread: run it on a background executor.
 */
public final class TrailConfirmation {
  /** Pauses the polling thread; tests pass one that moves a clock instead of sleeping. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** The delivered AssumeRoot event of a session. */
  public record Confirmed(String eventId, Instant eventTime, TrailLink link) {}

  static final Duration MIN_REQUEST_SPACING = Duration.ofMillis(500);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(10);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final int MAX_PAGES_PER_ROUND = 20;

  private static final LookupAttribute ASSUME_ROOT =
      LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("AssumeRoot").build();

  private final CloudTrailClient cloudTrail;
  private final AwsRegion region;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private Instant lastRequest = Instant.MIN;

  /** @param cloudTrail a client for the bot's own account in the STS region, where AssumeRoot is logged */
  public TrailConfirmation(CloudTrailClient cloudTrail, AwsRegion region, Clock clock, Sleeper sleeper,
      Duration maxWait) {
    this.cloudTrail = cloudTrail;
    this.region = region;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxWait = maxWait;
  }

  public TrailConfirmation(CloudTrailClient cloudTrail, AwsRegion region) {
    this(cloudTrail, region, Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()), Duration.ofMinutes(15));
  }

  /** The AssumeRoot event that issued {@code accessKeyId}, or empty if it was not delivered within the wait. */
  public synchronized Optional<Confirmed> confirm(String accessKeyId, Instant issuedAt) throws InterruptedException {
    Instant deadline = clock.instant().plus(maxWait);
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        Optional<Confirmed> found = lookOnce(accessKeyId, issuedAt);
        if (found.isPresent()) {
          return found;
        }
      } catch (SdkException e) {
        // Throttled or briefly unavailable beyond the SDK's own retries: wait longer and ask again.
        pause = longer(pause);
      }
      if (!clock.instant().plus(pause).isBefore(deadline)) {
        return Optional.empty();
      }
      sleeper.sleep(pause);
      pause = longer(pause);
    }
  }

  /**
   * Looks once (through every page of AssumeRoot events since {@code issuedAt}, paced) for the event that issued
   * {@code accessKeyId}: for callers that keep their own schedule of checks.
   */
  public synchronized Optional<Confirmed> lookOnce(String accessKeyId, Instant issuedAt) throws InterruptedException {
    String token = null;
    for (int page = 0; page < MAX_PAGES_PER_ROUND; page++) {
      pace();
      String next = token;
      LookupEventsResponse response = cloudTrail.lookupEvents(r -> r
          .lookupAttributes(ASSUME_ROOT)
          .startTime(issuedAt.minus(SKEW))
          .maxResults(50)
          .nextToken(next));
      for (Event event : response.events()) {
        if (issued(event, accessKeyId)) {
          return Optional.of(new Confirmed(event.eventId(), event.eventTime(),
              TrailLinks.event("AssumeRoot event " + event.eventId(), region, event.eventId())));
        }
      }
      token = response.nextToken();
      if (token == null) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Whether this AssumeRoot event's response issued {@code accessKeyId}. */
  static boolean issued(Event event, String accessKeyId) {
    if (event.cloudTrailEvent() == null) {
      return false;
    }
    try {
      JsonObject record = JsonParser.parseString(event.cloudTrailEvent()).getAsJsonObject();
      JsonElement key = path(record, "responseElements", "credentials", "accessKeyId");
      return key != null && accessKeyId.equals(key.getAsString());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static JsonElement path(JsonObject object, String... names) {
    JsonElement current = object;
    for (String name : names) {
      if (current == null || !current.isJsonObject()) {
        return null;
      }
      current = current.getAsJsonObject().get(name);
    }
    return current;
  }

  private void pace() throws InterruptedException {
    Instant now = clock.instant();
    Instant allowed = lastRequest.equals(Instant.MIN) ? now : lastRequest.plus(MIN_REQUEST_SPACING);
    if (now.isBefore(allowed)) {
      sleeper.sleep(Duration.between(now, allowed));
    }
    lastRequest = clock.instant();
  }

  private static Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
  }
}
