package dev.rootbot.sandbox.aws;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.rootbot.sandbox.aws.cloudtrail.TrailEvent;
import dev.rootbot.sandbox.aws.iam.RootCredentials;
import dev.rootbot.sandbox.aws.identity.RootSession;
import dev.rootbot.sandbox.aws.organizations.Account;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.organizations.OrganizationalUnit;
import dev.rootbot.sandbox.aws.organizations.ServiceControlPolicy;
import dev.rootbot.sandbox.aws.s3.Bucket;
import dev.rootbot.sandbox.aws.sqs.Queue;
import dev.rootbot.sandbox.aws.wire.Json;
import dev.rootbot.sandbox.aws.wire.XmlWriter;
import java.util.Collection;
import java.util.Optional;

/**
 * The unsigned JSON views a browser page or a benchmark reads: {@code /_sandbox/state} (the organization and
 * everything in it), {@code /_sandbox/events?after=N} (CloudTrail events in recording order) and
 * {@code /_sandbox/limits} (the rate limits, the latency and the throttled counts). Shapes are documented in
 * {@code sandbox/README.md}. No secret ever appears in them.
 */
final class Inspection {
  private final World world;
  private final Limits limits;
  private final Latency latency;

  Inspection(World world, Limits limits, Latency latency) {
    this.world = world;
    this.limits = limits;
    this.latency = latency;
  }

  String limits() {
    return Json.write(limitsJson());
  }

  private JsonObject limitsJson() {
    var rules = new JsonArray();
    for (Limit limit : limits.all()) {
      var rule = new JsonObject();
      rule.addProperty("operation", limit.operation());
      rule.addProperty("perSecond", limit.perSecond());
      rule.addProperty("perAccount", limit.perAccount());
      rule.addProperty("burst", limit.burst());
      rules.add(rule);
    }
    var throttled = new JsonObject();
    limits.throttledByAction().forEach(throttled::addProperty);
    var json = new JsonObject();
    json.add("limits", rules);
    json.add("throttled", throttled);
    json.addProperty("throttledTotal", limits.throttled());
    json.addProperty("latencyMs", latency.get().toMillis());
    return json;
  }

  String state() {
    Organization org = world.organization();
    var organization = new JsonObject();
    organization.addProperty("id", org.id());
    organization.addProperty("arn", org.arn());
    organization.addProperty("featureSet", org.featureSet());
    organization.add("features", Json.strings(org.features()));
    organization.add("trustedServices", Json.strings(org.trustedServices().keySet()));
    var delegated = new JsonArray();
    org.delegatedAdministrators().forEach(d -> {
      var admin = new JsonObject();
      admin.addProperty("account", d.accountId());
      admin.addProperty("servicePrincipal", d.servicePrincipal());
      delegated.add(admin);
    });
    organization.add("delegatedAdministrators", delegated);

    var root = new JsonObject();
    root.addProperty("id", org.rootId());
    root.add("accounts", accounts(org.accountsUnder(org.rootId()).stream()
        .filter(a -> !org.isManagement(a.id())).toList()));
    root.add("organizationalUnits", units(org.rootId()));

    var state = new JsonObject();
    state.add("organization", organization);
    state.add("managementAccount", account(org.managementAccount()));
    state.add("root", root);
    state.add("serviceControlPolicies", policies());
    state.add("sessions", sessions());
    state.addProperty("clock", XmlWriter.iso(world.clock().instant()));
    state.addProperty("deliveryDelaySeconds", world.trail().deliveryDelay().toSeconds());
    state.add("limits", limitsJson());
    return Json.write(state);
  }

