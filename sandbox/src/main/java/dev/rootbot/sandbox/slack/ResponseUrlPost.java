package dev.rootbot.sandbox.slack;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One POST the bot made to a {@code response_url}: the JSON it sent, and how the workspace answered. */
public record ResponseUrlPost(String url, String json, Instant at, int status, Optional<String> error) {

  public ResponseUrlPost {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(error, "error");
  }

  public boolean ok() {
    return status == 200 && error.isEmpty();
  }
}
