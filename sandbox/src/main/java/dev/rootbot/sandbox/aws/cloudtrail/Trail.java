package dev.rootbot.sandbox.aws.cloudtrail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Json;
import dev.rootbot.sandbox.aws.wire.TrailResource;
import dev.rootbot.sandbox.aws.wire.XmlWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every call's CloudTrail event, in the account and region CloudTrail would put it, and the delivery delay
 * before LookupEvents can see an event (zero unless set; AWS takes minutes).
 *
 * <p>Thread-safe: events are appended under a lock and read as copies, so readers never see a half-written log.
 */
public final class Trail {
  private final Clock clock;
  private final List<TrailEvent> events = new ArrayList<>();
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

  /** Every event recorded so far, delivered or not, oldest first. */
  public synchronized List<TrailEvent> events() {
    return List.copyOf(events);
  }

  /** The events recorded in one account and region, delivered or not, oldest first. */
  public List<TrailEvent> events(String account, String region) {
    return events().stream().filter(e -> e.account().equals(account) && e.region().equals(region)).toList();
  }

  /** Events with a sequence number greater than {@code sequence}, oldest first. */
  public List<TrailEvent> after(long sequence) {
    return events().stream().filter(e -> e.sequence() > sequence).toList();
  }

  /** The events LookupEvents can see now in one account and region. */
  List<TrailEvent> delivered(String account, String region) {
    Instant visibleUpTo = clock.instant().minus(deliveryDelay);
    return events(account, region).stream().filter(e -> !e.eventTime().isAfter(visibleUpTo)).toList();
  }

  /** Records the event of a finished call made by a known caller, failed ({@code error}) or not. */
  public TrailEvent record(Call call, Optional<AwsException> error) {
    Caller caller = call.caller();
    String eventId = UUID.randomUUID().toString();
    String region = call.eventRegion();
    boolean readOnly = readOnly(call.operation());

    var event = new JsonObject();
    event.addProperty("eventVersion", "1.11");
    event.add("userIdentity", userIdentity(caller));
    event.addProperty("eventTime", XmlWriter.iso(call.time()));
    event.addProperty("eventSource", call.service().eventSource());
    event.addProperty("eventName", call.operation());
    event.addProperty("awsRegion", region);
    event.addProperty("sourceIPAddress", call.request().sourceIp());
    event.addProperty("userAgent", call.request().header("user-agent").orElse(""));
    error.ifPresent(e -> {
      event.addProperty("errorCode", e.clientCode());
      event.addProperty("errorMessage", e.getMessage());
    });
    JsonObject parameters = call.requestParameters();
    event.add("requestParameters", parameters.size() == 0 ? JsonNull.INSTANCE : parameters);
    event.add("responseElements", error.isPresent() ? JsonNull.INSTANCE
        : call.responseElements().orElse(JsonNull.INSTANCE));
    event.addProperty("requestID", call.requestId());
    event.addProperty("eventID", eventId);
    event.addProperty("readOnly", readOnly);
    List<TrailResource> resources = call.resources();
    if (!resources.isEmpty()) {
      var list = new JsonArray();
      for (TrailResource resource : resources) {
        var json = new JsonObject();
        json.addProperty("accountId", resource.account());
        json.addProperty("type", resource.type());
        json.addProperty("ARN", resource.arn());
        list.add(json);
      }
      event.add("resources", list);
    }
    event.addProperty("eventType", "AwsApiCall");
    event.addProperty("managementEvent", true);
    event.addProperty("recipientAccountId", caller.account());
    event.addProperty("eventCategory", "Management");

    synchronized (this) {
      var recorded = new TrailEvent(events.size() + 1L, eventId, call.time(), caller.account(), region,
          call.service().eventSource(), call.operation(), caller.accessKeyId(), caller.identityType(),
          caller.userName(), readOnly, error.map(AwsException::clientCode), resources, Json.write(event));
      events.add(recorded);
      return recorded;
    }
  }

  private static JsonElement userIdentity(Caller caller) {
    var identity = new JsonObject();
    identity.addProperty("type", caller.identityType());
    identity.addProperty("principalId", caller.principalId());
    identity.addProperty("arn", caller.arn());
    identity.addProperty("accountId", caller.account());
    identity.addProperty("accessKeyId", caller.accessKeyId());
    if (caller instanceof RootSession) {
      RootSession session = (RootSession) caller;
      var attributes = new JsonObject();
      attributes.addProperty("creationDate", XmlWriter.iso(session.issuedAt()));
      attributes.addProperty("mfaAuthenticated", "false");
      var context = new JsonObject();
      context.add("attributes", attributes);
      context.addProperty("assumedRoot", "true");
      identity.add("sessionContext", context);
    } else {
      identity.addProperty("userName", caller.userName());
    }
    return identity;
  }

  static boolean readOnly(String operation) {
    return operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
        || operation.startsWith("Lookup") || operation.startsWith("Head");
  }
}
