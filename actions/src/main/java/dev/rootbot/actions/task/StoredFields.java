package dev.rootbot.actions.task;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * The stored form of the fields that several tasks share (a bucket, a queue, a region, a saved policy), so
 * that each task writes and reads its own fields in the same words. The names are stored data: never rename.
 */
final class StoredFields {
  private StoredFields() {}

  static JsonObject bucket(BucketName bucket, AwsRegion region) {
    var json = new JsonObject();
    json.addProperty("bucket", bucket.value());
    json.addProperty("region", region.code());
    return json;
  }

  static JsonObject queue(QueueRef queue, AwsRegion region) {
    var ref = new JsonObject();
    ref.addProperty("name", queue.name());
    queue.owner().ifPresent(owner -> ref.addProperty("owner", owner.value()));
    queue.region().ifPresent(r -> ref.addProperty("region", r.code()));
    var json = new JsonObject();
    json.add("queue", ref);
    json.addProperty("region", region.code());
    return json;
  }

  static JsonObject withSaved(JsonObject json, PolicyDocument saved) {
    json.addProperty("saved", saved.json());
    return json;
  }

  static BucketName bucket(JsonObject json) {
    return BucketName.of(string(json, "bucket"));
  }

  static QueueRef queue(JsonObject json) {
    JsonElement ref = json.get("queue");
    if (ref == null || !ref.isJsonObject()) {
      throw new InvalidInput("a stored queue task has no \"queue\"");
    }
    JsonObject queue = ref.getAsJsonObject();
    return new QueueRef(string(queue, "name"), optional(queue, "owner").map(AccountId::new),
        optional(queue, "region").map(AwsRegion::new));
  }

  static AwsRegion region(JsonObject json) {
    return new AwsRegion(string(json, "region"));
  }

  static PolicyDocument saved(JsonObject json) {
    return new PolicyDocument(string(json, "saved"));
  }

  private static Optional<String> optional(JsonObject json, String field) {
    JsonElement value = json.get(field);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value.getAsString());
  }

  private static String string(JsonObject json, String field) {
    return optional(json, field).orElseThrow(() -> new InvalidInput("a stored task has no \"" + field + "\""));
  }
}
