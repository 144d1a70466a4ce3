package dev.rootbot.actions.task;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import java.util.TreeMap;

/** Compares and prints policy documents as JSON, since AWS may return a policy with other whitespace or key order. */
final class Json {
  private Json() {}

  static boolean sameDocument(String a, String b) {
    return JsonParser.parseString(a).equals(JsonParser.parseString(b));
  }

  /**
   * One line of JSON in which object keys are sorted and there is no whitespace outside strings, so that two
   * documents that differ only in key order or layout print the same. Arrays keep their order.
   */
  static String canonical(String json) {
    return sorted(JsonParser.parseString(json)).toString();
  }

  /** Indented for people, keys in the order AWS gave them. */
  static String pretty(String json) {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(JsonParser.parseString(json));
  }

  private static JsonElement sorted(JsonElement element) {
    if (element.isJsonObject()) {
      var keys = new TreeMap<String, JsonElement>();
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        keys.put(entry.getKey(), sorted(entry.getValue()));
      }
      var object = new JsonObject();
      keys.forEach(object::add);
      return object;
    }
    if (element.isJsonArray()) {
      var array = new JsonArray();
      element.getAsJsonArray().forEach(item -> array.add(sorted(item)));
      return array;
    }
    return element;
  }
}
