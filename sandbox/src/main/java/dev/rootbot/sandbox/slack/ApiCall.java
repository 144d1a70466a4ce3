package dev.rootbot.sandbox.slack;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Web API call as the workspace received and answered it: the method, the token it carried, its
 * parameters (JSON-valued ones such as {@code blocks} and {@code view} as the JSON text sent), the HTTP
 * status answered and the {@code error} when {@code ok} was false. Prints without its token.
 */
public record ApiCall(String method, String token, Map<String, String> params, Instant at, int status,
    Optional<String> error) {

  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(error, "error");
    params = Map.copyOf(params);
  }

  /** True when Slack answered HTTP 200 with {@code "ok":true}. */
  public boolean ok() {
    return status == 200 && error.isEmpty();
  }

  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  @Override
  public String toString() {
    return "ApiCall[" + method + " status=" + status + error.map(e -> " error=" + e).orElse("") + " at=" + at
        + " token=" + Redacted.token(token) + " params=" + params + "]";
  }
}
