package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code metadata} argument of {@code chat.postMessage} and {@code chat.update}, read as Slack reads it:
 * text that is not a JSON object is the error {@code invalid_metadata_format}; an object without a valid
 * {@code event_type} (letters, digits, {@code _} and {@code -}) or without an object as {@code event_payload}
 * is ignored with the warning {@code invalid_metadata_schema}, and the message is posted without it.
 */
record MessageMetadata(Optional<Message.Metadata> kept, boolean invalidSchema) {
  private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_-]+");
  static final String INVALID_SCHEMA = "invalid_metadata_schema";

  static MessageMetadata of(Params params) throws SlackError {
    Optional<String> given = params.get("metadata");
    if (given.isEmpty()) {
      return new MessageMetadata(Optional.empty(), false);
    }
    JsonObject metadata = Json.parseObject(given.get()).orElseThrow(() -> new SlackError("invalid_metadata_format"));
    Optional<String> eventType = Json.string(metadata, "event_type").filter(t -> EVENT_TYPE.matcher(t).matches());
    Optional<JsonObject> payload = Json.object(metadata, "event_payload");
    if (eventType.isEmpty() || payload.isEmpty()) {
      return new MessageMetadata(Optional.empty(), true);
    }
    return new MessageMetadata(Optional.of(new Message.Metadata(eventType.get(), Json.write(payload.get()))), false);
  }

  /** Adds Slack's warning to an answer when the metadata was ignored. */
  void warnOn(JsonObject answer) {
    if (!invalidSchema) {
      return;
    }
    answer.addProperty("warning", INVALID_SCHEMA);
    JsonObject responseMetadata = new JsonObject();
    JsonArray warnings = new JsonArray();
    warnings.add(INVALID_SCHEMA);
    responseMetadata.add("warnings", warnings);
    answer.add("response_metadata", responseMetadata);
  }

  /**
   * The metadata as a message object carries it. Slack gives the event payload only to those who ask for all
   * metadata ({@code include_all_metadata}) and in the payloads of clicks on the message; elsewhere, such as
   * the answer to {@code chat.postMessage}, only the event type, since Rootbot's manifest declares no
   * metadata event types.
   */
  static JsonObject json(Message.Metadata metadata, boolean withPayload) {
    JsonObject json = new JsonObject();
    json.addProperty("event_type", metadata.eventType());
    if (withPayload) {
      json.add("event_payload", metadata.payload());
    }
    return json;
  }
}
