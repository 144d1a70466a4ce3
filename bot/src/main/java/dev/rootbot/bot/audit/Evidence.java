package dev.rootbot.bot.audit;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.trail.TrailLink;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RootRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence of one request for an auditor, as one JSON document: the request, every decision (who, when,
 * rule), previews and their fingerprints, every root session's access key ID, the backup, the steps and
 * outcome, CloudTrail links and confirmed event IDs, and for each the seq and hash of the chain entry that
 * covers it; the request's entries follow in full, as in an export, so each hash can be recomputed. Made
 * from the request as the store reads it and the request's entries in seq order.
 */
public final class Evidence {
  /** The events that decide a request; {@code approval} is one approval of several a quorum needs. */
  static final Set<String> DECISIONS = Set.of("approval", "approve", "deny", "cancel", "expire");

  private Evidence() {}

  public static String document(RootRequest request, List<ChainedEntry> entries, List<TrailLink> links) {
    var json = new JsonObject();
    json.addProperty("evidence", "rootbot request evidence v1");
    json.add("request", request(request));
    var decisions = new JsonArray();
    var previews = new JsonArray();
    var sessions = new JsonArray();
    var confirmed = new JsonArray();
    for (ChainedEntry entry : entries) {
      AuditRecord record = entry.record();
      Facts facts = record.facts();
      if (DECISIONS.contains(record.event())) {
        JsonObject decision = covered(entry);
        decision.addProperty("decision", record.event());
        decision.addProperty("by", record.actor());
        facts.text(RequestFacts.RULE).ifPresent(rule -> decision.addProperty("rule", rule));
        decision.addProperty("detail", record.detail());
        decisions.add(decision);
      }
      facts.text(RequestFacts.FINGERPRINT).ifPresent(fingerprint -> {
        JsonObject preview = covered(entry);
        preview.addProperty("fingerprint", fingerprint);
        facts.text(RequestFacts.PREVIEW_KEY).ifPresent(key -> preview.addProperty("access_key_id", key));
        preview.addProperty("detail", record.detail());
        previews.add(preview);
      });
      for (String key : List.of(RequestFacts.PREVIEW_KEY, RequestFacts.ACCESS_KEY_ID)) {
        facts.text(key).ifPresent(id -> {
          JsonObject session = covered(entry);
          session.addProperty("access_key_id", id);
          session.addProperty("purpose", key.equals(RequestFacts.PREVIEW_KEY) ? "preview" : "task");
          sessions.add(session);
        });
      }
      facts.get(RequestFacts.TRAIL_EVENTS).filter(Fact.Items.class::isInstance)
          .ifPresent(items -> ((Fact.Items) items).values().forEach(item -> {
            JsonObject event = covered(entry);
            event.add("event", JsonParser.parseString(CanonicalJson.json(item)));
            confirmed.add(event);
          }));
    }
    json.add("decisions", decisions);
    json.add("previews", previews);
    json.add("root_sessions", sessions);
    json.add("backup", request.backup().map(b -> backup(b, entries)).orElse(JsonNull.INSTANCE));
    json.add("outcome", request.outcome().map(o -> outcome(o, entries)).orElse(JsonNull.INSTANCE));
    var trail = new JsonObject();
    var linkArray = new JsonArray();
    for (TrailLink link : links) {
      var item = new JsonObject();
      item.addProperty("label", link.label());
      item.addProperty("url", link.url().toString());
      linkArray.add(item);
    }
    trail.add("links", linkArray);
    trail.add("confirmed_events", confirmed);
    json.add("cloudtrail", trail);
    json.add("chain", chain(entries));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(json) + "\n";
  }

  private static JsonObject request(RootRequest request) {
    var json = new JsonObject();
    json.addProperty("id", request.id().value());
    json.addProperty("task", request.work().summary());
    json.addProperty("task_policy", request.work().policy().map(p -> p.arn()).orElse("none (the bot's own role)"));
    json.addProperty("account_id", request.work().account().value());
    json.addProperty("account_name", request.accountName());
    json.addProperty("requester", request.requester().value());
    json.addProperty("reason", request.reason().map(r -> r.text()).orElse(null));
    json.addProperty("channel", request.origin().channel().value());
    json.addProperty("thread_ts", request.origin().thread().map(MessageTs::value).orElse(null));
    json.addProperty("state", request.state().name());
    json.addProperty("created_at", time(Optional.of(request.createdAt())));
    json.addProperty("expires_at", time(Optional.of(request.expiresAt())));
    json.addProperty("decided_by", request.decidedBy().map(u -> u.value()).orElse(null));
    json.addProperty("decided_at", time(request.decidedAt()));
    json.addProperty("started_at", time(request.startedAt()));
    json.addProperty("finished_at", time(request.finishedAt()));
    return json;
  }

  private static JsonElement backup(Backup backup, List<ChainedEntry> entries) {
    JsonObject json = coveredBy(entries, RequestFacts.BACKUP);
    json.addProperty("kind", backup.kind().name().toLowerCase(Locale.ROOT));
    json.addProperty("account_id", backup.account().value());
    json.addProperty("resource", backup.resource());
    json.addProperty("region", backup.region().code());
    json.addProperty("policy", backup.policy().json());
    return json;
  }

  private static JsonElement outcome(Outcome outcome, List<ChainedEntry> entries) {
    JsonObject json = coveredBy(entries, RequestFacts.OUTCOME);
    json.addProperty("text", outcome.text());
    var steps = new JsonArray();
    for (Outcome.Step step : outcome.steps()) {
      var item = new JsonObject();
      item.addProperty("action", step.action());
      item.addProperty("detail", step.detail());
      steps.add(item);
    }
    json.add("steps", steps);
    return json;
  }

  /** The seq and hash of the last entry that set {@code fact}, and its digest; empty when none did. */
  private static JsonObject coveredBy(List<ChainedEntry> entries, String fact) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Optional<String> digest = entries.get(i).record().facts().text(fact);
      if (digest.isPresent()) {
        JsonObject json = covered(entries.get(i));
        json.addProperty("digest", digest.get());
        return json;
      }
    }
    var json = new JsonObject();
    json.addProperty("covered_by", "no entry of the chain");
    return json;
  }

  private static JsonObject covered(ChainedEntry entry) {
    var json = new JsonObject();
    json.addProperty("seq", entry.seq());
    json.addProperty("hash", entry.hash());
    json.addProperty("at", CanonicalJson.time(entry.at()));
    return json;
  }

  private static JsonObject chain(List<ChainedEntry> entries) {
    var json = new JsonObject();
    var all = new JsonArray();
    for (ChainedEntry entry : entries) {
      all.add(JsonParser.parseString(JsonLines.line(entry)));
    }
    json.add("entries", all);
    if (!entries.isEmpty()) {
      ChainedEntry last = entries.get(entries.size() - 1);
      json.addProperty("last_seq", last.seq());
      json.addProperty("last_hash", last.hash());
    }
    return json;
  }

  private static String time(Optional<Instant> at) {
    return at.map(CanonicalJson::time).orElse(null);
  }
}
