package dev.rootbot.sandbox.aws.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The headers that carry a request's ID in each protocol; S3 adds an extended ID ({@code x-amz-id-2}). */
public final class RequestIds {
  private RequestIds() {}

  public static Map<String, String> headers(Service service, String requestId) {
    return service == Service.S3
        ? Map.of("x-amz-request-id", requestId, "x-amz-id-2", hostId(requestId))
        : Map.of("x-amzn-RequestId", requestId);
  }

  /** Derived from the request ID, so the two always agree. */
  static String hostId(String requestId) {
    return Base64.getEncoder().encodeToString(("sandbox/" + requestId).getBytes(StandardCharsets.UTF_8));
  }
}
