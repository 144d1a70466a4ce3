package dev.rootbot.sandbox.slack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot answered one delivered request. Over HTTP: its status, headers and body. Over Socket Mode:
 * status 200 once it acknowledged the envelope, with the acknowledgement's {@code payload} as the body
 * ({@code ""} when it had none). Status 0 means no answer within the acknowledgement timeout (Slack's is
 * three seconds), after which Slack gives up on the request.
 */
public record BotResponse(Transport transport, int status, Map<String, List<String>> headers, String body,
    Duration elapsed, SentRequest request) {

  /** How the request reached the bot. */
  public enum Transport { HTTP, SOCKET_MODE }

  public BotResponse {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(request, "request");
    headers = Map.copyOf(headers);
  }

  /** True when the bot answered in time with a 2xx status, or acknowledged the envelope. */
  public boolean acknowledged() {
    return status >= 200 && status < 300;
  }

  public boolean timedOut() {
    return status == 0;
  }

  public Optional<String> header(String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst();
  }
}
