package dev.rootbot.sandbox.aws.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * CloudTrail's {@code requestParameters} for a call, as CloudTrail writes them: member names in camel case
 * ({@code targetPrincipal}), query structures nested again ({@code TaskPolicyArn.arn} becomes
 * {@code {"taskPolicyArn": {"arn": …}}}), secrets replaced.
 */
final class TrailParameters {
  private TrailParameters() {}

  static JsonObject of(Call call) {
    var parameters = new JsonObject();
    switch (call.service().protocol()) {
      case QUERY:
        call.form().forEach((name, value) -> {
          if (!name.equals("Action") && !name.equals("Version")) {
            put(parameters, name.split("\\."), 0, Call.hidden(name) ? "HIDDEN_DUE_TO_SECURITY_REASONS" : value);
          }
        });
        break;
      case REST_XML:
        call.bucket().ifPresent(b -> parameters.addProperty("bucketName", b));
        call.key().ifPresent(k -> parameters.addProperty("key", k));
        call.request().header("host").ifPresent(h -> parameters.addProperty("Host", h));
        call.form().forEach(parameters::addProperty);
        break;
      default:
        try {
          for (Map.Entry<String, JsonElement> member : call.json().entrySet()) {
            parameters.add(camel(member.getKey()), member.getValue());
          }
        } catch (AwsException unreadable) {
          // an unreadable body has no parameters to show
        }
    }
    return parameters;
  }

  /** Puts a dotted query name into nested objects, with {@code member.N} lists becoming arrays. */
  private static void put(JsonObject into, String[] path, int at, String value) {
    String name = camel(path[at]);
    if (at == path.length - 1) {
      into.addProperty(name, value); // CloudTrail keeps query values as strings, account IDs included
      return;
    }
    if (path[at + 1].equals("member") && at + 2 < path.length) {
      JsonArray list = into.has(name) && into.get(name).isJsonArray() ? into.getAsJsonArray(name) : new JsonArray();
      into.add(name, list);
      if (at + 3 == path.length) {
        list.add(value);
      } else {
        var item = new JsonObject();
        list.add(item);
        put(item, path, at + 3, value);
      }
      return;
    }
    JsonObject child = into.has(name) && into.get(name).isJsonObject() ? into.getAsJsonObject(name) : new JsonObject();
    into.add(name, child);
    put(child, path, at + 1, value);
  }

  static String camel(String name) {
    return name.isEmpty() ? name : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }
}
