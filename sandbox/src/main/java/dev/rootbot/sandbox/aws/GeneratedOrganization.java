package dev.rootbot.sandbox.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.wire.Json;
import dev.rootbot.sandbox.aws.wire.XmlWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The seed document of a generated organization of {@code members} member accounts: the same for the same
 * number, every time (IDs, names, places and credentials depend only on an account's index).
 *
 * <ul>
 *   <li>The management account and its caller key are the demo's: {@code 111111111111},
 *       {@code AKIASANDBOXMANAGEMNT}. Trusted access for IAM and both root access features are on.
 *   <li>Five top-level OUs ({@code Production}, {@code Staging}, {@code Development}, {@code Sandbox},
 *       {@code Security}), each with three team OUs ({@code payments-prod}, {@code data-prod},
 *       {@code platform-prod}, …), each with two regional OUs ({@code payments-prod-eu}, {@code payments-prod-us}):
 *       50 OUs, three levels deep.
 *   <li>Account {@code i} (from 0) has ID {@code 2} followed by {@code i + 1} in 11 digits ({@code 200000000001}
 *       first), sits in {@link #SLOTS} place {@code i % 51} (the five top-level OUs first, so that each gets an
 *       account once there are five), and is named after its place and number ({@code production-00001}).
 *   <li>Root credentials by {@code i % 20}, so every 20 consecutive accounts hold exactly: a password 8
 *       (40 %; 4 of them used to sign in), access keys 5 (25 %; one of them has two), a signing certificate 3
 *       (15 %), an MFA device 6 (30 %; one of them a hardware device), none at all 7 (35 %).
 *   <li>Every 50th account ({@code i % 50 == 49}) is {@code SUSPENDED}.
 *   <li>SCPs: {@code DenyRootUser} on {@code Sandbox} denies the root user without the {@code aws:AssumedRoot}
 *       exemption (root sessions there fail); {@code DenyRootUserExceptRootSessions} on {@code Production} has
 *       the exemption (root sessions there work).
 * </ul>
 */
final class GeneratedOrganization {
  static final int MAX_MEMBERS = 100_000;

  static final List<String> ENVIRONMENTS = List.of("Production", "Staging", "Development", "Sandbox", "Security");
  private static final List<String> SHORT = List.of("prod", "stg", "dev", "sbx", "sec");
  private static final List<String> TEAMS = List.of("payments", "data", "platform");
  private static final List<String> REGIONS = List.of("eu", "us");
  /** Where accounts go, in turn: the top-level OUs, the root, the team OUs, then the regional OUs (by name). */
  static final List<String> SLOTS = slots();

  static final Set<Integer> PASSWORD = Set.of(0, 1, 2, 3, 4, 5, 6, 7);
  /** Half the passwords were used to sign in: {@code i % 365} days before 2024-01-14. */
  static final int PASSWORD_USED_BELOW = 4;
  private static final Instant PASSWORD_LAST_USED = Instant.parse("2024-01-14T12:00:00Z");
  static final Set<Integer> ACCESS_KEYS = Set.of(0, 1, 2, 8, 9);
  static final int TWO_ACCESS_KEYS = 0;
  static final Set<Integer> SIGNING_CERTIFICATE = Set.of(0, 3, 10);
  static final Set<Integer> MFA_DEVICE = Set.of(0, 1, 4, 5, 11, 12);
  static final int HARDWARE_MFA = 12;
  static final int SUSPENDED_EVERY = 50;

  private static final String DENY_ROOT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyRootUser\","
      + "\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
      + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"}}}]}";
  private static final String DENY_ROOT_EXCEPT_SESSIONS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
      + "\"DenyRootUserExceptRootSessions\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
      + "\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::*:root\"},"
      + "\"Null\":{\"aws:AssumedRoot\":\"true\"}}}]}";

  private GeneratedOrganization() {}

  static JsonObject document(int members) {
    if (members < 1 || members > MAX_MEMBERS) {
      throw new IllegalArgumentException("a generated organization has 1 to " + MAX_MEMBERS
          + " member accounts, not " + members);
    }
    var units = new HashMap<String, JsonObject>();
    var tree = new JsonArray();
    for (int e = 0; e < ENVIRONMENTS.size(); e++) {
      JsonObject environment = unit(ENVIRONMENTS.get(e), units);
      tree.add(environment);
      for (String team : TEAMS) {
        String teamName = team + "-" + SHORT.get(e);
        JsonObject teamUnit = unit(teamName, units);
        environment.getAsJsonArray("organizationalUnits").add(teamUnit);
        for (String region : REGIONS) {
          teamUnit.getAsJsonArray("organizationalUnits").add(unit(teamName + "-" + region, units));
        }
      }
    }
    var underRoot = new JsonArray();
    var credentials = new JsonArray();
    for (int i = 0; i < members; i++) {
      String slot = SLOTS.get(i % SLOTS.size());
      String id = accountId(i);
      var account = new JsonObject();
      account.addProperty("id", id);
      account.addProperty("name", accountName(i));
      if (i % SUSPENDED_EVERY == SUSPENDED_EVERY - 1) {
        account.addProperty("status", "SUSPENDED");
      }
      (slot.equals("Root") ? underRoot : units.get(slot).getAsJsonArray("accounts")).add(account);
      rootCredentials(i, id).ifPresent(credentials::add);
    }

    var organization = new JsonObject();
    organization.addProperty("id", "o-generated01");
    organization.addProperty("featureSet", "ALL");
    organization.add("trustedServices", strings("iam.amazonaws.com"));
    organization.add("features", strings("RootCredentialsManagement", "RootSessions"));
    var management = new JsonObject();
    management.addProperty("id", "111111111111");
    management.addProperty("name", "management");
    organization.add("managementAccount", management);
    organization.add("accounts", underRoot);
    organization.add("organizationalUnits", tree);
    var policies = new JsonArray();
    policies.add(policy("DenyRootUser", "Denies the root user everything; lacks the aws:AssumedRoot exemption, "
        + "so root sessions fail", "Sandbox", DENY_ROOT));
    policies.add(policy("DenyRootUserExceptRootSessions", "Denies the root user everything except in root "
        + "sessions (the aws:AssumedRoot exemption)", "Production", DENY_ROOT_EXCEPT_SESSIONS));
    organization.add("serviceControlPolicies", policies);

    var caller = new JsonObject();
    caller.addProperty("account", "111111111111");
    caller.addProperty("userName", "rootbot");
    caller.addProperty("accessKeyId", "AKIASANDBOXMANAGEMNT");
    caller.addProperty("secretAccessKey", "sandbox-management-secret");
    var callers = new JsonArray();
    callers.add(caller);

    var seed = new JsonObject();
    seed.add("organization", organization);
    seed.add("callers", callers);
    seed.add("rootCredentials", credentials);
    return seed;
  }

  /** {@code 2} and {@code i + 1} in 11 digits: 200000000001 for the first account. */
  static String accountId(int i) {
    return String.format("2%011d", i + 1);
  }

  /** The account's place (lower case; {@code shared} under the root) and its number from 1, in 5 digits. */
  static String accountName(int i) {
    String slot = SLOTS.get(i % SLOTS.size());
    String place = slot.equals("Root") ? "shared" : slot.toLowerCase(Locale.ROOT);
    return String.format("%s-%05d", place, i + 1);
  }

  private static Optional<JsonObject> rootCredentials(int i, String id) {
    int kind = i % 20;
    var json = new JsonObject();
    json.addProperty("account", id);
    if (PASSWORD.contains(kind)) {
      json.addProperty("password", true);
      if (kind < PASSWORD_USED_BELOW) {
        json.addProperty("passwordLastUsed", XmlWriter.iso(PASSWORD_LAST_USED.minus(Duration.ofDays(i % 365))));
      }
    }
    if (ACCESS_KEYS.contains(kind)) {
      json.add("accessKeys", kind == TWO_ACCESS_KEYS
          ? strings("AKIA" + id + "RK01", "AKIA" + id + "RK02") : strings("AKIA" + id + "RK01"));
    }
    if (SIGNING_CERTIFICATE.contains(kind)) {
      json.add("signingCertificates", strings("GEN" + id + "ROOTSIGNINGCERT01"));
    }
    if (MFA_DEVICE.contains(kind)) {
      json.add("mfaDevices", strings(kind == HARDWARE_MFA
          ? "GAKT" + id : "arn:aws:iam::" + id + ":mfa/root-account-mfa-device"));
    }
    return json.size() == 1 ? Optional.empty() : Optional.of(json);
  }

  private static List<String> slots() {
    var slots = new ArrayList<String>(ENVIRONMENTS);
    slots.add("Root");
    for (String team : TEAMS) {
      SHORT.forEach(env -> slots.add(team + "-" + env));
    }
    for (String team : TEAMS) {
      for (String env : SHORT) {
        REGIONS.forEach(region -> slots.add(team + "-" + env + "-" + region));
      }
    }
    return List.copyOf(slots);
  }

  private static JsonObject unit(String name, Map<String, JsonObject> units) {
    var unit = new JsonObject();
    unit.addProperty("name", name);
    unit.add("accounts", new JsonArray());
    unit.add("organizationalUnits", new JsonArray());
    units.put(name, unit);
    return unit;
  }

  private static JsonObject policy(String name, String description, String target, String content) {
    var policy = new JsonObject();
    policy.addProperty("name", name);
    policy.addProperty("description", description);
    policy.add("targets", strings(target));
    policy.add("content", JsonParser.parseString(content));
    return policy;
  }

  private static JsonArray strings(String... values) {
    return Json.strings(List.of(values));
  }
}
