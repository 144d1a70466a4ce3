package dev.rootbot.actions.task;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * The policy's normalized form for a fingerprint: object keys sorted, no layout. Key order and whitespace do
   * not change it; any change of content does, and so does a reordered array (a reordered policy asks for a new
   * approval rather than risk treating two different documents as one).
   */
  public String canonical() {
    return Json.canonical(json);
  }

  /** Indented for people, in AWS's key order. */
  public String pretty() {
    return Json.pretty(json);
  }

  /** Each statement's {@code Sid}, in order; a statement without one is shown as "(no Sid)". */
  public List<String> statementIds() {
    JsonElement statements = JsonParser.parseString(json).getAsJsonObject().get("Statement");
    List<JsonElement> each = new ArrayList<>();
    if (statements.isJsonArray()) {
      statements.getAsJsonArray().forEach(each::add);
    } else {
      each.add(statements);
    }
    List<String> ids = new ArrayList<>();
    for (JsonElement statement : each) {
      JsonElement sid = statement.isJsonObject() ? statement.getAsJsonObject().get("Sid") : null;
      ids.add(sid != null && sid.isJsonPrimitive() ? sid.getAsString() : "(no Sid)");
    }
    return ids;
  }

  /** "2 statements: AllowAuditRole, DenyInsecure", or "no statements". */
  public String describe() {
    List<String> ids = statementIds();
    if (ids.isEmpty()) {
      return "no statements";
    }
    return ids.size() + (ids.size() == 1 ? " statement: " : " statements: ") + String.join(", ", ids);
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
