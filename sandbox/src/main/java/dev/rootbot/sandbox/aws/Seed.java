package dev.rootbot.sandbox.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the simulated AWS starts with: the organization, the callers' access keys, buckets, queues and root
 * user credentials, as a JSON document (format and full example in {@code sandbox/README.md}).
 *
 * <p>Immutable and validated when made: a seed that AWS could not have (a 13-digit account, an SCP on a missing
 * OU) fails at once with a message saying what is wrong. The {@code with…} methods return changed copies:
 *
 * <pre>{@code
 * Seed seed = Seed.demo()
 *     .withCaller("555555555555", "rootbot", "AKIASANDBOXDELEGATED", "delegated-secret")
 *     .withDelegatedAdministrator("555555555555", "iam.amazonaws.com");
 * }</pre>
 */
public final class Seed {
  private final JsonObject document;

  private Seed(JsonObject document) {
    this.document = document;
    SeedLoader.load(document.deepCopy(), new SimulatedClock());
  }

  /**
   * The demo organization {@code o-exampleorg1} that other tools rely on: management account 111111111111
   * (caller key {@code AKIASANDBOXMANAGEMNT}), members 222222222222 and 333333333333 in OU Production,
   * 444444444444 in OU Sandbox under an SCP that denies the root user without the {@code aws:AssumedRoot}
   * exemption, 555555555555 under the root, two locked buckets, a locked queue, and root credentials in
   * 333333333333.
   */
  public static Seed demo() {
    try (InputStream in = Seed.class.getResourceAsStream("demo-organization.json")) {
      return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("the demo organization is missing from the jar", e);
    }
  }

  /**
   * A generated organization of {@code members} member accounts (1 to 100,000) over 50 nested OUs, the same
   * for the same number: the demo's management account and caller key, a fixed share of accounts with each
   * kind of root credential, every 50th account suspended, and OU {@code Sandbox} under an SCP that denies the
   * root user without the {@code aws:AssumedRoot} exemption. The layout and the shares are in
   * {@code sandbox/README.md} ("Generated organizations").
   */
  public static Seed generated(int members) {
    return new Seed(GeneratedOrganization.document(members));
  }

