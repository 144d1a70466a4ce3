package dev.rootbot.sandbox.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} and the hex HMAC-SHA256, keyed with the signing secret, of
 * {@code "v0:" + timestamp + ":"} followed by the body's bytes exactly as sent (UTF-8).
 */
final class RequestSigner {
  static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  static final String SIGNATURE_HEADER = "X-Slack-Signature";

  private RequestSigner() {}

  static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
