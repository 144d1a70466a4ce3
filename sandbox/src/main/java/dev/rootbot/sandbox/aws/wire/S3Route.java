package dev.rootbot.sandbox.aws.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How S3's REST API names an operation by method, path-style bucket and key, and sub-resource: {@code GET /b?policy}
 * is GetBucketPolicy, {@code HEAD /b} is HeadBucket, {@code GET /} is ListBuckets.
 */
public record S3Route(String operation, Optional<String> bucket, Optional<String> key) {

  // Query parameters that are options of an operation rather than the sub-resource that names it.
  private static final Set<String> OPTIONS = Set.of("prefix", "max-buckets", "continuation-token", "bucket-region",
      "delimiter", "encoding-type", "marker", "max-keys", "start-after", "fetch-owner", "list-type", "versionId",
      "partNumber", "uploadId", "x-id");

  public static S3Route of(String method, String rawPath, Map<String, String> query) {
    String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    Optional<String> bucket = Optional.of(slash < 0 ? trimmed : trimmed.substring(0, slash)).filter(b -> !b.isEmpty());
    Optional<String> key = slash < 0 ? Optional.empty()
        : Optional.of(trimmed.substring(slash + 1)).filter(k -> !k.isEmpty());
    Optional<String> subresource = query.keySet().stream().filter(k -> !OPTIONS.contains(k)).findFirst();
    String verb = verb(method);
    String operation;
    if (bucket.isEmpty()) {
      operation = method.equals("GET") ? "ListBuckets" : verb + "Service";
    } else if (key.isEmpty()) {
      operation = subresource.map(s -> verb + "Bucket" + capitalized(s)).orElseGet(() -> bucketOperation(method, query));
    } else {
      operation = subresource.map(s -> verb + "Object" + capitalized(s)).orElse(verb + "Object");
    }
    return new S3Route(operation, bucket, key);
  }

  private static String bucketOperation(String method, Map<String, String> query) {
    switch (method) {
      case "GET": return "2".equals(query.get("list-type")) ? "ListObjectsV2" : "ListObjects";
      case "PUT": return "CreateBucket";
      default: return verb(method) + "Bucket";
    }
  }

  private static String verb(String method) {
    String lower = method.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static String capitalized(String subresource) {
    return subresource.isEmpty() ? "" : Character.toUpperCase(subresource.charAt(0)) + subresource.substring(1);
  }
}
