package dev.rootbot.actions.org.scp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of a service control policy, parsed for evaluation. AWS validates SCPs when they are saved, so a
 * document that does not parse here is kept as unreadable: every statement of it counts as undecidable, which
 * warns rather than refuses.
 */
public final class ScpDocument {
  private final String json;
  private final List<ScpStatement> statements;
  private final Optional<String> problem;

  private ScpDocument(String json, List<ScpStatement> statements, Optional<String> problem) {
    this.json = json;
    this.statements = List.copyOf(statements);
    this.problem = problem;
  }

  /** Parses {@code json}; a document Rootbot cannot read is returned as {@link #unreadable()}, never thrown. */
  public static ScpDocument parse(String json) {
    try {
      JsonElement root = JsonParser.parseString(json);
      if (!root.isJsonObject() || !root.getAsJsonObject().has("Statement")) {
        throw new IllegalArgumentException("a policy is a JSON object with a Statement");
      }
      JsonElement statement = root.getAsJsonObject().get("Statement");
      List<ScpStatement> statements = new ArrayList<>();
      if (statement.isJsonArray()) {
        for (JsonElement s : statement.getAsJsonArray()) {
          statements.add(statement(s, statements.size() + 1));
        }
      } else {
        statements.add(statement(statement, 1));
      }
      return new ScpDocument(json, statements, Optional.empty());
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
      return new ScpDocument(json, List.of(), Optional.of(String.valueOf(e.getMessage())));
    }
  }

  /** The document as AWS returned it. */
  public String json() {
    return json;
  }

  /** Why Rootbot could not read the document, if it could not. */
  public Optional<String> unreadable() {
    return problem;
  }

  List<ScpStatement> statements() {
    return statements;
  }

  private static ScpStatement statement(JsonElement element, int number) {
    JsonObject s = element.getAsJsonObject();
    String effect = s.has("Effect") ? s.get("Effect").getAsString() : "";
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      throw new IllegalArgumentException("statement " + number + ": Effect is Allow or Deny, not '" + effect + "'");
    }
    boolean notAction = s.has("NotAction");
    List<String> actions = strings(s.get(notAction ? "NotAction" : "Action"));
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("statement " + number + " has no Action or NotAction");
    }
    boolean notResource = s.has("NotResource");
    List<String> resources = strings(s.get(notResource ? "NotResource" : "Resource"));
    if (resources.isEmpty() && !notResource) {
      resources = List.of("*");
    }
    Optional<String> sid = s.has("Sid") && !s.get("Sid").getAsString().isBlank()
        ? Optional.of(s.get("Sid").getAsString()) : Optional.empty();
    return new ScpStatement(number, sid, effect.equals("Allow"), actions, notAction, resources, notResource,
        conditions(s.get("Condition")));
  }

  private static List<ScpCondition> conditions(JsonElement condition) {
    List<ScpCondition> conditions = new ArrayList<>();
    if (condition == null || condition.isJsonNull()) {
      return conditions;
    }
    for (Map.Entry<String, JsonElement> operator : condition.getAsJsonObject().entrySet()) {
      for (Map.Entry<String, JsonElement> key : operator.getValue().getAsJsonObject().entrySet()) {
        conditions.add(new ScpCondition(operator.getKey(), key.getKey(), strings(key.getValue())));
      }
    }
    return conditions;
  }

  private static List<String> strings(JsonElement element) {
    List<String> values = new ArrayList<>();
    if (element == null || element.isJsonNull()) {
      return values;
    }
    if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(v -> values.add(v.getAsString()));
    } else {
      values.add(element.getAsString());
    }
    return List.copyOf(values);
  }

  @Override
  public String toString() {
    return json;
  }
}
