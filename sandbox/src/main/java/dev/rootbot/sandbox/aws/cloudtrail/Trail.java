package dev.rootbot.sandbox.aws.cloudtrail;

import com.google.gson.JsonObject;
import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.BoundedLog;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every call's CloudTrail event, in the account and region CloudTrail would put it, and the delivery delay
 * before LookupEvents can see an event (zero unless set; AWS takes minutes).
 *
 * <p>It keeps at least the most recent {@link #DEFAULT_CAPACITY} events (see {@link #capacity(int)}); older ones
 * are dropped, as a real trail's event history ends too. Each kept event is a few hundred bytes.
 *
 * <p>Thread-safe: events are appended under a lock and read as copies, so readers never see a half-written log.
 */
public final class Trail {
  /** How many events are kept at least, unless {@link #capacity(int)} says otherwise. */
  public static final int DEFAULT_CAPACITY = 100_000;

  private final Clock clock;
  private final BoundedLog<TrailEvent> events = new BoundedLog<>(DEFAULT_CAPACITY);
  private volatile Duration deliveryDelay = Duration.ZERO;

  public Trail(Clock clock) {
    this.clock = clock;
  }

  /** How long after its call an event becomes visible to LookupEvents. */
  public void deliveryDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("a delivery delay cannot be negative");
    }
    this.deliveryDelay = delay;
  }

  public Duration deliveryDelay() {
    return deliveryDelay;
  }

  /** Keeps at least the most recent {@code events} events from now on. */
  public void capacity(int events) {
    this.events.capacity(events);
  }

  /** How many of the oldest events were dropped to stay within the capacity. */
  public long dropped() {
    return events.dropped();
  }

  /** Every event kept, delivered or not, oldest first. */
  public List<TrailEvent> events() {
    return events.all();
  }

  /** The events recorded in one account and region, delivered or not, oldest first. */
  public List<TrailEvent> events(String account, String region) {
    return events().stream().filter(e -> e.account().equals(account) && e.region().equals(region)).toList();
  }

  /** Events with a sequence number greater than {@code sequence}, oldest first. */
  public List<TrailEvent> after(long sequence) {
    return events.after(sequence);
  }

  /** The events LookupEvents can see now in one account and region. */
  List<TrailEvent> delivered(String account, String region) {
    Instant visibleUpTo = clock.instant().minus(deliveryDelay);
    return events(account, region).stream().filter(e -> !e.eventTime().isAfter(visibleUpTo)).toList();
  }

  /** Records the event of a finished call made by a known caller, failed ({@code error}) or not. */
  public TrailEvent record(Call call, Optional<AwsException> error) {
    Caller caller = call.caller();
    JsonObject parameters = call.requestParameters();
    Optional<String> requestParameters = parameters.size() == 0 ? Optional.empty()
        : Optional.of(Json.write(parameters));
    Optional<String> responseElements = error.isPresent() ? Optional.empty()
        : call.responseElements().filter(e -> !e.isJsonNull()).map(Json::write);
    String eventId = UUID.randomUUID().toString();
    return events.append(sequence -> new TrailEvent(sequence, eventId, call.time(), call.eventRegion(),
        call.service(), call.operation(), caller, readOnly(call.operation()), error.map(AwsException::clientCode),
        error.map(AwsException::getMessage), call.resources(), call.request().sourceIp(),
        call.request().header("user-agent").orElse(""), requestParameters, responseElements, call.requestId()));
  }

  static boolean readOnly(String operation) {
    return operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
        || operation.startsWith("Lookup") || operation.startsWith("Head");
  }
}
