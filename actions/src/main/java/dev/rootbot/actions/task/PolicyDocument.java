package dev.rootbot.actions.task;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;

/** A resource policy as JSON text, kept exactly as AWS returned it so that a restore puts back the same bytes. */
public record PolicyDocument(String json) {
  /** S3 refuses bucket policies over 20 KB. */
  public static final int S3_MAX_BYTES = 20 * 1024;

  public PolicyDocument {
    if (json == null || json.isBlank()) {
      throw new InvalidInput("a policy is a JSON document with a Statement; got nothing");
    }
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new InvalidInput("a policy must be valid JSON; this one is not (" + e.getMessage() + ")");
    }
    if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("Statement")) {
      throw new InvalidInput("a policy is a JSON object with a Statement");
    }
  }

  public int sizeInBytes() {
    return json.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Refuses a policy larger than {@code maxBytes}, naming {@code where} it would not fit. */
  public PolicyDocument requireAtMost(int maxBytes, String where) {
    if (sizeInBytes() > maxBytes) {
      throw new InvalidInput(where + " takes policies of at most " + maxBytes + " bytes; this one has " + sizeInBytes());
    }
    return this;
  }

  @Override
  public String toString() {
    return json;
  }
}
