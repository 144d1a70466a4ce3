package dev.rootbot.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.trail.TrailLinks;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The evidence of a finished unlock: backup, session key, confirmed event, and the hashes that cover them. */
class EvidenceTest {
  private static final String POLICY = "{\"Statement\":[{\"Sid\":\"DenyEveryone\",\"Effect\":\"Deny\"}]}";

  @Test
  void the_evidence_of_a_finished_unlock_names_backup_session_key_and_confirmed_event_with_their_entries() {
    FakeAuditedStore store = SampleChain.store();
    List<ChainedEntry> entries = store.entries.stream()
        .filter(e -> e.record().request().equals(Optional.of(SampleChain.UNLOCK))).toList();

    JsonObject evidence = JsonParser.parseString(Evidence.document(finished(), entries, List.of(
        TrailLinks.sessionCalls(SampleChain.PAYMENTS, AwsRegion.US_EAST_1, SampleChain.KEY)))).getAsJsonObject();

    assertThat(evidence.getAsJsonObject("request").get("state").getAsString()).isEqualTo("SUCCEEDED");
    assertThat(evidence.getAsJsonObject("request").get("task_policy").getAsString())
        .isEqualTo("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy");
    JsonObject decision = evidence.getAsJsonArray("decisions").get(0).getAsJsonObject();
    assertThat(decision.get("decision").getAsString()).isEqualTo("approve");
    assertThat(decision.get("by").getAsString()).isEqualTo("U0BOB0000");
    assertCovers(decision, entries.get(1));
    JsonObject session = evidence.getAsJsonArray("root_sessions").get(0).getAsJsonObject();
    assertThat(session.get("access_key_id").getAsString()).isEqualTo(SampleChain.KEY);
    assertCovers(session, entries.get(3));
    JsonObject backup = evidence.getAsJsonObject("backup");
    assertThat(backup.get("policy").getAsString()).isEqualTo(POLICY);
    assertThat(backup.get("digest").getAsString()).isEqualTo(RequestFacts.digest(SampleChain.BACKUP));
    assertCovers(backup, entries.get(4));
    JsonObject outcome = evidence.getAsJsonObject("outcome");
    assertThat(outcome.getAsJsonArray("steps").get(0).getAsJsonObject().get("action").getAsString())
        .isEqualTo("s3:DeleteBucketPolicy");
    assertCovers(outcome, entries.get(5));
    JsonObject confirmed = evidence.getAsJsonObject("cloudtrail").getAsJsonArray("confirmed_events").get(0)
        .getAsJsonObject();
    assertThat(confirmed.getAsJsonObject("event").get("event_id").getAsString()).isEqualTo(SampleChain.EVENT_ID);
    assertCovers(confirmed, entries.get(6));
    assertThat(evidence.getAsJsonObject("cloudtrail").getAsJsonArray("links").get(0).getAsJsonObject().get("url")
        .getAsString()).contains("AccessKeyId=" + SampleChain.KEY);
  }

  @Test
  void the_entries_in_the_evidence_re_verify_one_by_one() {
    FakeAuditedStore store = SampleChain.store();
    List<ChainedEntry> entries = store.entries.subList(0, 7);

    JsonObject evidence = JsonParser.parseString(Evidence.document(finished(), entries, List.of())).getAsJsonObject();
    List<ChainedEntry> read = StreamSupport.stream(evidence.getAsJsonObject("chain").getAsJsonArray("entries")
        .spliterator(), false).map(JsonElement::toString).map(JsonLines::parse).toList();

    assertThat(read).isEqualTo(entries).allMatch(ChainedEntry::intact);
    assertThat(evidence.getAsJsonObject("chain").get("last_hash").getAsString()).isEqualTo(entries.get(6).hash());
  }

