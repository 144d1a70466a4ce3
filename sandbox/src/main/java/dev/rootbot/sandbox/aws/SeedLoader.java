package dev.rootbot.sandbox.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.rootbot.sandbox.aws.cloudtrail.Trail;
import dev.rootbot.sandbox.aws.iam.RootUsers;
import dev.rootbot.sandbox.aws.identity.IamUser;
import dev.rootbot.sandbox.aws.identity.Identities;
import dev.rootbot.sandbox.aws.organizations.Account;
import dev.rootbot.sandbox.aws.organizations.AccountStatus;
import dev.rootbot.sandbox.aws.organizations.DelegatedAdministrator;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.organizations.OrganizationalUnit;
import dev.rootbot.sandbox.aws.organizations.ServiceControlPolicy;
import dev.rootbot.sandbox.aws.policy.PolicyDocument;
import dev.rootbot.sandbox.aws.s3.Buckets;
import dev.rootbot.sandbox.aws.sigv4.SigV4;
import dev.rootbot.sandbox.aws.sqs.Queues;
import dev.rootbot.sandbox.aws.wire.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link World} from a seed document, refusing anything AWS would not allow (a 13-digit account, a
 * bucket name with capitals, an SCP targeting an OU that does not exist) with a message naming the problem.
 *
 * <p>The format is documented, with a full example, in {@code sandbox/README.md}.
 */
