package dev.rootbot.sandbox.aws.sigv4;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex}.
 */
public record Authorization(
    String accessKeyId, String date, String region, String service, List<String> signedHeaders, String signature) {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /** The header parsed, or empty when it is absent or not a complete SigV4 header. */
  public static Optional<Authorization> parse(String header) {
    if (header == null || !header.startsWith(ALGORITHM + " ")) {
      return Optional.empty();
    }
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    for (String part : header.substring(ALGORITHM.length()).split(",")) {
      String p = part.strip();
      if (p.startsWith("Credential=")) {
        credential = p.substring("Credential=".length());
      } else if (p.startsWith("SignedHeaders=")) {
        signedHeaders = p.substring("SignedHeaders=".length());
      } else if (p.startsWith("Signature=")) {
        signature = p.substring("Signature=".length());
      }
    }
    if (credential == null || signedHeaders == null || signature == null) {
      return Optional.empty();
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !scope[4].equals("aws4_request")) {
      return Optional.empty();
    }
    List<String> headers = Arrays.stream(signedHeaders.split(";"))
        .map(h -> h.toLowerCase(Locale.ROOT)).toList();
    return Optional.of(new Authorization(scope[0], scope[1], scope[2], scope[3], headers, signature));
  }

  /** {@code DATE/REGION/SERVICE/aws4_request}. */
  public String scope() {
    return date + "/" + region + "/" + service + "/aws4_request";
  }

  /** Whether the header at least names a credential scope, even if the rest is malformed. */
  public static boolean looksLikeSigV4(String header) {
    return header != null && header.startsWith(ALGORITHM);
  }
}
