package dev.rootbot.actions.session;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoint overrides read the way the AWS SDKs define them: {@code AWS_ENDPOINT_URL_<SERVICE>} for one
 * service, else {@code AWS_ENDPOINT_URL} for all. Without either, each client uses AWS's own endpoints.
 */
public record AwsEndpoints(Map<String, URI> byService, Optional<URI> all) {
  public AwsEndpoints {
    byService = Map.copyOf(byService);
  }

  public static AwsEndpoints none() {
    return new AwsEndpoints(Map.of(), Optional.empty());
  }

  /** One endpoint for every service, as the sandbox's simulated AWS has. */
  public static AwsEndpoints all(URI endpoint) {
    return new AwsEndpoints(Map.of(), Optional.of(endpoint));
  }

  /** Reads {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_STS}, {@code _S3}, … from {@code env}. */
  public static AwsEndpoints fromEnvironment(Map<String, String> env) {
    var byService = new java.util.HashMap<String, URI>();
    for (String service : new String[] {"STS", "IAM", "S3", "SQS", "ORGANIZATIONS", "CLOUDTRAIL"}) {
      String value = env.get("AWS_ENDPOINT_URL_" + service);
      if (value != null && !value.isBlank()) {
        byService.put(service.toLowerCase(Locale.ROOT), parse("AWS_ENDPOINT_URL_" + service, value));
      }
    }
    String all = env.get("AWS_ENDPOINT_URL");
    return new AwsEndpoints(byService,
        all == null || all.isBlank() ? Optional.empty() : Optional.of(parse("AWS_ENDPOINT_URL", all)));
  }

  /** The endpoint for {@code service} ("s3", "sts", …), if one is set. */
  public Optional<URI> forService(String service) {
    return Optional.ofNullable(byService.get(service)).or(() -> all);
  }

  private static URI parse(String variable, String value) {
    try {
      URI uri = URI.create(value.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + " must be a URL like http://localhost:4566; got " + value, e);
    }
  }
}
