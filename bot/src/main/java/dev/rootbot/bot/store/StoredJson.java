package dev.rootbot.bot.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RestoreBucketPolicy;
import dev.rootbot.actions.task.RestoreQueuePolicy;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.task.UnlockQueue;
import dev.rootbot.bot.request.Outcome;
import java.util.ArrayList;
import java.util.Optional;

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
    if (task instanceof UnlockBucket) {
      return "unlock_bucket";
    } else if (task instanceof RestoreBucketPolicy) {
      return "restore_bucket_policy";
    } else if (task instanceof UnlockQueue) {
      return "unlock_queue";
    } else if (task instanceof RestoreQueuePolicy) {
      return "restore_queue_policy";
    } else if (task instanceof AuditRootCredentials) {
      return "audit_root_credentials";
    } else if (task instanceof DeleteRootCredentials) {
      return "delete_root_credentials";
    } else if (task instanceof AllowPasswordRecovery) {
      return "allow_password_recovery";
    }
    throw new StoreFailure("no stored form for task " + task.getClass().getName());
  }

  static String task(RootTask task) {
    var json = new JsonObject();
    json.addProperty("kind", kind(task));
    json.addProperty("target", task.target().value());
    if (task instanceof UnlockBucket t) {
      bucket(json, t.bucket(), t.region());
    } else if (task instanceof RestoreBucketPolicy t) {
      bucket(json, t.bucket(), t.region());
      json.addProperty("saved", t.saved().json());
    } else if (task instanceof UnlockQueue t) {
      queue(json, t.queue(), t.region());
    } else if (task instanceof RestoreQueuePolicy t) {
      queue(json, t.queue(), t.region());
      json.addProperty("saved", t.saved().json());
    }
    return json.toString();
  }

  static RootTask task(String text) {
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    AccountId target = new AccountId(string(json, "target"));
    String kind = string(json, "kind");
    return switch (kind) {
      case "unlock_bucket" -> new UnlockBucket(target, BucketName.of(string(json, "bucket")), region(json));
      case "restore_bucket_policy" -> new RestoreBucketPolicy(target, BucketName.of(string(json, "bucket")),
          region(json), new PolicyDocument(string(json, "saved")));
      case "unlock_queue" -> new UnlockQueue(target, queue(json.getAsJsonObject("queue")), region(json));
      case "restore_queue_policy" -> new RestoreQueuePolicy(target, queue(json.getAsJsonObject("queue")),
          region(json), new PolicyDocument(string(json, "saved")));
      case "audit_root_credentials" -> new AuditRootCredentials(target);
      case "delete_root_credentials" -> new DeleteRootCredentials(target);
      case "allow_password_recovery" -> new AllowPasswordRecovery(target);
      default -> throw new StoreFailure("unknown task kind \"" + kind + "\"; was it stored by a newer Rootbot?");
    };
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

  private static void bucket(JsonObject json, BucketName bucket, AwsRegion region) {
    json.addProperty("bucket", bucket.value());
    json.addProperty("region", region.code());
  }

  private static void queue(JsonObject json, QueueRef queue, AwsRegion region) {
    var ref = new JsonObject();
    ref.addProperty("name", queue.name());
    queue.owner().ifPresent(owner -> ref.addProperty("owner", owner.value()));
    queue.region().ifPresent(r -> ref.addProperty("region", r.code()));
    json.add("queue", ref);
    json.addProperty("region", region.code());
  }

  private static QueueRef queue(JsonObject json) {
    return new QueueRef(string(json, "name"),
        Optional.ofNullable(json.get("owner")).map(JsonElement::getAsString).map(AccountId::new),
        Optional.ofNullable(json.get("region")).map(JsonElement::getAsString).map(AwsRegion::new));
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
