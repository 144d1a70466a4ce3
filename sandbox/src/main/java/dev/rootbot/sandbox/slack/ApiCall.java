package dev.rootbot.sandbox.slack;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Web API call as the workspace received and answered it: the method, the token it carried, its
 * parameters (JSON-valued ones such as {@code blocks} and {@code view} as the JSON text sent), the HTTP
 * status answered, the {@code error} when {@code ok} was false, and what became of the answer (a fault may
 * have lost it or held it back after the call was performed). Prints without its token.
 */
public record ApiCall(String method, String token, Map<String, String> params, Instant at, int status,
    Optional<String> error, Answer answer) {

  /** What became of the answer to a call. */
  public enum Answer {
    /** Sent at once, as Slack does. */
    SENT,
    /** The call was performed, then the connection closed before the whole answer was sent ({@code status} is 0). */
    LOST,
    /** The call was performed, then answered HTTP 500 {@code internal_error} as if it had failed. */
    FAILED_AFTER_PERFORMING,
    /** The call was performed at once and answered late. */
    LATE
  }

  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(answer, "answer");
    params = Map.copyOf(params);
  }

  /** A call answered at once. */
  public ApiCall(String method, String token, Map<String, String> params, Instant at, int status,
      Optional<String> error) {
    this(method, token, params, at, status, error, Answer.SENT);
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
    return "ApiCall[" + method + " status=" + status + error.map(e -> " error=" + e).orElse("")
        + (answer == Answer.SENT ? "" : " answer=" + answer) + " at=" + at + " token=" + Redacted.token(token)
        + " params=" + params + "]";
  }
}