final class SeedLoader {
  /** When seeded accounts joined the organization, unless the seed says otherwise. */
  static final Instant SEEDED = Instant.parse("2024-01-15T09:00:00Z");

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
  private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
  private static final Pattern UNIT_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
  private static final Pattern POLICY_ID = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,75}(\\.fifo)?");
  private static final Pattern LONG_TERM_KEY = Pattern.compile("AKIA[A-Z0-9]{12,124}");

  private final JsonObject seed;
  private final SimulatedClock clock;
  private String rootId;
  private final List<Account> accounts = new ArrayList<>();
  private final List<OrganizationalUnit> units = new ArrayList<>();

  private SeedLoader(JsonObject seed, SimulatedClock clock) {
    this.seed = seed;
    this.clock = clock;
  }

  static World load(JsonObject seed, SimulatedClock clock) {
    return new SeedLoader(seed, clock).load();
  }

  private World load() {
    only(seed, "seed", "organization", "callers", "buckets", "queues", "rootCredentials");
    Organization organization = organization(object(seed, "organization", "seed"));
    var identities = new Identities(clock);
    for (JsonObject caller : objects(seed, "callers")) {
      only(caller, "caller", "account", "userName", "accessKeyId", "secretAccessKey");
      String account = existing(organization, text(caller, "account", "caller"));
      String key = matching(text(caller, "accessKeyId", "caller"), LONG_TERM_KEY,
          "a caller's accessKeyId is a long-term key: AKIA followed by at least 12 capitals or digits");
      try {
        identities.register(new IamUser(account, optional(caller, "userName").orElse("rootbot"), key,
            text(caller, "secretAccessKey", "caller " + key)));
      } catch (IllegalArgumentException e) {
        throw problem(e.getMessage());
      }
    }
    var buckets = new Buckets(clock);
    for (JsonObject bucket : objects(seed, "buckets")) {
      only(bucket, "bucket", "account", "name", "region", "policy");
      String name = matching(text(bucket, "name", "bucket"), BUCKET, "bucket names are 3-63 lower-case letters, "
          + "digits, dots and hyphens");
      try {
        buckets.create(existing(organization, text(bucket, "account", name)), name, region(bucket, name));
        policyOf(bucket, name).ifPresent(p -> buckets.setPolicy(text(bucket, "account", name), name, p));
      } catch (IllegalArgumentException e) {
        throw problem(e.getMessage());
      }
    }
    var queues = new Queues(clock);
    for (JsonObject queue : objects(seed, "queues")) {
      only(queue, "queue", "account", "name", "region", "policy");
      String name = matching(text(queue, "name", "queue"), QUEUE, "queue names are up to 80 letters, digits, "
          + "hyphens and underscores");
      String account = existing(organization, text(queue, "account", name));
      try {
        queues.create(account, name, region(queue, name));
        policyOf(queue, name).ifPresent(p -> queues.setPolicy(account, name, p));
      } catch (IllegalArgumentException e) {
        throw problem(e.getMessage());
      }
    }
    var rootUsers = new RootUsers();
    organization.accounts().forEach(a -> rootUsers.add(a.id(), a.joined()));
    for (JsonObject root : objects(seed, "rootCredentials")) {
      only(root, "rootCredentials", "account", "password", "passwordLastUsed", "accessKeys", "signingCertificates",
          "mfaDevices");
      String account = existing(organization, text(root, "account", "rootCredentials"));
      if (root.has("password") && root.get("password").getAsBoolean()) {
        rootUsers.givePassword(account, SEEDED);
      }
      optional(root, "passwordLastUsed").ifPresent(used -> rootUsers.passwordUsed(account, instant(used, account)));
      strings(root, "accessKeys").forEach(k -> rootUsers.giveAccessKey(account, k, SEEDED));
      strings(root, "signingCertificates").forEach(c -> rootUsers.giveSigningCertificate(account, c,
          certificate(c), SEEDED));
      strings(root, "mfaDevices").forEach(serial -> rootUsers.giveMfaDevice(account, serial, SEEDED));
    }
    return new World(clock, organization, identities, rootUsers, buckets, queues, new Trail(clock));
  }

  private Organization organization(JsonObject org) {
    only(org, "organization", "id", "rootId", "featureSet", "trustedServices", "features", "managementAccount",
        "accounts", "organizationalUnits", "delegatedAdministrators", "serviceControlPolicies");
    String id = matching(optional(org, "id").orElse("o-exampleorg1"), ORGANIZATION_ID,
        "an organization ID is o- followed by 10 to 32 lower-case letters or digits");
    rootId = matching(optional(org, "rootId").orElse("r-" + id.substring(2, 6)), ROOT_ID,
        "a root ID is r- followed by 4 to 32 lower-case letters or digits");
    String featureSet = optional(org, "featureSet").orElse("ALL");
    if (!featureSet.equals("ALL") && !featureSet.equals("CONSOLIDATED_BILLING")) {
      throw problem("featureSet is ALL or CONSOLIDATED_BILLING, not " + featureSet);
    }
    Account management = account(object(org, "managementAccount", "organization"), rootId, "INVITED");
    accounts.add(management);
    objects(org, "accounts").forEach(a -> accounts.add(account(a, rootId, "CREATED")));
    for (JsonObject unit : objects(org, "organizationalUnits")) {
      unit(unit, rootId, "");
    }
    var ids = new LinkedHashSet<String>();
    accounts.forEach(a -> {
      if (!ids.add(a.id())) {
        throw problem("account " + a.id() + " appears twice");
      }
    });

    List<DelegatedAdministrator> delegated = new ArrayList<>();
    for (JsonObject admin : objects(org, "delegatedAdministrators")) {
      only(admin, "delegatedAdministrator", "account", "servicePrincipal");
      String account = text(admin, "account", "delegatedAdministrator");
      if (!ids.contains(account) || account.equals(management.id())) {
        throw problem("a delegated administrator must be a member account, and " + account + " is not");
      }
      delegated.add(new DelegatedAdministrator(account, text(admin, "servicePrincipal", account), SEEDED));
    }

    List<ServiceControlPolicy> policies = new ArrayList<>();
    var everywhere = new ArrayList<String>();
    everywhere.add(rootId);
    units.forEach(u -> everywhere.add(u.id()));
    accounts.forEach(a -> everywhere.add(a.id()));
    policies.add(ServiceControlPolicy.fullAwsAccess(everywhere));
    for (JsonObject scp : objects(org, "serviceControlPolicies")) {
      policies.add(serviceControlPolicy(scp));
    }

    Map<String, Instant> trusted = new LinkedHashMap<>();
    strings(org, "trustedServices").forEach(s -> trusted.put(s, SEEDED));
    Set<String> features = new LinkedHashSet<>(strings(org, "features"));
    features.forEach(f -> {
      if (!Organization.FEATURES.contains(f)) {
        throw problem("unknown feature " + f + "; the features are " + Organization.FEATURES);
      }
    });
    return new Organization(id, featureSet, management.id(), rootId, accounts, units, policies, delegated,
        trusted, features);
  }

  private void unit(JsonObject unit, String parentId, String parentPath) {
    only(unit, "organizationalUnit", "id", "name", "accounts", "organizationalUnits");
    String name = text(unit, "name", "organizationalUnit");
    String path = parentPath + "/" + name;
    String id = matching(optional(unit, "id").orElseGet(() -> "ou-" + rootId.substring(2) + "-" + hash(path, 8)),
        UNIT_ID, "an OU ID looks like ou-abcd-12345678");
    if (units.stream().anyMatch(u -> u.id().equals(id) || (u.parentId().equals(parentId) && u.name().equals(name)))) {
      throw problem("OU " + path + " appears twice");
    }
    units.add(new OrganizationalUnit(id, name, parentId));
    objects(unit, "accounts").forEach(a -> accounts.add(account(a, id, "CREATED")));
    for (JsonObject child : objects(unit, "organizationalUnits")) {
      unit(child, id, path);
    }
  }

  private Account account(JsonObject account, String parentId, String joinedMethod) {
    only(account, "account", "id", "name", "email", "status", "joined");
    String id = matching(text(account, "id", "account"), ACCOUNT, "an account ID is 12 digits");
    String name = text(account, "name", id);
    AccountStatus status;
    try {
      status = AccountStatus.valueOf(optional(account, "status").orElse("ACTIVE"));
    } catch (IllegalArgumentException e) {
      throw problem("account " + id + " has status " + account.get("status") + "; a status is one of "
          + Arrays.toString(AccountStatus.values()));
    }
    Instant joined = optional(account, "joined").map(Instant::parse).orElse(SEEDED);
    return new Account(id, name, optional(account, "email").orElse("aws-" + name + "@example.com"), status,
        parentId, joinedMethod, joined);
  }

  private ServiceControlPolicy serviceControlPolicy(JsonObject scp) {
    only(scp, "serviceControlPolicy", "id", "name", "description", "targets", "content");
    String name = text(scp, "name", "serviceControlPolicy");
    String id = matching(optional(scp, "id").orElseGet(() -> "p-" + hash(name, 8)), POLICY_ID,
        "a policy ID is p- followed by at least 8 letters, digits or underscores");
    PolicyDocument document = policy(scp.get("content"), "SCP " + name)
        .orElseThrow(() -> problem("SCP " + name + " needs a content"));
    if (!document.unsupportedOperators().isEmpty()) {
      throw problem("SCP " + name + " uses condition operators the sandbox cannot evaluate: "
          + document.unsupportedOperators());
    }
    List<String> targets = strings(scp, "targets").stream().map(t -> target(t, name)).toList();
    return new ServiceControlPolicy(id, name, optional(scp, "description").orElse(""), document, false, targets);
  }

  /** "Root", the root ID, an OU's ID or (unique) name, or an account ID. */
  private String target(String target, String policy) {
    if (target.equals("Root") || target.equals(rootId)) {
      return rootId;
    }
    if (accounts.stream().anyMatch(a -> a.id().equals(target))) {
      return target;
    }
    List<OrganizationalUnit> named = units.stream()
        .filter(u -> u.id().equals(target) || u.name().equals(target)).toList();
    if (named.size() != 1) {
      throw problem("SCP " + policy + " targets '" + target + "', which is " + (named.isEmpty()
          ? "not Root, an OU or an account of the organization" : "the name of several OUs; use the OU's ID"));
    }
    return named.get(0).id();
  }

  private static Optional<String> policyOf(JsonObject holder, String owner) {
    return policy(holder.get("policy"), owner).map(PolicyDocument::json);
  }

  /** A policy given as a JSON object or as a string holding one. */
  private static Optional<PolicyDocument> policy(JsonElement element, String owner) {
    if (element == null || element.isJsonNull()) {
      return Optional.empty();
    }
    String text = element.isJsonPrimitive() ? element.getAsString() : Json.write(element);
    try {
      return Optional.of(PolicyDocument.parse(text));
    } catch (IllegalArgumentException e) {
      throw problem("the policy of " + owner + " is not valid: " + e.getMessage());
    }
  }

  private static String region(JsonObject holder, String owner) {
    return matching(text(holder, "region", owner), REGION, "a region looks like us-east-1");
  }

  private static String existing(Organization organization, String account) {
    if (organization.account(account).isEmpty()) {
      throw problem("account " + account + " is not in the organization");
    }
    return account;
  }

  private static Instant instant(String text, String owner) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(owner + ": '" + text + "' is not a time like 2024-01-15T09:00:00Z");
    }
  }

  private static String certificate(String id) {
    return "-----BEGIN CERTIFICATE-----\nMIIBsandbox" + id + "\n-----END CERTIFICATE-----";
  }

  private static String hash(String text, int length) {
    return SigV4.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, length);
  }

  private static void only(JsonObject object, String what, String... allowed) {
    Set<String> known = Set.of(allowed);
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        throw problem(what + " has an unknown field '" + key + "'; its fields are " + Arrays.toString(allowed));
      }
    }
  }

  private static JsonObject object(JsonObject holder, String name, String owner) {
    JsonElement element = holder.get(name);
    if (element == null || !element.isJsonObject()) {
      throw problem(owner + " needs an object '" + name + "'");
    }
    return element.getAsJsonObject();
  }

  private static List<JsonObject> objects(JsonObject holder, String name) {
    JsonElement element = holder.get(name);
    if (element == null || element.isJsonNull()) {
      return List.of();
    }
    if (!element.isJsonArray()) {
      throw problem("'" + name + "' must be a list");
    }
    var objects = new ArrayList<JsonObject>();
    for (JsonElement item : element.getAsJsonArray()) {
      if (!item.isJsonObject()) {
        throw problem("each of '" + name + "' must be an object");
      }
      objects.add(item.getAsJsonObject());
    }
    return objects;
  }

  private static List<String> strings(JsonObject holder, String name) {
    JsonElement element = holder.get(name);
    if (element == null || element.isJsonNull()) {
      return List.of();
    }
    if (!element.isJsonArray()) {
      throw problem("'" + name + "' must be a list of strings");
    }
    JsonArray array = element.getAsJsonArray();
    var strings = new ArrayList<String>();
    array.forEach(e -> strings.add(e.getAsString()));
    return strings;
  }

  private static String text(JsonObject holder, String name, String owner) {
    return optional(holder, name).filter(s -> !s.isEmpty())
        .orElseThrow(() -> problem(owner + " needs a '" + name + "'"));
  }

  private static Optional<String> optional(JsonObject holder, String name) {
    JsonElement element = holder.get(name);
    return element == null || element.isJsonNull() ? Optional.empty() : Optional.of(element.getAsString());
  }

  private static String matching(String value, Pattern pattern, String rule) {
    if (!pattern.matcher(value).matches()) {
      throw problem("'" + value + "' is not valid: " + rule);
    }
    return value;
  }

  private static IllegalArgumentException problem(String message) {
    return new IllegalArgumentException("seed: " + message);
  }
}
