package dev.rootbot.sandbox.aws.sigv4;

import dev.rootbot.sandbox.aws.wire.AwsRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a request's Signature Version 4 from the secret key and compares it with the one sent.
 *
 * <p>The canonical request is rebuilt from the raw path and query, the headers the client says it signed, and
 * the payload hash: S3 signs the value of {@code x-amz-content-sha256} (which may be {@code UNSIGNED-PAYLOAD}),
 * every other service the SHA-256 of the body. Only S3 leaves the path encoded once; the others encode it twice.
 */
public final class SigV4 {
  private SigV4() {}

  public static boolean verify(AwsRequest request, Authorization auth, String secretAccessKey,
      String payloadHash, boolean s3) {
    String expected = signature(request, auth, secretAccessKey, payloadHash, s3);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        auth.signature().getBytes(StandardCharsets.US_ASCII));
  }

  static String signature(AwsRequest request, Authorization auth, String secret, String payloadHash, boolean s3) {
    String amzDate = request.header("x-amz-date").orElse("");
    String stringToSign = Authorization.ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
        + sha256Hex(canonicalRequest(request, auth.signedHeaders(), payloadHash, s3)
            .getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
    key = hmac(key, auth.region());
    key = hmac(key, auth.service());
    key = hmac(key, "aws4_request");
    return HexFormat.of().formatHex(hmac(key, stringToSign));
  }

  static String canonicalRequest(AwsRequest request, List<String> signedHeaders, String payloadHash, boolean s3) {
    String path = request.rawPath().isEmpty() ? "/" : request.rawPath();
    var canonical = new StringBuilder()
        .append(request.method()).append('\n')
        .append(s3 ? path : uriEncode(path, false)).append('\n')
        .append(canonicalQuery(request.rawQuery())).append('\n');
    for (String name : signedHeaders) {
      canonical.append(name).append(':').append(canonicalHeaderValue(request.headers().get(name))).append('\n');
    }
    return canonical.append('\n')
        .append(String.join(";", signedHeaders)).append('\n')
        .append(payloadHash)
        .toString();
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    var pairs = new ArrayList<String[]>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      pairs.add(new String[] {uriEncode(name, true), uriEncode(value, true)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    var query = new StringBuilder();
    for (String[] pair : pairs) {
      if (query.length() > 0) {
        query.append('&');
      }
      query.append(pair[0]).append('=').append(pair[1]);
    }
    return query.toString();
  }

  private static String canonicalHeaderValue(List<String> values) {
    if (values == null) {
      return "";
    }
    var joined = new ArrayList<String>();
    for (String value : values) {
      joined.add(value.strip().replaceAll("\\s+", " "));
    }
    return String.join(",", joined);
  }

  /** RFC 3986 encoding as SigV4 defines it: only A-Z, a-z, 0-9, '-', '_', '.', '~' stay as they are. */
  static String uriEncode(String text, boolean encodeSlash) {
    var out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String decode(String text) {
    // A literal '+' in a signed query is a plus sign, not a space.
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has HmacSHA256", e);
    }
  }
}
