package dev.rootbot.sandbox.slack;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/** Gson set up to write JSON as Slack does: nulls kept, {@code <@U…>} not HTML-escaped. */
final class Json {
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  static String write(JsonElement json) {
    return GSON.toJson(json);
  }

  static Optional<JsonObject> parseObject(String text) {
    try {
      JsonElement parsed = JsonParser.parseString(text);
      return parsed.isJsonObject() ? Optional.of(parsed.getAsJsonObject()) : Optional.empty();
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }

  static Optional<JsonArray> parseArray(String text) {
    try {
      JsonElement parsed = JsonParser.parseString(text);
      return parsed.isJsonArray() ? Optional.of(parsed.getAsJsonArray()) : Optional.empty();
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }

  /** The string at {@code key}, absent when missing, null or not a string. */
  static Optional<String> string(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value != null && value.isJsonPrimitive() ? Optional.of(value.getAsString()) : Optional.empty();
  }

  static boolean bool(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean() && value.getAsBoolean();
  }

  static Optional<JsonObject> object(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
  }

  static JsonArray array(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
  }

  static JsonObject ok() {
    JsonObject ok = new JsonObject();
    ok.addProperty("ok", true);
    return ok;
  }
}
