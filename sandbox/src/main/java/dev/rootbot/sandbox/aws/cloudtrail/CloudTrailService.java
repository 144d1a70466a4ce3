package dev.rootbot.sandbox.aws.cloudtrail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.rootbot.sandbox.aws.policy.Resource;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Handler;
import dev.rootbot.sandbox.aws.wire.Json;
import dev.rootbot.sandbox.aws.wire.Service;
import dev.rootbot.sandbox.aws.wire.TrailResource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * AWS CloudTrail (awsJson1.1): {@code LookupEvents} over the caller's own account and region, as CloudTrail's
 * event history answers it: newest first, at most one lookup attribute, {@code MaxResults} up to 50, a time
 * range (90 days back by default), and no more than 2 requests per second per account and region.
 */
public final class CloudTrailService implements Handler {
  private static final int MAX_RESULTS = 50;
  private static final String TOKEN_PREFIX = "sandbox-trail:";
  private static final Comparator<TrailEvent> NEWEST_FIRST =
      Comparator.comparing(TrailEvent::eventTime).thenComparing(TrailEvent::sequence).reversed();

  private final Trail trail;
  private final Clock clock;
  private final RateLimit rateLimit = new RateLimit(2, Duration.ofSeconds(1));

  public CloudTrailService(Trail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  @Override
  public Map<String, Function<Call, AwsResponse>> operations() {
    return Map.of("LookupEvents", this::lookupEvents);
  }

  @Override
  public AwsException unknown(Call call) {
    return Failure.UNKNOWN_OPERATION.in(Service.CLOUDTRAIL);
  }

  private AwsResponse lookupEvents(Call call) {
    String account = call.caller().account();
    if (!rateLimit.admit(account + "/" + call.region(), clock.instant())) {
      throw Failure.THROTTLING.in(Service.CLOUDTRAIL, "Rate exceeded");
    }
    call.authorize("cloudtrail:LookupEvents", Resource.any("*"));
    Predicate<TrailEvent> filter = filter(call.json().get("LookupAttributes"));
    int max = maxResults(call.json().get("MaxResults"));
    Instant now = clock.instant();
    Instant start = time(call.json().get("StartTime")).orElse(now.minus(Duration.ofDays(90)));
    Instant end = time(call.json().get("EndTime")).orElse(now);
    if (start.isAfter(end)) {
      throw AwsException.of(400, "InvalidTimeRangeException",
          "Occurs if the timestamp values are not valid. Either the start time occurs after the end time, "
              + "or the time range is outside the range of possible values.");
    }
    Optional<Position> after = call.jsonString("NextToken").map(CloudTrailService::position);

    List<TrailEvent> matching = trail.delivered(account, call.region()).stream()
        .filter(filter)
        .filter(e -> !e.eventTime().isBefore(start) && !e.eventTime().isAfter(end))
        .sorted(NEWEST_FIRST)
        .filter(e -> after.map(p -> p.isBefore(e)).orElse(true))
        .toList();
    List<TrailEvent> page = matching.subList(0, Math.min(max, matching.size()));

    var events = new JsonArray();
    page.forEach(e -> events.add(lookupEvent(e)));
    var body = new JsonObject();
    body.add("Events", events);
    if (matching.size() > page.size()) {
      TrailEvent last = page.get(page.size() - 1);
      body.addProperty("NextToken", token(last));
    }
    return call.jsonResult(body);
  }

  private static Predicate<TrailEvent> filter(JsonElement attributes) {
    if (attributes == null || attributes.isJsonNull() || attributes.getAsJsonArray().size() == 0) {
      return e -> true;
    }
    JsonArray list = attributes.getAsJsonArray();
    if (list.size() > 1) {
      throw invalidLookup("You cannot specify more than one lookup attribute.");
    }
    JsonObject attribute = list.get(0).getAsJsonObject();
    String key = attribute.has("AttributeKey") ? attribute.get("AttributeKey").getAsString() : "";
    String value = attribute.has("AttributeValue") ? attribute.get("AttributeValue").getAsString() : "";
    if (value.isEmpty()) {
      throw invalidLookup("The lookup attribute value cannot be empty.");
    }
    switch (key) {
      case "EventId": return e -> e.eventId().equals(value);
      case "EventName": return e -> e.eventName().equals(value);
      case "ReadOnly": return e -> Boolean.toString(e.readOnly()).equalsIgnoreCase(value);
      case "Username": return e -> e.username().equals(value);
      case "ResourceType": return e -> e.resources().stream().anyMatch(r -> r.type().equals(value));
      case "ResourceName": return e -> e.resources().stream().anyMatch(r -> r.name().equals(value));
      case "EventSource": return e -> e.eventSource().equals(value);
      case "AccessKeyId": return e -> e.accessKeyId().equals(value);
      default: throw invalidLookup("The attribute key " + key + " is not valid. Valid keys are EventId, "
          + "EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource and AccessKeyId.");
    }
  }

  private static int maxResults(JsonElement given) {
    if (given == null || given.isJsonNull()) {
      return MAX_RESULTS;
    }
    int max = given.getAsInt();
    if (max < 1 || max > MAX_RESULTS) {
      throw AwsException.of(400, "InvalidMaxResultsException",
          "The MaxResults value " + max + " is not valid; it must be between 1 and " + MAX_RESULTS + ".");
    }
    return max;
  }

  /** JSON 1.1 timestamps are epoch seconds, possibly with a fraction. */
  private static Optional<Instant> time(JsonElement given) {
    if (given == null || given.isJsonNull()) {
      return Optional.empty();
    }
    double seconds = given.getAsDouble();
    return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
  }

  private static JsonObject lookupEvent(TrailEvent event) {
    var json = new JsonObject();
    json.addProperty("EventId", event.eventId());
    json.addProperty("EventName", event.eventName());
    json.addProperty("ReadOnly", Boolean.toString(event.readOnly()));
    json.addProperty("AccessKeyId", event.accessKeyId());
    json.add("EventTime", Json.epochSeconds(event.eventTime().truncatedTo(ChronoUnit.SECONDS)));
    json.addProperty("EventSource", event.eventSource());
    json.addProperty("Username", event.username());
    var resources = new JsonArray();
    for (TrailResource resource : event.resources()) {
      var r = new JsonObject();
      r.addProperty("ResourceType", resource.type());
      r.addProperty("ResourceName", resource.name());
      resources.add(r);
    }
    json.add("Resources", resources);
    json.addProperty("CloudTrailEvent", event.json());
    return json;
  }

  /** Where a page ended, in newest-first order. */
  private record Position(long epochMilli, long sequence) {
    boolean isBefore(TrailEvent event) {
      long time = event.eventTime().toEpochMilli();
      return time < epochMilli || (time == epochMilli && event.sequence() < sequence);
    }
  }

  private static String token(TrailEvent last) {
    String text = TOKEN_PREFIX + last.eventTime().toEpochMilli() + ":" + last.sequence();
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Position position(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(TOKEN_PREFIX)) {
        throw new IllegalArgumentException(text);
      }
      String[] parts = text.substring(TOKEN_PREFIX.length()).split(":");
      return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      throw AwsException.of(400, "InvalidNextTokenException", "A token that is not valid was specified.");
    }
  }

  private static AwsException invalidLookup(String message) {
    return AwsException.of(400, "InvalidLookupAttributesException", message);
  }
}
