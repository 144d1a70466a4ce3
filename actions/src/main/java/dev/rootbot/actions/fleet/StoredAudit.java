package dev.rootbot.actions.fleet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.Fingerprint;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored JSON of an {@link AccountAudit}: every field, instants in ISO-8601, absent values left out. */
final class StoredAudit {
  private StoredAudit() {}

  static String write(AccountAudit audit) {
    JsonObject json = new JsonObject();
    json.add("account", account(audit.account()));
    json.addProperty("audited_at", audit.auditedAt().toString());
    audit.accessKeyId().ifPresent(key -> json.addProperty("session_access_key_id", key));
    audit.fingerprint().ifPresent(f -> json.addProperty("fingerprint", f.sha256()));
    audit.credentials().ifPresent(c -> json.add("credentials", credentials(c)));
    audit.failure().ifPresent(f -> {
      JsonObject failure = new JsonObject();
      failure.addProperty("reason", f.reason().name());
      failure.addProperty("explanation", f.explanation());
      f.blockedBy().ifPresent(b -> failure.addProperty("blocked_by", b));
      json.add("failure", failure);
    });
    return json.toString();
  }

  static AccountAudit read(String stored) {
    try {
      JsonObject json = JsonParser.parseString(stored).getAsJsonObject();
      JsonObject account = field(json, "account").getAsJsonObject();
      TargetAccount target = new TargetAccount(new AccountId(field(account, "id").getAsString()),
          field(account, "name").getAsString(), field(account, "ou_path").getAsString());
      Optional<RootCredentials> credentials = optional(json, "credentials").map(c -> credentials(c.getAsJsonObject()));
      Optional<AccountAudit.Failure> failure = optional(json, "failure").map(JsonElement::getAsJsonObject)
          .map(f -> new AccountAudit.Failure(TaskFailure.Reason.valueOf(field(f, "reason").getAsString()),
              field(f, "explanation").getAsString(), optional(f, "blocked_by").map(JsonElement::getAsString)));
      return new AccountAudit(target, credentials,
          optional(json, "fingerprint").map(f -> new Fingerprint(f.getAsString())), failure,
          optional(json, "session_access_key_id").map(JsonElement::getAsString),
          Instant.parse(field(json, "audited_at").getAsString()));
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | DateTimeParseException
        | IllegalArgumentException e) {
      if (e instanceof InvalidInput) {
        throw (InvalidInput) e;
      }
      throw new InvalidInput("a stored account audit is the JSON that AccountAudit.toJson writes; this one is not ("
          + e.getMessage() + ")");
    }
  }

  private static JsonObject account(TargetAccount account) {
    JsonObject json = new JsonObject();
    json.addProperty("id", account.id().value());
    json.addProperty("name", account.name());
    json.addProperty("ou_path", account.ouPath());
    return json;
  }

  private static JsonObject credentials(RootCredentials c) {
    JsonObject json = new JsonObject();
    c.password().ifPresent(p -> {
      JsonObject password = new JsonObject();
      p.created().ifPresent(t -> password.addProperty("created", t.toString()));
      p.lastUsed().ifPresent(t -> password.addProperty("last_used", t.toString()));
      json.add("password", password);
    });
    JsonArray keys = new JsonArray();
    for (RootCredentials.AccessKey k : c.accessKeys()) {
      JsonObject key = new JsonObject();
      key.addProperty("id", k.id());
      key.addProperty("status", k.status());
      k.created().ifPresent(t -> key.addProperty("created", t.toString()));
      k.lastUsed().ifPresent(t -> key.addProperty("last_used", t.toString()));
      k.lastService().ifPresent(s -> key.addProperty("last_service", s));
      keys.add(key);
    }
    json.add("access_keys", keys);
    JsonArray certificates = new JsonArray();
    for (RootCredentials.SigningCertificate s : c.signingCertificates()) {
      JsonObject certificate = new JsonObject();
      certificate.addProperty("id", s.id());
      certificate.addProperty("status", s.status());
      s.uploaded().ifPresent(t -> certificate.addProperty("uploaded", t.toString()));
      certificates.add(certificate);
    }
    json.add("signing_certificates", certificates);
    JsonArray devices = new JsonArray();
    for (RootCredentials.MfaDevice d : c.mfaDevices()) {
      JsonObject device = new JsonObject();
      device.addProperty("serial_number", d.serialNumber());
      d.enabled().ifPresent(t -> device.addProperty("enabled", t.toString()));
      devices.add(device);
    }
    json.add("mfa_devices", devices);
    return json;
  }

  private static RootCredentials credentials(JsonObject json) {
    Optional<RootCredentials.Password> password = optional(json, "password").map(JsonElement::getAsJsonObject)
        .map(p -> new RootCredentials.Password(instant(p, "created"), instant(p, "last_used")));
    List<RootCredentials.AccessKey> keys = new ArrayList<>();
    for (JsonElement e : field(json, "access_keys").getAsJsonArray()) {
      JsonObject k = e.getAsJsonObject();
      keys.add(new RootCredentials.AccessKey(field(k, "id").getAsString(), field(k, "status").getAsString(),
          instant(k, "created"), instant(k, "last_used"), optional(k, "last_service").map(JsonElement::getAsString)));
    }
    List<RootCredentials.SigningCertificate> certificates = new ArrayList<>();
    for (JsonElement e : field(json, "signing_certificates").getAsJsonArray()) {
      JsonObject s = e.getAsJsonObject();
      certificates.add(new RootCredentials.SigningCertificate(field(s, "id").getAsString(),
          field(s, "status").getAsString(), instant(s, "uploaded")));
    }
    List<RootCredentials.MfaDevice> devices = new ArrayList<>();
    for (JsonElement e : field(json, "mfa_devices").getAsJsonArray()) {
      JsonObject d = e.getAsJsonObject();
      devices.add(new RootCredentials.MfaDevice(field(d, "serial_number").getAsString(), instant(d, "enabled")));
    }
    return new RootCredentials(password, keys, certificates, devices, Map.of());
  }

  private static Optional<Instant> instant(JsonObject json, String name) {
    return optional(json, name).map(e -> Instant.parse(e.getAsString()));
  }

  private static Optional<JsonElement> optional(JsonObject json, String name) {
    JsonElement value = json.get(name);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
  }

  private static JsonElement field(JsonObject json, String name) {
    return optional(json, name).orElseThrow(() -> new InvalidInput("a stored account audit has no \"" + name + "\""));
  }
}