  @Test
  void a_preview_shows_its_fingerprint_and_its_root_session_among_the_sessions() {
    var store = new FakeAuditedStore();
    store.append(Optional.of(SampleChain.UNLOCK), "rootbot", "preview", "read the bucket policy: 1 statement",
        Facts.NONE.with(RequestFacts.FINGERPRINT, "sha256:1a2b3c4d").with(RequestFacts.PREVIEW_KEY, "ASIAPREVIEW000000001"));
    store.append(Optional.of(SampleChain.UNLOCK), "rootbot", "session", "root session started",
        RequestFacts.sessionStarted(SampleChain.KEY));

    JsonObject evidence = JsonParser.parseString(Evidence.document(finished(), store.entries, List.of())).getAsJsonObject();

    JsonObject preview = evidence.getAsJsonArray("previews").get(0).getAsJsonObject();
    assertThat(preview.get("fingerprint").getAsString()).isEqualTo("sha256:1a2b3c4d");
    assertCovers(preview, store.entries.get(0));
    assertThat(StreamSupport.stream(evidence.getAsJsonArray("root_sessions").spliterator(), false)
        .map(s -> s.getAsJsonObject().get("purpose").getAsString() + " " + s.getAsJsonObject().get("access_key_id").getAsString()))
        .containsExactly("preview ASIAPREVIEW000000001", "task " + SampleChain.KEY);
  }

  @Test
  void a_request_that_never_ran_has_no_backup_outcome_or_session() {
    RootRequest denied = RootRequest.requested(SampleChain.DENIED, SampleChain.asked(SampleChain.DATA, "data-lake-raw",
        SampleChain.CAROL), Instant.parse("2026-12-01T09:00:00Z")).after(Transition.deny(SampleChain.BOB, dev.rootbot.bot.request.Outcome.of("not during the freeze")),
        Instant.parse("2026-12-01T09:01:00Z"));
    List<ChainedEntry> entries = SampleChain.store().entries.subList(7, 10);

    JsonObject evidence = JsonParser.parseString(Evidence.document(denied, entries, List.of())).getAsJsonObject();

    assertThat(evidence.get("backup").isJsonNull()).isTrue();
    assertThat(evidence.get("outcome").toString()).contains("not during the freeze"); // a denial keeps its reason
    assertThat(evidence.getAsJsonArray("root_sessions")).isEmpty();
    assertThat(evidence.getAsJsonArray("decisions")).hasSize(1);
    assertThat(evidence.getAsJsonArray("decisions").get(0).getAsJsonObject().get("decision").getAsString()).isEqualTo("deny");
  }

  private static void assertCovers(JsonObject section, ChainedEntry entry) {
    assertThat(section.get("seq").getAsLong()).isEqualTo(entry.seq());
    assertThat(section.get("hash").getAsString()).isEqualTo(entry.hash());
  }

  /** Alice's unlock as the store reads it when it has succeeded. */
  private static RootRequest finished() {
    RootRequest asked = RootRequest.requested(SampleChain.UNLOCK, SampleChain.asked(SampleChain.PAYMENTS,
        "payments-audit-logs", SampleChain.ALICE), Instant.parse("2026-12-01T09:00:00Z"));
    RootRequest done = asked.after(Transition.approve(SampleChain.BOB), Instant.parse("2026-12-01T09:01:00Z"))
        .after(Transition.start(), Instant.parse("2026-12-01T09:01:01Z"))
        .after(Transition.succeed(new Outcome("Removed the bucket policy", List.of(new Outcome.Step("s3:DeleteBucketPolicy",
            "deleted")))), Instant.parse("2026-12-01T09:01:05Z"));
    Backup backup = new Backup(Backup.Kind.BUCKET_POLICY, SampleChain.PAYMENTS, "payments-audit-logs",
        AwsRegion.US_EAST_1, new PolicyDocument(POLICY));
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    return new RootRequest(done.id(), done.work(), done.accountName(), done.requester(), done.origin(), done.reason(),
        done.state(), done.createdAt(), done.expiresAt(), done.decidedBy(), done.decidedAt(), done.card(),
        done.startedAt(), Optional.of(SampleChain.KEY), Optional.of(backup), done.outcome(), done.finishedAt(),
        done.briefing(), done.restoreOf(), done.clearance());
  }
}
