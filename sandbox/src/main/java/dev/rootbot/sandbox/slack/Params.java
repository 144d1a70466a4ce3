package dev.rootbot.sandbox.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * A Web API call's arguments, from the query string and a form-encoded or JSON body, as Slack reads them.
 * Form bodies are decoded as UTF-8 whatever the content type says, as Slack does; the first value of a
 * repeated name wins (the Java SDK sends {@code thread_ts} twice); an empty value counts as absent.
 */
final class Params {
  private final Map<String, String> values;

  private Params(Map<String, String> values) {
    this.values = values;
  }

  static Params parse(String contentType, byte[] body, String queryString) {
    Map<String, String> values = new LinkedHashMap<>();
    addForm(queryString == null ? "" : queryString, values);
    String text = new String(body, StandardCharsets.UTF_8);
    if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
      Json.parseObject(text).ifPresent(json -> addJson(json, values));
    } else {
      addForm(text, values);
    }
    return new Params(values);
  }

  private static void addForm(String form, Map<String, String> values) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      values.putIfAbsent(name, value);
    }
  }

  private static void addJson(JsonObject json, Map<String, String> values) {
    for (Entry<String, JsonElement> entry : json.entrySet()) {
      JsonElement value = entry.getValue();
      if (value.isJsonNull()) {
        continue;
      }
      values.putIfAbsent(entry.getKey(), value.isJsonPrimitive() ? value.getAsString() : Json.write(value));
    }
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
  }

  String require(String name, String errorWhenMissing) throws SlackError {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      throw new SlackError(errorWhenMissing);
    }
    return value.get();
  }

  boolean flag(String name) {
    return get(name).map(v -> v.equals("true") || v.equals("1")).orElse(false);
  }

  Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
