package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Objects;

/**
 * A modal open in front of one person: the view object exactly as the Web API returns it ({@code id},
 * {@code hash}, {@code state}, {@code blocks}, …), and the errors the bot's last answer put on its inputs.
 */
public record View(String id, String user, String json, Map<String, String> errors) {

  public View {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(json, "json");
    errors = Map.copyOf(errors);
  }

  public String callbackId() {
    return Json.string(object(), "callback_id").orElse("");
  }

  public String privateMetadata() {
    return Json.string(object(), "private_metadata").orElse("");
  }

  public String title() {
    return Json.object(object(), "title").flatMap(t -> Json.string(t, "text")).orElse("");
  }

  public String hash() {
    return Json.string(object(), "hash").orElse("");
  }

  public String blocksJson() {
    return Json.write(Json.array(object(), "blocks"));
  }

  /** Every text in the blocks, one per line. */
  public String allText() {
    return BlockKit.allText("", blocksJson());
  }

  JsonObject object() {
    return Json.parseObject(json).orElseGet(JsonObject::new);
  }

  View withErrors(Map<String, String> newErrors) {
    return new View(id, user, json, newErrors);
  }
}
