package dev.rootbot.actions.fleet;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How a fleet deletion ended in one account: what is true in AWS there, in words, and the root session's access key
 * ID, which ties its calls together in CloudTrail.
 *
 * @param reason why it failed or why its outcome is unknown; empty when it deleted or skipped
 * @param accessKeyId the root session's key; empty when none was opened (or a resumed run cannot know it)
 */
public record AccountDeletion(
    TargetAccount account,
    Status status,
    String headline,
    Optional<TaskFailure.Reason> reason,
    Optional<String> accessKeyId,
    Instant finishedAt) {

  /** What is true in AWS for one account. */
  public enum Status {
    /** The audited credentials are gone, as a read in the same root session showed. */
    DELETED,
    /** The account's credentials are not what the audit saw, so nothing was deleted: audit it again. */
    CHANGED_SINCE_AUDIT,
    /** Nothing, or not all, was deleted; the headline says which. */
    FAILED,
    /** Whether anything was deleted cannot be known (an answer was lost, or Rootbot stopped mid-account). */
    UNKNOWN
  }

  public AccountDeletion {
    boolean explained = status == Status.FAILED || status == Status.UNKNOWN;
    if (reason.isPresent() != explained) {
      throw new IllegalArgumentException("a " + status + " outcome " + (explained ? "needs" : "has no") + " a reason");
    }
  }

  /** The stored form, one JSON object; {@link #fromJson} reads it back. Field names are stored data: never rename one. */
  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("account_id", account.id().value());
    json.addProperty("account_name", account.name());
    json.addProperty("ou_path", account.ouPath());
    json.addProperty("status", status.name());
    json.addProperty("headline", headline);
    reason.ifPresent(r -> json.addProperty("reason", r.name()));
    accessKeyId.ifPresent(k -> json.addProperty("session_access_key_id", k));
    json.addProperty("finished_at", finishedAt.toString());
    return json.toString();
  }

  /** Reads what {@link #toJson} wrote; throws {@link InvalidInput} for anything else. */
  public static AccountDeletion fromJson(String stored) {
    try {
      JsonObject json = JsonParser.parseString(stored).getAsJsonObject();
      return new AccountDeletion(new TargetAccount(new AccountId(text(json, "account_id")), text(json, "account_name"),
          text(json, "ou_path")), Status.valueOf(text(json, "status")), text(json, "headline"),
          optional(json, "reason").map(TaskFailure.Reason::valueOf), optional(json, "session_access_key_id"),
          Instant.parse(text(json, "finished_at")));
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | DateTimeParseException
        | IllegalArgumentException e) {
      if (e instanceof InvalidInput) {
        throw (InvalidInput) e;
      }
      throw new InvalidInput("a stored account deletion is the JSON that AccountDeletion.toJson writes; this one is"
          + " not (" + e.getMessage() + ")");
    }
  }

  private static Optional<String> optional(JsonObject json, String name) {
    JsonElement value = json.get(name);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value.getAsString());
  }

  private static String text(JsonObject json, String name) {
    return optional(json, name).orElseThrow(() -> new InvalidInput("a stored account deletion has no \"" + name + "\""));
  }
}
