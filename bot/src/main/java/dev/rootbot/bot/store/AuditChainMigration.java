package dev.rootbot.bot.store;

import dev.rootbot.bot.audit.AuditRecord;
import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.RequestRow;
import dev.rootbot.bot.request.RequestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 5: the audit log becomes a hash chain ({@code docs/audit-chain.md}), with {@code facts},
 * {@code prev_hash} and {@code hash} on every entry and {@code seq} written by Rootbot (no longer an identity).
 *
 * <p>The entries already there were written before the chain, so they cannot say what they established: they
 * are renumbered 1…N in the order they happened (time, then old seq, which a rolled-back insert left gaps in),
 * hashed with no facts ({@code {}}), and followed by one {@code sealed} entry per request that carries the
 * request's decisive facts as its row holds them at the upgrade: the baseline the rows are checked against from
 * then on. So every old entry is covered by the chain, and a row changed after the upgrade is caught.
 *
 * <p>In Java because the hashes are the chain's own ({@link Chain}), and because the table is rebuilt rather than
 * updated: the triggers refuse UPDATE, and SQLite cannot add NOT NULL columns or drop an identity otherwise. All
 * in the migration's one transaction.
 */
final class AuditChainMigration implements JavaMigration {
  static final int VERSION = 5;
  private static final String NEW_TABLE = "audit_log_chain";
  private static final int BATCH = 500;

  private final Dialect dialect;
  private final Clock clock;

  AuditChainMigration(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(Integer.toString(VERSION));
  }

  @Override
  public String getDescription() {
    return "audit chain";
  }

  @Override
  public Integer getChecksum() {
    return VERSION; // Flyway compares it at every start: this migration must never change once released
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    execute(connection, dialect == Dialect.SQLITE ? TABLE.formatted("INTEGER", "TEXT")
        : TABLE.formatted("BIGINT", "TIMESTAMPTZ"));
    Head head = chainOldEntries(connection);
    sealRequests(connection, head);
    execute(connection, dialect == Dialect.SQLITE ? SQLITE_SWAP : POSTGRES_SWAP);
  }

  /** Copies the old entries into the new table as entries 1…N; returns the head after them. */
  private Head chainOldEntries(Connection connection) throws SQLException {
    Head head = Head.EMPTY;
    try (PreparedStatement select = connection.prepareStatement(
            "SELECT at, request_id, actor, event, detail FROM audit_log ORDER BY at, seq");
        PreparedStatement insert = connection.prepareStatement(ChainRows.insertInto(NEW_TABLE))) {
      select.setFetchSize(BATCH);
      int batched = 0;
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          var record = new AuditRecord(head.seq() + 1, dialect.requiredInstant(row, "at"),
              Optional.ofNullable(row.getString("request_id")).map(RequestId::new), row.getString("actor"),
              row.getString("event"), row.getString("detail"), Facts.NONE);
          var entry = new ChainedEntry(record, head.hash(), Chain.hash(head.hash(), record));
          ChainRows.set(insert, entry, dialect);
          insert.addBatch();
          head = entry.head();
          if (++batched % BATCH == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    return head;
  }

  /** Appends one {@code sealed} entry per request, oldest first, with the facts its row holds now. */
  private void sealRequests(Connection connection, Head head) throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement select = connection.prepareStatement(
            "SELECT " + ChainRows.REQUEST_COLUMNS + " FROM requests ORDER BY created_at, id");
        PreparedStatement insert = connection.prepareStatement(ChainRows.insertInto(NEW_TABLE))) {
      select.setFetchSize(BATCH);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          RequestRow row = ChainRows.request(rows);
          ChainedEntry entry = Chain.next(head, now, Optional.of(new RequestId(row.id())), JdbcAuditLog.ROOTBOT,
              "sealed", "the request as its row stood when the audit log became a hash chain: " + row.state(),
              row.facts());
          ChainRows.set(insert, entry, dialect);
          insert.addBatch();
          head = entry.head();
        }
      }
      insert.executeBatch();
    }
  }

  private static void execute(Connection connection, String script) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : script.split(";\n")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }

  /** The new table, with the dialect's types for seq and time; facts is text, never jsonb, which would respace it. */
  private static final String TABLE = """
      CREATE TABLE audit_log_chain (
        seq        %1$s PRIMARY KEY CHECK (seq >= 1),
        at         %2$s NOT NULL,
        request_id TEXT,
        actor      TEXT NOT NULL,
        event      TEXT NOT NULL,
        detail     TEXT NOT NULL,
        facts      TEXT NOT NULL,
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
      )""";

  private static final String SQLITE_SWAP = """
      DROP TRIGGER IF EXISTS audit_log_no_update;
      DROP TRIGGER IF EXISTS audit_log_no_delete;
      DROP TABLE audit_log;
      ALTER TABLE audit_log_chain RENAME TO audit_log;
      CREATE INDEX audit_log_by_request ON audit_log (request_id, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      INSERT INTO rootbot_schema (version) VALUES (5)
      """;

  private static final String POSTGRES_SWAP = """
      DROP TABLE audit_log;
      ALTER TABLE audit_log_chain RENAME TO audit_log;
      ALTER TABLE audit_log RENAME CONSTRAINT audit_log_chain_pkey TO audit_log_pkey;
      ALTER TABLE audit_log RENAME CONSTRAINT audit_log_chain_seq_check TO audit_log_seq_check;
      CREATE INDEX audit_log_by_request ON audit_log (request_id, seq);
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
      INSERT INTO rootbot_schema (version) VALUES (5)
      """;
}
