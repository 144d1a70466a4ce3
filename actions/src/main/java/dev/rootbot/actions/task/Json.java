package dev.rootbot.actions.task;

import com.google.gson.JsonParser;

/** Compares policy documents as JSON, since AWS may return a policy with other whitespace or key order. */
final class Json {
  private Json() {}

  static boolean sameDocument(String a, String b) {
    return JsonParser.parseString(a).equals(JsonParser.parseString(b));
  }
}