  /** Reads a seed, or fails with an {@link IllegalArgumentException} saying what is wrong with it. */
  public static Seed fromJson(String json) {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("seed: not valid JSON: " + e.getMessage(), e);
    }
    if (!parsed.isJsonObject()) {
      throw new IllegalArgumentException("seed: the document must be a JSON object");
    }
    return new Seed(parsed.getAsJsonObject());
  }

  public static Seed read(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read seed file " + file, e);
    }
  }

  /** Adds an IAM user with a long-term access key in {@code account}. */
  public Seed withCaller(String account, String userName, String accessKeyId, String secretAccessKey) {
    var caller = new JsonObject();
    caller.addProperty("account", account);
    caller.addProperty("userName", userName);
    caller.addProperty("accessKeyId", accessKeyId);
    caller.addProperty("secretAccessKey", secretAccessKey);
    return change(d -> list(d, "callers").add(caller));
  }

  /** Registers a member account as delegated administrator for a service, e.g. {@code iam.amazonaws.com}. */
  public Seed withDelegatedAdministrator(String account, String servicePrincipal) {
    var admin = new JsonObject();
    admin.addProperty("account", account);
    admin.addProperty("servicePrincipal", servicePrincipal);
    return change(d -> list(d.getAsJsonObject("organization"), "delegatedAdministrators").add(admin));
  }

  /** Replaces the enabled IAM organization features ({@code RootCredentialsManagement}, {@code RootSessions}). */
  public Seed withFeatures(String... features) {
    return change(d -> d.getAsJsonObject("organization").add("features", Json.strings(List.of(features))));
  }

  /**
   * The same organization with nothing of centralized root access enabled: no trusted access for any service
   * and neither IAM feature, as before anyone ran {@code /root enable}. The seed document then has
   * {@code "trustedServices": []} and {@code "features": []}.
   */
  public Seed withNothingEnabled() {
    return change(d -> {
      d.getAsJsonObject("organization").add("trustedServices", new JsonArray());
      d.getAsJsonObject("organization").add("features", new JsonArray());
    });
  }

  /** Replaces the service principals with trusted access, e.g. none to see root access unconfigured. */
  public Seed withTrustedServices(String... servicePrincipals) {
    return change(d -> d.getAsJsonObject("organization")
        .add("trustedServices", Json.strings(List.of(servicePrincipals))));
  }

  /** Sets an account's status: {@code ACTIVE}, {@code SUSPENDED} or {@code PENDING_CLOSURE}. */
  public Seed withAccountStatus(String account, String status) {
    return change(d -> {
      JsonObject found = findAccount(d.getAsJsonObject("organization"), account);
      if (found == null) {
        throw new IllegalArgumentException("seed: no account " + account);
      }
      found.addProperty("status", status);
    });
  }

  /** Adds an SCP attached to {@code target}: "Root", an OU's name or ID, or an account ID. */
  public Seed withServiceControlPolicy(String name, String target, String policyJson) {
    var scp = new JsonObject();
    scp.addProperty("name", name);
    scp.add("targets", Json.strings(List.of(target)));
    scp.addProperty("content", policyJson);
    return change(d -> list(d.getAsJsonObject("organization"), "serviceControlPolicies").add(scp));
  }

  /** Adds a bucket, with a policy or none ({@code null}). */
  public Seed withBucket(String account, String name, String region, String policyJson) {
    return change(d -> list(d, "buckets").add(resource(account, name, region, policyJson)));
  }

  /** Adds a queue, with a policy or none ({@code null}). */
  public Seed withQueue(String account, String name, String region, String policyJson) {
    return change(d -> list(d, "queues").add(resource(account, name, region, policyJson)));
  }

  /** The seed as a JSON document, in the format {@link #fromJson} reads. */
  public String toJson() {
    return Json.GSON.newBuilder().setPrettyPrinting().create().toJson(document);
  }

  World build(SimulatedClock clock) {
    return SeedLoader.load(document.deepCopy(), clock);
  }

  private Seed change(Consumer<JsonObject> edit) {
    JsonObject copy = document.deepCopy();
    edit.accept(copy);
    return new Seed(copy);
  }

  private static JsonObject resource(String account, String name, String region, String policyJson) {
    var resource = new JsonObject();
    resource.addProperty("account", account);
    resource.addProperty("name", name);
    resource.addProperty("region", region);
    if (policyJson != null) {
      resource.addProperty("policy", policyJson);
    }
    return resource;
  }

  private static JsonArray list(JsonObject holder, String name) {
    if (!holder.has(name) || !holder.get(name).isJsonArray()) {
      holder.add(name, new JsonArray());
    }
    return holder.getAsJsonArray(name);
  }

  private static JsonObject findAccount(JsonObject holder, String account) {
    if (holder.has("managementAccount") && account.equals(text(holder.getAsJsonObject("managementAccount")))) {
      return holder.getAsJsonObject("managementAccount");
    }
    for (String list : new String[] {"accounts", "organizationalUnits"}) {
      if (!holder.has(list)) {
        continue;
      }
      for (JsonElement item : holder.getAsJsonArray(list)) {
        JsonObject object = item.getAsJsonObject();
        if (list.equals("accounts") && account.equals(text(object))) {
          return object;
        }
        if (list.equals("organizationalUnits")) {
          JsonObject found = findAccount(object, account);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static String text(JsonObject account) {
    return account.has("id") ? account.get("id").getAsString() : "";
  }

  @Override
  public String toString() {
    return "Seed[" + document.getAsJsonObject("organization").get("id") + "]";
  }
}
