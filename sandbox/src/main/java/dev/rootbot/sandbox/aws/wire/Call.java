package dev.rootbot.sandbox.aws.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.policy.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One request to a simulated service while it is handled: what was asked (service, region, operation and
 * parameters), who asked once authenticated, and the notes its CloudTrail event is written from.
 *
 * <p>Confined to the thread handling the request.
 */
public final class Call {
  private static final Set<String> HIDDEN = Set.of("Password", "SecretAccessKey", "OldPassword", "NewPassword");

  private final AwsRequest request;
  private final Service service;
  private final String region;
  private final String requestId;
  private final Instant time;
  private final String operation;
  private final Map<String, String> form;
  private final Optional<S3Route> s3;
  private JsonObject json;
  private Caller caller;
  private Guard guard;
  private String eventRegion;
  private JsonObject requestParameters;
  private JsonElement responseElements;
  private final List<TrailResource> resources = new ArrayList<>();

  public Call(AwsRequest request, Service service, String region, String requestId, Instant time) {
    this.request = request;
    this.service = service;
    this.region = region;
    this.requestId = requestId;
    this.time = time;
    switch (service.protocol()) {
      case QUERY:
        form = new LinkedHashMap<>(request.queryParameters());
        if (request.header("content-type").orElse("").startsWith("application/x-www-form-urlencoded")) {
          AwsRequest.formDecode(request.bodyText()).forEach(form::putIfAbsent);
        }
        operation = form.getOrDefault("Action", "");
        s3 = Optional.empty();
        break;
      case REST_XML:
        form = request.queryParameters();
        s3 = Optional.of(S3Route.of(request.method(), request.rawPath(), form));
        operation = s3.get().operation();
        break;
      default:
        form = Map.of();
        s3 = Optional.empty();
        String target = request.header("x-amz-target").orElse("");
        operation = target.startsWith(service.targetPrefix() + ".")
            ? target.substring(service.targetPrefix().length() + 1) : "";
    }
  }

  public AwsRequest request() {
    return request;
  }

  public Service service() {
    return service;
  }

  /** The region from the request's credential scope. */
  public String region() {
    return region;
  }

  public String requestId() {
    return requestId;
  }

  public Instant time() {
    return time;
  }

  /** The operation's name as the service knows it, e.g. {@code AssumeRoot}; empty when the request names none. */
  public String operation() {
    return operation;
  }

  /** The operation as an IAM-style name, e.g. {@code sts:AssumeRoot}, the name faults and records use. */
  public String action() {
    return service.signingName() + ":" + (operation.isEmpty() ? "Unknown" : operation);
  }

  public Caller caller() {
    if (caller == null) {
      throw new IllegalStateException("the call is not authenticated yet");
    }
    return caller;
  }

  public Optional<Caller> callerIfKnown() {
    return Optional.ofNullable(caller);
  }

  public void authenticated(Caller caller, Guard guard) {
    this.caller = caller;
    this.guard = guard;
  }

  /** Throws {@code AccessDenied}, in this service's protocol, unless the caller may do {@code action}. */
  public void authorize(String action, Resource resource) {
    guard.authorize(this, action, resource);
  }

  /** A query-protocol parameter, such as {@code TargetPrincipal} or {@code TaskPolicyArn.arn}. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(form.get(name));
  }

  /** The JSON request body ({} when empty); a body that is not a JSON object is a {@code SerializationException}. */
  public JsonObject json() {
    if (json == null) {
      String body = request.bodyText().strip();
      try {
        JsonElement parsed = body.isEmpty() ? new JsonObject() : JsonParser.parseString(body);
        if (!parsed.isJsonObject()) {
          throw new JsonParseException("not an object");
        }
        json = parsed.getAsJsonObject();
      } catch (JsonParseException e) {
        throw AwsException.of(400, "SerializationException", "Start of structure or map found where not expected.");
      }
    }
    return json;
  }

  /** A top-level string member of the JSON body. */
  public Optional<String> jsonString(String name) {
    JsonElement value = json().get(name);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value.getAsString());
  }

  public Optional<String> bucket() {
    return s3.flatMap(S3Route::bucket);
  }

  public Optional<String> key() {
    return s3.flatMap(S3Route::key);
  }

  /** What was sent, flattened to names and values, for the call record. Passwords are hidden. */
  public Map<String, String> parameters() {
    var parameters = new LinkedHashMap<String, String>();
    switch (service.protocol()) {
      case QUERY:
        form.forEach((k, v) -> {
          if (!k.equals("Action") && !k.equals("Version")) {
            parameters.put(k, HIDDEN.contains(k) ? "HIDDEN" : v);
          }
        });
        break;
      case REST_XML:
        bucket().ifPresent(b -> parameters.put("Bucket", b));
        key().ifPresent(k -> parameters.put("Key", k));
        parameters.putAll(form);
        if (request.body().length > 0) {
          parameters.put(operation.equals("PutBucketPolicy") ? "Policy" : "Body", request.bodyText());
        }
        break;
      default:
        try {
          json().entrySet().forEach(e -> parameters.put(e.getKey(),
              e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : Json.write(e.getValue())));
        } catch (AwsException unreadable) {
          parameters.put("Body", request.bodyText());
        }
    }
    return parameters;
  }

  // ---- notes for the CloudTrail event ----

  /** Records the event in the resource's region rather than the request's. */
  public void eventRegion(String region) {
    this.eventRegion = region;
  }

  public String eventRegion() {
    if (eventRegion != null) {
      return eventRegion;
    }
    return service.global() ? "us-east-1" : region;
  }

  public void requestParameters(JsonObject parameters) {
    this.requestParameters = parameters;
  }

  /** The event's {@code requestParameters}: what a handler set, or the request's parameters in camel case. */
  public JsonObject requestParameters() {
    return requestParameters != null ? requestParameters : TrailParameters.of(this);
  }

  public void responseElements(JsonElement elements) {
    this.responseElements = elements;
  }

  public Optional<JsonElement> responseElements() {
    return Optional.ofNullable(responseElements);
  }

  public void resource(TrailResource resource) {
    resources.add(resource);
  }

  public List<TrailResource> resources() {
    return List.copyOf(resources);
  }

  // ---- successful answers ----

  /** A query-protocol answer: {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>…}. */
  public AwsResponse queryResult(Consumer<XmlWriter> result) {
    var xml = new XmlWriter().open(operation + "Response", service.xmlNamespace()).open(operation + "Result");
    result.accept(xml);
    xml.close().open("ResponseMetadata").leaf("RequestId", requestId).close().close();
    return AwsResponse.of(200, "text/xml", xml.toString());
  }

  /** A query-protocol answer with no result, as for the Delete… actions. */
  public AwsResponse queryEmpty() {
    var xml = new XmlWriter().open(operation + "Response", service.xmlNamespace())
        .open("ResponseMetadata").leaf("RequestId", requestId).close().close();
    return AwsResponse.of(200, "text/xml", xml.toString());
  }

  public AwsResponse jsonResult(JsonObject body) {
    return AwsResponse.of(200, service.protocol().jsonContentType(), Json.write(body));
  }

  /** The parameters a Password would otherwise leak from. */
  static boolean hidden(String name) {
    return HIDDEN.contains(name);
  }

  Map<String, String> form() {
    return form;
  }
}
