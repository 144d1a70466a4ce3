package dev.rootbot.bot.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskKind;
import dev.rootbot.bot.request.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Tasks, backups and outcomes as JSON in a text column: a {@code kind} and every field of the record.
 * A policy is stored as its exact text, whatever its size, so a restore puts back the same bytes.
 *
 * <p>The {@code kind} names are stored data: never rename one, only add.
 */
final class StoredJson {
  private StoredJson() {}

  /** The stored name of a task's kind, e.g. {@code unlock_bucket}. */
  static String kind(RootTask task) {
    return task.kind().storedName();
  }

  static String task(RootTask task) {
    var json = new JsonObject();
    json.addProperty("kind", kind(task));
    json.addProperty("target", task.target().value());
    task.fields().entrySet().forEach(field -> json.add(field.getKey(), field.getValue()));
    return json.toString();
  }

  static RootTask task(String text) {
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    String kind = string(json, "kind");
    TaskKind found = TaskKind.fromStoredName(kind).orElseThrow(() ->
        new StoreFailure("unknown task kind \"" + kind + "\"; was it stored by a newer Rootbot?"));
    try {
      return found.read(new AccountId(string(json, "target")), json);
    } catch (InvalidInput e) {
      throw new StoreFailure("a stored " + kind + " task cannot be read: " + e.getMessage(), e);
    }
  }

  /** A list of texts as a JSON array, e.g. the preflight's warnings. */
  static String texts(List<String> texts) {
    var array = new JsonArray();
    texts.forEach(array::add);
    return array.toString();
  }

  static List<String> texts(String stored) {
    var texts = new ArrayList<String>();
    for (JsonElement text : JsonParser.parseString(stored).getAsJsonArray()) {
      texts.add(text.getAsString());
    }
    return List.copyOf(texts);
  }

  static String backup(Backup backup) {
    var json = new JsonObject();
    json.addProperty("kind", backup.kind().name());
    json.addProperty("account", backup.account().value());
    json.addProperty("resource", backup.resource());
    json.addProperty("region", backup.region().code());
    json.addProperty("policy", backup.policy().json());
    return json.toString();
  }

  static Backup backup(String text) {
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    return new Backup(Backup.Kind.valueOf(string(json, "kind")), new AccountId(string(json, "account")),
        string(json, "resource"), region(json), new PolicyDocument(string(json, "policy")));
  }

  static String outcome(Outcome outcome) {
    var steps = new JsonArray();
    for (Outcome.Step step : outcome.steps()) {
      var json = new JsonObject();
      json.addProperty("action", step.action());
      json.addProperty("detail", step.detail());
      steps.add(json);
    }
    var json = new JsonObject();
    json.addProperty("text", outcome.text());
    json.add("steps", steps);
    return json.toString();
  }

  static Outcome outcome(String text) {
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    var steps = new ArrayList<Outcome.Step>();
    for (JsonElement step : json.getAsJsonArray("steps")) {
      JsonObject s = step.getAsJsonObject();
      steps.add(new Outcome.Step(string(s, "action"), string(s, "detail")));
    }
    return new Outcome(string(json, "text"), steps);
  }

  private static AwsRegion region(JsonObject json) {
    return new AwsRegion(string(json, "region"));
  }

  private static String string(JsonObject json, String field) {
    JsonElement value = json.get(field);
    if (value == null || value.isJsonNull()) {
      throw new StoreFailure("stored JSON has no \"" + field + "\"");
    }
    return value.getAsString();
  }
}
