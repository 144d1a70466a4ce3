package dev.rootbot.sandbox.aws.wire;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

/** JSON conventions of the AWS JSON protocols: no HTML escaping, and timestamps as epoch seconds. */
public final class Json {
  /** Shared and thread-safe. HTML escaping would turn "=" in policies into "\\u003d", which AWS never sends. */
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private Json() {}

  /** Epoch seconds, with milliseconds as a fraction only when there are any (never in exponent notation). */
  public static JsonPrimitive epochSeconds(Instant time) {
    long millis = time.toEpochMilli();
    return millis % 1000 == 0
        ? new JsonPrimitive(millis / 1000)
        : new JsonPrimitive(BigDecimal.valueOf(millis, 3));
  }

  public static JsonArray strings(Collection<String> values) {
    var array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  public static String write(JsonElement element) {
    return GSON.toJson(element);
  }
}
