package dev.rootbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.bot.audit.AuditExport;
import dev.rootbot.bot.audit.AuditRecord;
import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.SampleRequests;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.store.ReplicaId;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code rootbot audit verify}, {@code export} and {@code evidence} against a store that an attacker with the table
 * owner's rights has changed around the triggers, on SQLite and PostgreSQL (the subclasses). The store holds ten
 * entries: a finished unlock (1 request, 2 approve, 3 start, 4 session, 5 backup, 6 succeed, 7 trail confirmed) and
 * a request to delete root credentials (8 request, 9 refused approve, 10 deny).
 */
abstract class AuditCommandContract {
  static final String MALLORY = "U0MALLORY";
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern LINE = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\",\"prev\":\"([0-9a-f]{64})\",");

  /** Moved a second ahead before each step, so that every entry has its own time. */
  private final MutableClock clock = new MutableClock();

  RootRequest unlock;
  RootRequest deletion;
  List<ChainedEntry> entries;

  /** {@code ROOTBOT_STORE} of a new, empty store. */
  abstract String newStore();

  /** A plain connection to it, as its owner. */
  abstract Connection raw() throws SQLException;

  /** What an attacker does first: take the triggers that refuse UPDATE and DELETE out of the way. */
  abstract void disableTriggers(Statement sql) throws SQLException;

  /** What an attacker does to insert a seq that is taken, or 0: drop the primary key and the check on seq. */
  abstract void dropSeqConstraints(Statement sql) throws SQLException;

  private String location;

  @BeforeEach
  void fillTheStore() {
    location = newStore();
    try (Store store = Store.open(location, clock)) {
      var me = new ReplicaId("replica-a");
      store.replicas().heartbeat(me);
      clock.advance(SECOND);
      unlock = store.requests().file(SampleRequests.asked());
      clock.advance(SECOND);
      store.requests().move(unlock.id(), Transition.approve(SampleRequests.BOB));
      clock.advance(SECOND);
      store.requests().claimNext(me, Report.NOTHING).orElseThrow();
      clock.advance(SECOND);
      store.requests().sessionStarted(unlock.id(), "ASIAROOTSESSION0001");
      clock.advance(SECOND);
      store.requests().keepBackup(unlock.id(), new Backup(Backup.Kind.BUCKET_POLICY, new AccountId("222222222222"),
          "payments-audit-logs", AwsRegion.US_EAST_1, new PolicyDocument("{\"Statement\":[{\"Effect\":\"Deny\"}]}")));
      clock.advance(SECOND);
      store.requests().finish(unlock.id(), me, Transition.succeed(Outcome.of("Removed the bucket policy.")),
          Report.NOTHING);
      clock.advance(SECOND);
      store.requests().trailConfirmed(unlock.id(), "3f6b1c5e-assume-root", new dev.rootbot.bot.store.Outgoing(
          dev.rootbot.bot.store.Outgoing.Kind.THREAD_REPLY, "confirmed"));
      clock.advance(SECOND);
      deletion = store.requests().file(new NewRequest(new DeleteRootCredentials(new AccountId("333333333333")),
          "prod-data", SampleRequests.ALICE, Origin.channel(SampleRequests.INCIDENTS),
          Optional.of(Reason.fromPlainText("SEC-12 the key leaked, café → “now”")), SampleRequests.TTL));
      clock.advance(SECOND);
      store.audit().refused(Optional.of(deletion.id()), SampleRequests.ALICE, "approve",
          "you asked for this, so someone else must approve it");
      clock.advance(SECOND);
      store.requests().move(deletion.id(), Transition.deny(SampleRequests.BOB, Outcome.of("not during the freeze")));
      entries = store.audit().read(chain -> {
        var all = new java.util.ArrayList<ChainedEntry>();
        chain.forEachRemaining(all::add);
        return all;
      });
    }
    assertThat(entries).extracting(e -> e.record().event()).containsExactly("request", "approve", "start", "session",
        "backup", "succeed", "trail confirmed", "request", "refused approve", "deny");
  }

  @AfterEach
  void dropTheStore() {
    dropStore();
  }

  void dropStore() {}

  @Test
  void an_untouched_store_verifies_with_exit_0_and_its_head() {
    Run run = audit("verify");

    assertThat(run.code).isZero();
    assertThat(run.out).isEqualTo("ok: 10 entries, head " + entries.get(9).hash() + "\n");
    assertThat(audit("verify", "--anchor", entries.get(4).hash() + ":5").code).isZero();
  }

  /** One thing an attacker does to the store, and the line verify must print first. */
  enum Tamper {
    CHANGE_AN_ENTRY("broken: entry 2 changed:"),
    DELETE_AN_ENTRY("broken: entry 5 missing:"),
    INSERT_A_BACKDATED_ENTRY_AT_SEQ_0("broken: entry 0 inserted:"),
    INSERT_A_BACKDATED_ENTRY_AT_A_TAKEN_SEQ("broken: entry 4 inserted:"),
    INSERT_A_BACKDATED_ENTRY_AT_THE_END("broken: entry 11 back-dated:"),
    EXCHANGE_TWO_ENTRIES("broken: entry 6 out of order:"),
    CHANGE_WHO_DECIDED("broken: entry 2 request differs:");

    final String verdict;

    Tamper(String verdict) {
      this.verdict = verdict;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Tamper.class)
  void verify_names_what_was_done_where_and_exits_1(Tamper tamper) throws SQLException {
    tamper(tamper);

    Run run = audit("verify");

    assertThat(run.code).as(run.out + run.err).isEqualTo(1);
    assertThat(run.out).startsWith(tamper.verdict).endsWith("\n").doesNotContain("Exception");
  }

  /** Does {@code tamper} to the store as its owner would, around the triggers. */
  void tamper(Tamper tamper) throws SQLException {
    try (Connection connection = raw(); Statement sql = connection.createStatement()) {
      disableTriggers(sql);
      switch (tamper) {
        case CHANGE_AN_ENTRY -> sql.executeUpdate("UPDATE audit_log SET actor = '" + MALLORY + "' WHERE seq = 2");
        case DELETE_AN_ENTRY -> sql.executeUpdate("DELETE FROM audit_log WHERE seq = 5");
        case INSERT_A_BACKDATED_ENTRY_AT_SEQ_0 -> {
          dropSeqConstraints(sql);
          insert(sql, forged(0, Head.EMPTY, entries.get(0).at().minusSeconds(3600)));
        }
        case INSERT_A_BACKDATED_ENTRY_AT_A_TAKEN_SEQ -> {
          dropSeqConstraints(sql);
          insert(sql, forged(4, entries.get(2).head(), entries.get(2).at()));
        }
        case INSERT_A_BACKDATED_ENTRY_AT_THE_END ->
            insert(sql, forged(11, entries.get(9).head(), entries.get(9).at().minusSeconds(3600)));
        case EXCHANGE_TWO_ENTRIES -> {
          sql.executeUpdate("UPDATE audit_log SET seq = 1000 WHERE seq = 6");
          sql.executeUpdate("UPDATE audit_log SET seq = 6 WHERE seq = 7");
          sql.executeUpdate("UPDATE audit_log SET seq = 7 WHERE seq = 1000");
        }
        case CHANGE_WHO_DECIDED -> sql.executeUpdate("UPDATE requests SET decided_by = '" + MALLORY + "' WHERE id = '"
            + unlock.id() + "'");
      }
    }
  }

  @Test
  void a_chain_rewritten_to_its_end_verifies_but_not_against_an_anchor_taken_before() throws SQLException {
    String anchor = entries.get(9).hash() + ":10";
    try (Connection connection = raw(); Statement sql = connection.createStatement()) {
      disableTriggers(sql);
      sql.executeUpdate("DELETE FROM audit_log WHERE seq = 10");
      ChainedEntry last = entries.get(9);
      AuditRecord record = last.record();
      insert(sql, Chain.next(entries.get(8).head(), record.at(), record.request(), MALLORY, record.event(),
          record.detail(), record.facts()));
    }

    assertThat(audit("verify").code).isZero();
    Run run = audit("verify", "--anchor", anchor);
    assertThat(run.code).isEqualTo(1);
    assertThat(run.out).startsWith("broken: entry 10 rewritten:");
  }

  @Test
  void the_json_lines_of_an_export_re_verify_as_a_chain_from_their_text_alone() throws Exception {
    Run run = audit("export");

    assertThat(run.code).isZero();
    List<String> lines = run.out.lines().toList();
    assertThat(lines).hasSize(10);
    String prev = sha256("rootbot audit chain v1");
    for (int n = 1; n <= lines.size(); n++) {
      String line = lines.get(n - 1);
      Matcher names = LINE.matcher(line);
      assertThat(names.find()).as(line).isTrue();
      String canonical = line.substring(0, names.start()) + "," + line.substring(names.end());
      assertThat(names.group(2)).as("prev of line %d", n).isEqualTo(prev);
      assertThat(sha256(prev + canonical)).as("hash of line %d", n).isEqualTo(names.group(1));
      assertThat(JsonParser.parseString(line).getAsJsonObject().get("seq").getAsLong()).isEqualTo(n);
      assertThat(line).matches("\\p{ASCII}+");
      prev = names.group(1);
    }
    assertThat(prev).isEqualTo(entries.get(9).hash());
  }

  @Test
  void a_csv_export_opens_with_its_header_and_keeps_the_stored_text() {
    Run run = audit("export", "--format", "csv", "--request", deletion.id().value());

    assertThat(run.code).isZero();
    assertThat(run.out).startsWith(AuditExport.CSV_HEADER + "\r\n");
    List<String> rows = List.of(run.out.split("\r\n"));
    assertThat(rows).hasSize(4); // the header and the request's three entries
    assertThat(rows.get(1)).startsWith("8,").contains(",request,", "café → “now”");
    assertThat(rows.get(3)).startsWith("10,").contains(",deny,", entries.get(9).hash());
  }

  @Test
  void an_export_selects_by_time_and_account() {
    String since = TEXT_TIME.format(entries.get(5).at());
    assertThat(audit("export", "--since", since).out.lines()).hasSize(5);
    assertThat(audit("export", "--until", since).out.lines()).hasSize(5);
    assertThat(audit("export", "--account", "333333333333").out.lines())
        .extracting(line -> JsonParser.parseString(line).getAsJsonObject().get("seq").getAsLong())
        .containsExactly(8L, 9L, 10L);
    assertThat(audit("export", "--until", "2026-11-30").out).isEmpty();
  }

  @Test
  void evidence_of_a_request_names_its_decisions_session_backup_and_confirmed_event_with_their_hashes() {
    Run run = audit("evidence", unlock.id().value());

    assertThat(run.code).as(run.err).isZero();
    var evidence = JsonParser.parseString(run.out).getAsJsonObject();
    assertThat(evidence.getAsJsonObject("request").get("id").getAsString()).isEqualTo(unlock.id().value());
    assertThat(evidence.getAsJsonArray("decisions").get(0).getAsJsonObject().get("by").getAsString())
        .isEqualTo("U0BOB");
    assertThat(evidence.getAsJsonArray("root_sessions").get(0).getAsJsonObject().get("access_key_id").getAsString())
        .isEqualTo("ASIAROOTSESSION0001");
    assertThat(evidence.getAsJsonObject("backup").get("policy").getAsString()).contains("Deny");
    assertThat(evidence.getAsJsonObject("backup").get("hash").getAsString()).isEqualTo(entries.get(4).hash());
    assertThat(evidence.getAsJsonObject("cloudtrail").getAsJsonArray("confirmed_events").get(0).getAsJsonObject()
        .getAsJsonObject("event").get("event_id").getAsString()).isEqualTo("3f6b1c5e-assume-root");
    assertThat(evidence.getAsJsonObject("chain").getAsJsonArray("entries")).hasSize(7);
  }

  @Test
  void evidence_of_an_unknown_request_and_bad_arguments_are_refused_clearly() {
    assertThat(audit("evidence", "r-nosuchreqq")).satisfies(run -> {
      assertThat(run.code).isEqualTo(1);
      assertThat(run.err).contains("no request r-nosuchreqq");
    });
    assertThat(audit("evidence", "nope").code).isEqualTo(2);
    assertThat(audit("verify", "--anchor", "abc:1")).satisfies(run -> {
      assertThat(run.code).isEqualTo(2);
      assertThat(run.err).contains("an anchor is the head hash");
    });
    assertThat(audit("export", "--format", "xml").err).contains("the export format is jsonl or csv");
    assertThat(audit("export", "--since", "yesterday").err).contains("a date is a day like 2026-12-01");
    assertThat(audit("frobnicate").err).contains("unknown audit command", "Usage: rootbot audit verify");
  }

  @Test
  void the_anchor_is_printed_when_there_is_no_alert_channel() {
    Run run = audit("anchor");

    assertThat(run.code).isZero();
    assertThat(run.out).startsWith("anchor: " + entries.get(9).hash() + ":10\n").contains("Not posted");
  }

  /** Inserts {@code entry} with the owner's rights, as stored by Rootbot but for its seq and time. */
  private static void insert(Statement sql, ChainedEntry entry) throws SQLException {
    AuditRecord r = entry.record();
    sql.executeUpdate("INSERT INTO audit_log (seq, at, request_id, actor, event, detail, facts, prev_hash, hash) VALUES ("
        + r.seq() + ", '" + TEXT_TIME.format(r.at()) + "', " + r.request().map(id -> "'" + id + "'").orElse("NULL")
        + ", '" + r.actor() + "', '" + r.event() + "', '" + r.detail() + "', '" + r.facts().json() + "', '"
        + entry.prev() + "', '" + entry.hash() + "')");
  }

  /** An approval Mallory makes up, hashed as the chain's definition says, after {@code head}. */
  private ChainedEntry forged(long seq, Head head, Instant at) {
    var record = new AuditRecord(seq, at, Optional.of(deletion.id()), MALLORY, "approve", "REQUESTED → APPROVED",
        Facts.NONE);
    return new ChainedEntry(record, head.hash(), Chain.hash(head.hash(), record));
  }

  record Run(int code, String out, String err) {}

  Run audit(String... args) {
    return audit(Map.of(), args);
  }

  /** The command with {@code ROOTBOT_STORE} and {@code more} in its environment. */
  Run audit(Map<String, String> more, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(more);
    env.put("ROOTBOT_STORE", location);
    int code = AuditCommand.run(args, env, clock, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
  }
}
