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
import dev.rootbot.actions.task.TaskKind;
import dev.rootbot.actions.fleet.FleetKind;
import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.bot.request.FleetTask;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.Work;
import java.util.Optional;
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
  static String kind(Work work) {
    return work.storedName();
  }

  /**
   * The work as JSON: its kind, its account as {@code target}, and its own fields. A task over the organization
   * stores its scope ({@code scope} {@code all} or {@code ou}, with {@code ou} as the person named it), whether
   * it is credentials only, and the audit a deletion is bound to.
   */
  static String task(Work work) {
    var json = new JsonObject();
    json.addProperty("kind", kind(work));
    json.addProperty("target", work.account().value());
    if (work instanceof Work.InAccount one) {
      one.task().fields().entrySet().forEach(field -> json.add(field.getKey(), field.getValue()));
    } else if (work instanceof FleetTask.EnableRootAccess enable) {
      json.addProperty("credentials_only", enable.credentialsOnly());
    } else if (work instanceof FleetTask.AuditFleet audit) {
      scope(json, audit.scope());
      audit.thenDelete().ifPresent(reason -> json.addProperty("then_delete_because", reason.text()));
    } else if (work instanceof FleetTask.DeleteCredentialsFleet delete) {
      scope(json, delete.scope());
      json.addProperty("audit", delete.audit().value());
    }
    return json.toString();
  }

  private static void scope(JsonObject json, FleetScope scope) {
    if (scope instanceof FleetScope.InOu ou) {
      json.addProperty("scope", "ou");
      json.addProperty("ou", ou.nameOrId());
    } else {
      json.addProperty("scope", "all");
    }
  }

  /** A root task as JSON: {@link #task(Work)} of the task in its account. */
  static String task(dev.rootbot.actions.task.RootTask task) {
    return task(Work.of(task));
  }

  static String kind(dev.rootbot.actions.task.RootTask task) {
    return kind(Work.of(task));
  }

  static Work task(String text) {
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    String kind = string(json, "kind");
    try {
      AccountId target = new AccountId(string(json, "target"));
      Optional<TaskKind> one = TaskKind.fromStoredName(kind);
      if (one.isPresent()) {
        return Work.of(one.get().read(target, json));
      }
      FleetKind fleet = FleetKind.fromStoredName(kind).orElseThrow(() ->
          new StoreFailure("unknown task kind \"" + kind + "\"; was it stored by a newer Rootbot?"));
      switch (fleet) {
        case ENABLE_ROOT_ACCESS:
          return new FleetTask.EnableRootAccess(target, json.has("credentials_only")
              && json.get("credentials_only").getAsBoolean());
        case AUDIT_FLEET:
          return new FleetTask.AuditFleet(target, scope(json), json.has("then_delete_because")
              ? Optional.of(new dev.rootbot.bot.request.Reason(string(json, "then_delete_because"))) : Optional.empty());
        default:
          return new FleetTask.DeleteCredentialsFleet(target, scope(json), RequestId.parse(string(json, "audit")));
      }
    } catch (IllegalArgumentException e) {
      throw new StoreFailure("a stored " + kind + " task cannot be read: " + e.getMessage(), e);
    }
  }

  private static FleetScope scope(JsonObject json) {
    String scope = string(json, "scope");
    if (scope.equals("all")) {
      return FleetScope.all();
    }
    if (scope.equals("ou")) {
      return FleetScope.ou(string(json, "ou"));
    }
    throw new StoreFailure("unknown fleet scope \"" + scope + "\"");
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
