package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.cloudtrail.Trail;
import dev.rootbot.sandbox.aws.identity.Caller;
import dev.rootbot.sandbox.aws.identity.Identities;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.sigv4.Authorization;
import dev.rootbot.sandbox.aws.sigv4.SigV4;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.AwsRequest;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.ErrorWriter;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Handler;
import dev.rootbot.sandbox.aws.wire.RequestIds;
import dev.rootbot.sandbox.aws.wire.Service;
import dev.rootbot.sandbox.aws.wire.XmlWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes every signed AWS request from receipt to answer: waits out the latency set for every call, picks the
 * service from the SigV4 credential scope, authenticates the access key and signature, applies the rate
 * limits and injected faults, lets the service handle the call (authorizing an operation it does not answer
 * before refusing it), writes errors in the service's protocol, and records the call and its CloudTrail event.
 *
 * <p>Stateless itself, so any number of requests can pass through at once. An unexpected exception becomes the
 * service's {@code InternalError}, never a stack trace on the wire.
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Map<Service, Handler> handlers;
  private final Identities identities;
  private final Authorizer authorizer;
  private final Faults faults;
  private final Limits limits;
  private final Latency latency;
  private final CallLog calls;
  private final Trail trail;
  private final Clock clock;

  Dispatcher(Map<Service, Handler> handlers, Identities identities, Authorizer authorizer, Faults faults,
      Limits limits, Latency latency, CallLog calls, Trail trail, Clock clock) {
    this.handlers = Map.copyOf(handlers);
    this.identities = identities;
    this.authorizer = authorizer;
    this.faults = faults;
    this.limits = limits;
    this.latency = latency;
    this.calls = calls;
    this.trail = trail;
    this.clock = clock;
  }

  /** The answer to a request, and whether it is to reach the caller ({@link Fault#lostAnswer()} drops it). */
  record Answer(AwsResponse response, boolean delivered) {}

  Answer dispatch(AwsRequest request) {
    latency.await();
    String requestId = UUID.randomUUID().toString();
    Optional<String> header = request.header("authorization");
    Optional<Authorization> auth = header.flatMap(Authorization::parse);
    Optional<Service> service = auth.isPresent()
        ? Service.bySigningName(auth.get().service())
        : Optional.of(unsignedGuess(request));
    if (service.isEmpty()) {
      return new Answer(unknownService(auth.get(), requestId), true);
    }
    String region = auth.map(Authorization::region).orElse("us-east-1");
    var call = new Call(request, service.get(), region, requestId, clock.instant());
    Optional<Caller> claimed = auth.flatMap(a -> identities.byAccessKey(a.accessKeyId()));
    String accessKeyId = auth.map(Authorization::accessKeyId).orElse("");
    AwsResponse response;
    Optional<AwsException> error = Optional.empty();
    boolean lost = false;
    try {
      Caller caller = authenticate(call, header, auth);
      call.authenticated(caller, authorizer);
      if (!limits.admit(call.action(), caller.account())) {
        throw Failure.THROTTLING.in(service.get());
      }
      Faults.Firing firing = faults.apply(call.action());
      lost = firing.answerLost();
      if (firing.failure().isPresent()) {
        throw failure(firing.failure().get(), service.get());
      }
      response = answer(call, handlers.get(service.get()));
    } catch (AwsException e) {
      error = Optional.of(e);
      response = ErrorWriter.write(e, service.get(), requestId);
    } catch (RuntimeException e) {
      log.error("{} {} failed unexpectedly", call.action(), request, e);
      AwsException internal = Failure.INTERNAL_ERROR.in(service.get());
      error = Optional.of(internal);
      response = ErrorWriter.write(internal, service.get(), requestId);
    }
    record(call, claimed, accessKeyId, response.status(), error, lost);
    return new Answer(response.withHeaders(RequestIds.headers(service.get(), requestId)), !lost);
  }

  /** The service's answer; an operation it does not answer is authorized first, then refused as unknown. */
  private AwsResponse answer(Call call, Handler handler) {
    Function<Call, AwsResponse> operation = handler.operations().get(call.operation());
    if (operation == null) {
      if (!call.operation().isEmpty()) {
        authorizer.authorizeUnanswered(call);
      }
      throw handler.unknown(call);
    }
    return operation.apply(call);
  }

  private Caller authenticate(Call call, Optional<String> header, Optional<Authorization> parsed) {
    Service service = call.service();
    if (parsed.isEmpty()) {
      throw (header.isPresent() && Authorization.looksLikeSigV4(header.get())
          ? Failure.INCOMPLETE_SIGNATURE : Failure.MISSING_AUTHENTICATION).in(service);
    }
    Authorization auth = parsed.get();
    AwsRequest request = call.request();
    Caller caller = identities.byAccessKey(auth.accessKeyId()).orElseThrow(() ->
        Failure.UNKNOWN_ACCESS_KEY.in(service).detail("AWSAccessKeyId", auth.accessKeyId()));
    if (!request.header("x-amz-security-token").equals(caller.sessionToken())) {
      throw Failure.INVALID_TOKEN.in(service);
    }
    String bodyHash = SigV4.sha256Hex(request.body());
    String payloadHash = bodyHash;
    if (service == Service.S3) {
      // S3 signs whatever x-amz-content-sha256 says (a hash, or UNSIGNED-PAYLOAD) and checks a hash against the body.
      payloadHash = request.header("x-amz-content-sha256").orElseThrow(() -> AwsException.of(400,
          "InvalidRequest", "Missing required header for this request: x-amz-content-sha256"));
      if (HEX_SHA256.matcher(payloadHash).matches() && !payloadHash.equals(bodyHash)) {
        throw AwsException.of(400, "XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.")
            .detail("ClientComputedContentSHA256", payloadHash).detail("S3ComputedContentSHA256", bodyHash);
      }
    }
    if (!SigV4.verify(request, auth, caller.secretAccessKey(), payloadHash, service == Service.S3)) {
      throw Failure.SIGNATURE_MISMATCH.in(service).detail("AWSAccessKeyId", auth.accessKeyId());
    }
    if (caller instanceof RootSession && ((RootSession) caller).expiredAt(clock.instant())) {
      throw Failure.EXPIRED_TOKEN.in(service);
    }
    return caller;
  }

  private static AwsException failure(Fault fault, Service service) {
    if (fault.kind() == Fault.Kind.THROTTLING) {
      return Failure.THROTTLING.in(service);
    }
    return (fault.status() == 500 ? Failure.INTERNAL_ERROR : Failure.SERVICE_UNAVAILABLE).in(service);
  }

  private void record(Call call, Optional<Caller> claimed, String accessKeyId, int status,
      Optional<AwsException> error, boolean answerLost) {
    Optional<Caller> known = call.callerIfKnown();
    Optional<Caller> who = known.or(() -> claimed);
    calls.add(new RecordedCall(call.time(), call.action(), who.map(Caller::account).orElse(""), call.region(),
        who.map(Caller::accessKeyId).orElse(accessKeyId), who.map(Caller::arn).orElse(""), call.parameters(),
        error.map(AwsException::clientCode), status, call.requestId(), answerLost));
    if (known.isPresent()) {
      trail.record(call, error);
    }
  }

  /** Without a credential scope the service can only be told from the request's shape. */
  private static Service unsignedGuess(AwsRequest request) {
    Optional<Service> byTarget = request.header("x-amz-target").flatMap(Service::byTarget);
    if (byTarget.isPresent()) {
      return byTarget.get();
    }
    boolean form = request.header("content-type").orElse("").startsWith("application/x-www-form-urlencoded");
    return form ? Service.STS : Service.S3;
  }

  private AwsResponse unknownService(Authorization auth, String requestId) {
    calls.add(new RecordedCall(clock.instant(), auth.service() + ":Unknown", "", auth.region(), auth.accessKeyId(),
        "", Map.of(), Optional.of("InvalidAction"), 400, requestId, false));
    String xml = new XmlWriter().open("ErrorResponse").open("Error").leaf("Type", "Sender")
        .leaf("Code", "InvalidAction").leaf("Message", "The simulated AWS has no service '" + auth.service() + "'.")
        .close().leaf("RequestId", requestId).close().toString();
    return AwsResponse.of(400, "text/xml", xml).withHeader("x-amzn-RequestId", requestId);
  }
}
