package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import java.util.Optional;

/** One request for the bot, before it is put on a wire: its kind, its payload, and which retry it is. */
record Outgoing(Kind kind, String payloadJson, int retryAttempt, String retryReason) {

  /** The kinds of request, by the Socket Mode envelope type and the HTTP body Slack uses for each. */
  enum Kind {
    SLASH_COMMAND("slash_commands", "application/x-www-form-urlencoded", true),
    INTERACTIVE("interactive", "application/x-www-form-urlencoded", true),
    EVENT("events_api", "application/json", false),
    URL_VERIFICATION("url_verification", "application/json", false);

    final String envelopeType;
    final String contentType;
    /** Slack's {@code accepts_response_payload}: whether the acknowledgement may carry a payload. */
    final boolean acceptsResponsePayload;

    Kind(String envelopeType, String contentType, boolean acceptsResponsePayload) {
      this.envelopeType = envelopeType;
      this.contentType = contentType;
      this.acceptsResponsePayload = acceptsResponsePayload;
    }
  }

  static Outgoing of(Kind kind, JsonObject payload) {
    return new Outgoing(kind, Json.write(payload), 0, "");
  }

  JsonObject payload() {
    return Json.parseObject(payloadJson).orElseThrow();
  }

  /**
   * The HTTP body: a slash command's fields form-encoded, an interaction as the form field
   * {@code payload} holding JSON, an event as JSON.
   */
  String httpBody() {
    return switch (kind) {
      case SLASH_COMMAND -> Payloads.form(payload());
      case INTERACTIVE -> "payload=" + Payloads.encode(payloadJson);
      case EVENT, URL_VERIFICATION -> payloadJson;
    };
  }

  Optional<String> eventId() {
    return kind == Kind.EVENT ? Json.string(payload(), "event_id") : Optional.empty();
  }

  Outgoing retried(int attempt, String reason) {
    return new Outgoing(kind, payloadJson, attempt, reason);
  }
}
