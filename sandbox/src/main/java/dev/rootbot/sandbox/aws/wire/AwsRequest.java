package dev.rootbot.sandbox.aws.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request exactly as it arrived: the raw (still percent-encoded) path and query, which SigV4 needs, the
 * headers by lower-case name, and the body bytes.
 */
public record AwsRequest(
    String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body, String sourceIp) {

  public AwsRequest {
    var lowered = new TreeMap<String, List<String>>();
    headers.forEach((name, values) -> lowered.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    headers = Map.copyOf(lowered);
    rawQuery = rawQuery == null ? "" : rawQuery;
  }

  /** The first value of a header, by any capitalisation of its name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The decoded query string parameters; a parameter without {@code =} (like {@code ?policy}) has value "". */
  public Map<String, String> queryParameters() {
    return formDecode(rawQuery);
  }

  /** Decodes {@code application/x-www-form-urlencoded} text, keeping the first value of a repeated name. */
  public static Map<String, String> formDecode(String text) {
    var parameters = new LinkedHashMap<String, String>();
    if (text == null || text.isEmpty()) {
      return parameters;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }
}