  String events(long after) {
    var events = new JsonArray();
    long last = after;
    for (TrailEvent e : world.trail().after(after)) {
      var event = new JsonObject();
      event.addProperty("sequence", e.sequence());
      event.addProperty("account", e.account());
      event.addProperty("region", e.region());
      event.addProperty("eventSource", e.eventSource());
      event.addProperty("eventName", e.eventName());
      event.addProperty("eventTime", XmlWriter.iso(e.eventTime()));
      event.addProperty("accessKeyId", e.accessKeyId());
      event.addProperty("userIdentityType", e.userIdentityType());
      event.addProperty("readOnly", e.readOnly());
      event.add("errorCode", e.errorCode().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
      event.add("event", JsonParser.parseString(e.json()));
      events.add(event);
      last = e.sequence();
    }
    var body = new JsonObject();
    body.add("events", events);
    body.addProperty("lastSequence", last);
    return Json.write(body);
  }

  private JsonArray units(String parentId) {
    Organization org = world.organization();
    var units = new JsonArray();
    for (OrganizationalUnit unit : org.unitsUnder(parentId)) {
      var json = new JsonObject();
      json.addProperty("id", unit.id());
      json.addProperty("name", unit.name());
      json.add("accounts", accounts(org.accountsUnder(unit.id())));
      json.add("organizationalUnits", units(unit.id()));
      units.add(json);
    }
    return units;
  }

  private JsonArray accounts(Collection<Account> accounts) {
    var list = new JsonArray();
    accounts.forEach(a -> list.add(account(a)));
    return list;
  }

  private JsonObject account(Account account) {
    var json = new JsonObject();
    json.addProperty("id", account.id());
    json.addProperty("name", account.name());
    json.addProperty("email", account.email());
    json.addProperty("status", account.status().name());
    var buckets = new JsonArray();
    for (Bucket bucket : world.buckets().in(account.id())) {
      var b = new JsonObject();
      b.addProperty("name", bucket.name());
      b.addProperty("region", bucket.region());
      b.add("policy", text(bucket.policy()));
      buckets.add(b);
    }
    json.add("buckets", buckets);
    var queues = new JsonArray();
    for (Queue queue : world.queues().in(account.id())) {
      var q = new JsonObject();
      q.addProperty("name", queue.name());
      q.addProperty("region", queue.region());
      q.addProperty("url", queue.url());
      q.add("policy", text(queue.policy()));
      queues.add(q);
    }
    json.add("queues", queues);
    RootCredentials root = world.rootUsers().credentials(account.id());
    var credentials = new JsonObject();
    credentials.addProperty("password", root.hasPassword());
    credentials.add("accessKeys", Json.strings(root.accessKeys()));
    credentials.add("signingCertificates", Json.strings(root.signingCertificates()));
    credentials.add("mfaDevices", Json.strings(root.mfaDevices()));
    credentials.add("virtualMfaDevices", Json.strings(root.virtualMfaDevices()));
    json.add("rootCredentials", credentials);
    return json;
  }

  private JsonArray policies() {
    Organization org = world.organization();
    var policies = new JsonArray();
    for (ServiceControlPolicy policy : org.policies()) {
      var json = new JsonObject();
      json.addProperty("id", policy.id());
      json.addProperty("name", policy.name());
      json.addProperty("description", policy.description());
      json.addProperty("awsManaged", policy.awsManaged());
      json.addProperty("content", policy.document().json());
      var targets = new JsonArray();
      for (String target : policy.targets()) {
        var t = new JsonObject();
        t.addProperty("id", target);
        if (target.equals(org.rootId())) {
          t.addProperty("type", "ROOT");
          t.addProperty("name", "Root");
        } else if (org.unit(target).isPresent()) {
          t.addProperty("type", "ORGANIZATIONAL_UNIT");
          t.addProperty("name", org.unit(target).get().name());
        } else {
          t.addProperty("type", "ACCOUNT");
          t.addProperty("name", org.account(target).map(Account::name).orElse(target));
        }
        targets.add(t);
      }
      json.add("targets", targets);
      policies.add(json);
    }
    return policies;
  }

  private JsonArray sessions() {
    var sessions = new JsonArray();
    for (RootSession session : world.identities().sessions()) {
      var json = new JsonObject();
      json.addProperty("accessKeyId", session.accessKeyId());
      json.addProperty("account", session.account());
      json.addProperty("taskPolicy", session.taskPolicy().policyName());
      json.addProperty("issuedTo", session.issuer().arn());
      json.addProperty("issuedAt", XmlWriter.iso(session.issuedAt()));
      json.addProperty("expiration", XmlWriter.iso(session.expiration()));
      json.addProperty("expired", session.expiredAt(world.clock().instant()));
      sessions.add(json);
    }
    return sessions;
  }

  private static JsonElement text(Optional<String> value) {
    return value.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE);
  }
}
