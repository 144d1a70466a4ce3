package dev.rootbot.sandbox.aws.cloudtrail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.wire.Json;
import dev.rootbot.sandbox.aws.wire.Service;
import dev.rootbot.sandbox.aws.wire.TrailResource;
import dev.rootbot.sandbox.aws.wire.XmlWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One recorded CloudTrail event: the fields LookupEvents filters and reports, and the full event as CloudTrail
 * writes it ({@link #json()}), which LookupEvents returns as {@code CloudTrailEvent}.
 *
 * <p>{@code sequence} numbers events in the order they were recorded, across all accounts and regions.
 *
 * <p>Kept compact, because an audit of 10,000 accounts records some 70,000 events: the caller is shared with
 * every other event of its session, repeated texts (event names, user agents) are interned, and the full event
 * is written only when asked for.
 */
public final class TrailEvent {
  private final long sequence;
  private final String eventId;
  private final Instant eventTime;
  private final String region;
  private final Service service;
  private final String eventName;
  private final Caller caller;
  private final boolean readOnly;
  private final String errorCode;
  private final String errorMessage;
  private final List<TrailResource> resources;
  private final String sourceIp;
  private final String userAgent;
  private final String requestParameters;
  private final String responseElements;
  private final String requestId;

  TrailEvent(long sequence, String eventId, Instant eventTime, String region, Service service, String eventName,
      Caller caller, boolean readOnly, Optional<String> errorCode, Optional<String> errorMessage,
      List<TrailResource> resources, String sourceIp, String userAgent, Optional<String> requestParameters,
      Optional<String> responseElements, String requestId) {
    this.sequence = sequence;
    this.eventId = eventId;
    this.eventTime = eventTime;
    this.region = region.intern();
    this.service = service;
    this.eventName = eventName.intern();
    this.caller = caller;
    this.readOnly = readOnly;
    this.errorCode = errorCode.orElse(null);
    this.errorMessage = errorMessage.orElse(null);
    this.resources = resources.isEmpty() ? List.of() : List.copyOf(resources);
    this.sourceIp = sourceIp.intern();
    this.userAgent = userAgent.intern();
    this.requestParameters = requestParameters.orElse(null);
    this.responseElements = responseElements.orElse(null);
    this.requestId = requestId;
  }

  public long sequence() {
    return sequence;
  }

  public String eventId() {
    return eventId;
  }

  public Instant eventTime() {
    return eventTime;
  }

  /** The account the event is recorded in: the caller's (a root session's member account). */
  public String account() {
    return caller.account();
  }

  public String region() {
    return region;
  }

  /** e.g. {@code s3.amazonaws.com}. */
  public String eventSource() {
    return service.eventSource();
  }

  public String eventName() {
    return eventName;
  }

  public String accessKeyId() {
    return caller.accessKeyId();
  }

  /** {@code IAMUser} or {@code Root}. */
  public String userIdentityType() {
    return caller.identityType();
  }

  public String username() {
    return caller.userName();
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** The error code the caller was answered with, if the call was refused. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  public List<TrailResource> resources() {
    return resources;
  }

  /** The full event, as CloudTrail writes it. */
  public String json() {
    var event = new JsonObject();
    event.addProperty("eventVersion", "1.11");
    event.add("userIdentity", userIdentity(caller));
    event.addProperty("eventTime", XmlWriter.iso(eventTime));
    event.addProperty("eventSource", service.eventSource());
    event.addProperty("eventName", eventName);
    event.addProperty("awsRegion", region);
    event.addProperty("sourceIPAddress", sourceIp);
    event.addProperty("userAgent", userAgent);
    if (errorCode != null) {
      event.addProperty("errorCode", errorCode);
      event.addProperty("errorMessage", errorMessage);
    }
    event.add("requestParameters", parsed(requestParameters));
    event.add("responseElements", parsed(responseElements));
    event.addProperty("requestID", requestId);
    event.addProperty("eventID", eventId);
    event.addProperty("readOnly", readOnly);
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
    return Json.write(event);
  }

  private static JsonElement parsed(String json) {
    return json == null ? JsonNull.INSTANCE : JsonParser.parseString(json);
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

  @Override
  public String toString() {
    return "TrailEvent[" + sequence + " " + eventSource() + " " + eventName + " in " + account() + "/" + region
        + (errorCode == null ? "" : " " + errorCode) + "]";
  }
}
