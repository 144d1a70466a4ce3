package dev.rootbot.sandbox.slack;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workspace delivered to the bot. Over HTTP: the headers (signature included) and the exact body.
 * Over Socket Mode: no headers and the envelope as sent on the socket. {@code payloadJson} is the payload
 * either way (a slash command's fields as one JSON object, as Socket Mode carries them).
 */
public record SentRequest(String type, Map<String, String> headers, String body, String payloadJson,
    Optional<String> eventId) {

  public SentRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(payloadJson, "payloadJson");
    Objects.requireNonNull(eventId, "eventId");
    headers = Map.copyOf(headers);
  }
}
