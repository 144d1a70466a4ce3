package dev.rootbot.bot.store;

import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.RequestFacts;
import dev.rootbot.bot.audit.Verdict;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The audit chain's cost in the store, on SQLite or PostgreSQL: a store of 100,000 entries (finished unlocks, seven
 * entries and one request row each, as ChainBenchmark makes them) is filled in one transaction; then
 * {@code audit verify}'s read of it is timed, and appends are timed against the same write without the chain.
 *
 * <pre>
 *   bench/audit-store.sh            # both databases; prints medians
 * </pre>
 *
 * <p>"chained" is {@link JdbcAuditLog#append} in a {@link Database#writeAudited} transaction (on PostgreSQL the chain's
 * lock, then head read, canonical JSON, SHA-256, insert); "unchained" a transaction as they were before the chain,
 * inserting a row of the same size into a copy of the table, with no lock, no head read and no hashing.
 * Interleaved, so that machine noise hits both alike.
 */
public final class AuditStoreBench {
  static final int ENTRIES = 100_000;
  static final int APPENDS = 2_000;
  static final int VERIFIES = 5;
  private static final String[] STEPS = {"request", "approve", "start", "session", "backup", "succeed", "trail confirmed"};

  private AuditStoreBench() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "sqlite";
    Location location;
    Path folder = null;
    if (which.equals("sqlite")) {
      folder = Files.createTempDirectory("rootbot-bench");
      location = Location.parse("sqlite:" + folder.resolve("rootbot.db"));
    } else {
      location = Location.parse(args[1]);
    }
    Clock clock = Clock.systemUTC();
    JdbcStore.open(location, clock, 1).close(); // the schema
    try (var database = new Database(location, clock, 2)) {
      long started = System.nanoTime();
      fill(database);
      System.out.printf("%s: filled %,d entries in %.1f s%n", which, ENTRIES, (System.nanoTime() - started) / 1e9);
      var audit = new JdbcAuditLog(database);

      long[] verifies = new long[VERIFIES];
      for (int i = 0; i < VERIFIES; i++) {
        long t = System.nanoTime();
        Verdict verdict = audit.verify(Optional.empty());
        verifies[i] = System.nanoTime() - t;
        if (!(verdict instanceof Verdict.Intact)) {
          throw new IllegalStateException(verdict.line());
        }
      }
      System.out.printf("%s: audit verify of %,d entries and their requests: median %d ms (min %d, max %d)%n", which,
          ENTRIES, median(verifies) / 1_000_000, min(verifies) / 1_000_000, max(verifies) / 1_000_000);

      database.write(connection -> {
        try (Statement sql = connection.createStatement()) {
          sql.execute("CREATE TABLE audit_log_unchained AS SELECT * FROM audit_log WHERE 1 = 0");
        }
        return null;
      });
      long[] chained = new long[APPENDS];
      long[] unchained = new long[APPENDS];
      for (int i = 0; i < APPENDS; i++) {
        long t = System.nanoTime();
        database.writeAudited(connection -> audit.append(connection, database.now(), Optional.empty(), "U0CAROL00",
            "refused approve", "only people in ROOTBOT_APPROVERS can approve", Facts.NONE));
        chained[i] = System.nanoTime() - t;
        long seq = i + 1;
        t = System.nanoTime();
        database.write(connection -> { // a write transaction as it was before the chain: no lock, no head
          try (PreparedStatement insert = connection.prepareStatement(ChainRows.insertInto("audit_log_unchained"))) {
            ChainRows.set(insert, new ChainedEntry(new dev.rootbot.bot.audit.AuditRecord(seq, database.now(),
                Optional.empty(), "U0CAROL00", "refused approve", "only people in ROOTBOT_APPROVERS can approve",
                Facts.NONE), Chain.GENESIS, Chain.GENESIS), database.dialect());
            return insert.executeUpdate();
          }
        });
        unchained[i] = System.nanoTime() - t;
      }
      System.out.printf("%s: one audited write, median %d µs chained, %d µs unchained: the chain adds %d µs per entry"
              + " (p90 %d vs %d µs; %,d of each, interleaved, on a chain of %,d)%n", which, median(chained) / 1000,
          median(unchained) / 1000, (median(chained) - median(unchained)) / 1000, percentile(chained, 90) / 1000,
          percentile(unchained, 90) / 1000, APPENDS, ENTRIES);
    } finally {
      if (folder != null) {
        try (var files = Files.walk(folder)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** 14,285 finished unlocks of seven entries and their rows, then refusals up to ENTRIES, in one transaction. */
  private static void fill(Database database) {
    database.write(connection -> {
      Dialect dialect = database.dialect();
      UserId alice = new UserId("U0ALICE01");
      UserId bob = new UserId("U0BOB0000");
      String task = "{\"kind\":\"unlock_bucket\",\"target\":\"222222222222\",\"bucket\":\"payments-audit-logs\","
          + "\"region\":\"us-east-1\"}";
      String backup = "{\"kind\":\"BUCKET_POLICY\",\"account\":\"222222222222\",\"resource\":\"payments-audit-logs\","
          + "\"region\":\"us-east-1\",\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\"}";
      String outcome = "{\"text\":\"Removed the bucket policy of payments-audit-logs\",\"steps\":[]}";
      Head head = Head.EMPTY;
      Instant time = Instant.parse("2026-01-01T00:00:00Z");
      int written = 0;
      try (PreparedStatement entries = connection.prepareStatement(ChainRows.insertInto("audit_log"));
          PreparedStatement rows = connection.prepareStatement("INSERT INTO requests (id, task_kind, task, account_id,"
              + " account_name, requester, channel, reason, state, created_at, expires_at, decided_by, decided_at,"
              + " started_at, access_key_id, backup, outcome, finished_at)"
              + " VALUES (?, 'unlock_bucket', ?, '222222222222', 'prod-payments', ?, 'C0INCIDENT', ?, 'SUCCEEDED',"
              + " ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int n = 0; written + STEPS.length <= ENTRIES; n++) {
          RequestId id = new RequestId(String.format("r-%010d", n).replace('0', 'a').replace('1', 'b')
              .replace('2', 'c').replace('3', 'd').replace('4', 'e').replace('5', 'f').replace('6', 'g')
              .replace('7', 'h').replace('8', 'i').replace('9', 'j'));
          String key = "ASIAROOT" + String.format("%012d", n);
          String reason = "INC-" + n + " locked us out";
          Instant created = time;
          for (String step : STEPS) {
            time = time.plusMillis(1500);
            Facts facts = switch (step) {
              case "request" -> Facts.NONE.with(RequestFacts.REQUESTER, alice.value())
                  .with(RequestFacts.ACCOUNT, "222222222222").with(RequestFacts.TASK, RequestFacts.digest(task))
                  .with(RequestFacts.REASON, reason).with(RequestFacts.STATE, "REQUESTED");
              case "approve" -> RequestFacts.moved(State.REQUESTED, Transition.approve(bob), Optional.empty());
              case "start" -> RequestFacts.moved(State.APPROVED, Transition.start(), Optional.empty());
              case "session" -> RequestFacts.sessionStarted(key);
              case "backup" -> RequestFacts.backupKept(backup);
              case "succeed" -> RequestFacts.moved(State.RUNNING, Transition.succeed(Outcome.of("done")),
                  Optional.of(outcome));
              default -> RequestFacts.trailConfirmed(key, "0f3c5a3e-1b2d-4c5e-8f90-" + String.format("%012d", n));
            };
            String actor = step.equals("request") ? alice.value() : step.equals("approve") ? bob.value() : "rootbot";
            ChainedEntry entry = Chain.next(head, time, Optional.of(id), actor, step,
                "unlock bucket payments-audit-logs in prod-payments (222222222222): " + step, facts);
            ChainRows.set(entries, entry, dialect);
            entries.addBatch();
            head = entry.head();
            written++;
          }
          rows.setString(1, id.value());
          rows.setString(2, task);
          rows.setString(3, alice.value());
          rows.setString(4, reason);
          dialect.setInstant(rows, 5, created);
          dialect.setInstant(rows, 6, created.plusSeconds(1800));
          rows.setString(7, bob.value());
          dialect.setInstant(rows, 8, created);
          dialect.setInstant(rows, 9, created);
          rows.setString(10, key);
          rows.setString(11, backup);
          rows.setString(12, outcome);
          dialect.setInstant(rows, 13, time);
          rows.addBatch();
          if (n % 500 == 0) {
            entries.executeBatch();
            rows.executeBatch();
          }
        }
        while (written < ENTRIES) {
          time = time.plusMillis(1500);
          ChainedEntry entry = Chain.next(head, time, Optional.empty(), alice.value(), "refused request",
              "there is no account \"prod-paymnets\"", Facts.NONE);
          ChainRows.set(entries, entry, dialect);
          entries.addBatch();
          head = entry.head();
          written++;
        }
        entries.executeBatch();
        rows.executeBatch();
      }
      return null;
    });
  }

  private static long median(long[] values) {
    return percentile(values, 50);
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static long max(long[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
