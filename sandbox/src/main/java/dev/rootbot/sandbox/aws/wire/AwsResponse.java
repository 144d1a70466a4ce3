package dev.rootbot.sandbox.aws.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response to send back: status, headers, content type (empty for none) and body. */
public record AwsResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

  public AwsResponse {
    headers = Map.copyOf(headers);
  }

  public static AwsResponse of(int status, String contentType, String body) {
    return new AwsResponse(status, Map.of(), contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public static AwsResponse empty(int status) {
    return new AwsResponse(status, Map.of(), "", new byte[0]);
  }

  public AwsResponse withHeader(String name, String value) {
    var copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new AwsResponse(status, copy, contentType, body);
  }

  public AwsResponse withHeaders(Map<String, String> more) {
    var copy = new LinkedHashMap<>(headers);
    copy.putAll(more);
    return new AwsResponse(status, copy, contentType, body);
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
