package dev.rootbot.sandbox.slack;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's published request-signing algorithm, written out again for the tests so that they check the
 * sender against the specification rather than against its own code.
 */
final class SlackAlgorithm {
  private SlackAlgorithm() {}

  /** {@code v0=} + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body bytes)). */
  static String signature(String secret, String timestamp, byte[] body) throws Exception {
    ByteArrayOutputStream base = new ByteArrayOutputStream();
    base.write(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
    base.write(body);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder hex = new StringBuilder("v0=");
    for (byte b : mac.doFinal(base.toByteArray())) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  /** An {@code application/x-www-form-urlencoded} body, decoded as UTF-8. */
  static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
