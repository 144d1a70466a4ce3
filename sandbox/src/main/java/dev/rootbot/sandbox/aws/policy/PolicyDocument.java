package dev.rootbot.sandbox.aws.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed IAM policy document (an SCP, a bucket policy or a queue policy) that can say whether it explicitly
 * denies or allows a request.
 *
 * <p>It evaluates {@code Effect}, {@code Action}/{@code NotAction}, {@code Resource}/{@code NotResource},
 * {@code Principal}/{@code NotPrincipal} and the condition operators listed in {@link Condition}; a statement
 * with any other operator never applies, and {@link #unsupportedOperators()} names them so seeds can refuse them.
 */
public final class PolicyDocument {
  private final String json;
  private final List<Statement> statements;

  private PolicyDocument(String json, List<Statement> statements) {
    this.json = json;
    this.statements = List.copyOf(statements);
  }

  /** Parses {@code json}, or fails with an {@link IllegalArgumentException} saying what is wrong with it. */
  public static PolicyDocument parse(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("a policy must be valid JSON: " + e.getMessage(), e);
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException("a policy must be a JSON object");
    }
    JsonElement statement = root.getAsJsonObject().get("Statement");
    if (statement == null) {
      throw new IllegalArgumentException("a policy needs a Statement");
    }
    var statements = new ArrayList<Statement>();
    if (statement.isJsonArray()) {
      for (JsonElement s : statement.getAsJsonArray()) {
        statements.add(statement(s));
      }
    } else {
      statements.add(statement(statement));
    }
    return new PolicyDocument(json, statements);
  }

  /** The document as it was given. */
  public String json() {
    return json;
  }

  public boolean deniesExplicitly(RequestContext context) {
    return statements.stream().anyMatch(s -> !s.allow() && s.applies(context));
  }

  public boolean allows(RequestContext context) {
    return statements.stream().anyMatch(s -> s.allow() && s.applies(context));
  }

  /** Condition operators in this document that the sandbox cannot evaluate. */
  public List<String> unsupportedOperators() {
    return statements.stream().flatMap(s -> s.conditions().stream())
        .filter(c -> !c.supported()).map(Condition::operator).distinct().toList();
  }

  private static Statement statement(JsonElement element) {
    if (!element.isJsonObject()) {
      throw new IllegalArgumentException("each Statement must be a JSON object");
    }
    JsonObject s = element.getAsJsonObject();
    String effect = s.has("Effect") ? s.get("Effect").getAsString() : "";
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      throw new IllegalArgumentException("Effect must be Allow or Deny, not '" + effect + "'");
    }
    boolean notAction = s.has("NotAction");
    List<String> actions = strings(s.get(notAction ? "NotAction" : "Action"));
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("each Statement needs an Action or a NotAction");
    }
    boolean notResource = s.has("NotResource");
    List<String> resources = strings(s.get(notResource ? "NotResource" : "Resource"));
    boolean notPrincipal = s.has("NotPrincipal");
    JsonElement principal = s.get(notPrincipal ? "NotPrincipal" : "Principal");
    Optional<List<String>> principals = principal == null ? Optional.empty() : Optional.of(principals(principal));
    return new Statement(effect.equals("Allow"), actions, notAction, resources, notResource, principals,
        notPrincipal, conditions(s.get("Condition")));
  }

  private static List<String> principals(JsonElement principal) {
    if (principal.isJsonPrimitive()) {
      return strings(principal);
    }
    if (!principal.isJsonObject()) {
      throw new IllegalArgumentException("Principal must be \"*\" or an object such as {\"AWS\": ...}");
    }
    // Only AWS principals can be callers here; service and federated principals never match.
    return strings(principal.getAsJsonObject().get("AWS"));
  }

  private static List<Condition> conditions(JsonElement condition) {
    var conditions = new ArrayList<Condition>();
    if (condition == null) {
      return conditions;
    }
    if (!condition.isJsonObject()) {
      throw new IllegalArgumentException("Condition must be a JSON object");
    }
    for (Map.Entry<String, JsonElement> operator : condition.getAsJsonObject().entrySet()) {
      if (!operator.getValue().isJsonObject()) {
        throw new IllegalArgumentException("Condition " + operator.getKey() + " must map keys to values");
      }
      for (Map.Entry<String, JsonElement> key : operator.getValue().getAsJsonObject().entrySet()) {
        conditions.add(new Condition(operator.getKey(), key.getKey(), strings(key.getValue())));
      }
    }
    return conditions;
  }

  private static List<String> strings(JsonElement element) {
    var values = new ArrayList<String>();
    if (element == null || element.isJsonNull()) {
      return values;
    }
    if (element.isJsonArray()) {
      JsonArray array = element.getAsJsonArray();
      array.forEach(e -> values.add(e.getAsString()));
    } else if (element.isJsonPrimitive()) {
      values.add(element.getAsString());
    } else {
      throw new IllegalArgumentException("expected a string or a list of strings, got " + element);
    }
    return values;
  }

  @Override
  public String toString() {
    return json;
  }
}
