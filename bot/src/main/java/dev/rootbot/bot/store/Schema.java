package dev.rootbot.bot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables, created when missing. Safe to run at every start and from several replicas at once.
 *
 * <p>The audit log is append-only in the database itself: a trigger refuses every UPDATE and DELETE
 * (and, in PostgreSQL, TRUNCATE), so neither a bug nor a stray script can rewrite history.
 */
final class Schema {
  /** The schema this code reads and writes; a store with a higher version is refused, not guessed at. */
  static final int VERSION = 1;

  private static final String APPEND_ONLY = "the audit log is append-only";

  private Schema() {}

  static void create(Database database) {
    Dialect dialect = database.dialect();
    database.write(connection -> {
      try (Statement statement = connection.createStatement()) {
        if (dialect == Dialect.POSTGRES) {
          // Two replicas starting together would otherwise race on CREATE TABLE IF NOT EXISTS.
          statement.execute("SELECT pg_advisory_xact_lock(7242351)");
        }
        for (String sql : statements(dialect)) {
          statement.execute(sql);
        }
        checkVersion(statement);
      }
      return null;
    });
  }

  private static void checkVersion(Statement statement) throws SQLException {
    int found;
    try (ResultSet row = statement.executeQuery("SELECT max(version) FROM rootbot_schema")) {
      row.next();
      found = row.getInt(1);
    }
    if (found == 0) {
      statement.execute("INSERT INTO rootbot_schema (version) VALUES (" + VERSION + ")");
    } else if (found > VERSION) {
      throw new StoreFailure("the store has schema version " + found + ", written by a newer Rootbot; this one"
          + " knows version " + VERSION + " and will not touch it");
    }
  }

  static List<String> statements(Dialect dialect) {
    String time = dialect == Dialect.SQLITE ? "TEXT" : "TIMESTAMPTZ";
    String serial = dialect == Dialect.SQLITE
        ? "INTEGER PRIMARY KEY AUTOINCREMENT"
        : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    var sql = new ArrayList<String>();
    sql.add("CREATE TABLE IF NOT EXISTS rootbot_schema (version INTEGER NOT NULL)");
    sql.add("""
        CREATE TABLE IF NOT EXISTS requests (
          id            TEXT PRIMARY KEY,
          task_kind     TEXT NOT NULL,
          task          TEXT NOT NULL,
          account_id    TEXT NOT NULL,
          account_name  TEXT NOT NULL,
          requester     TEXT NOT NULL,
          channel       TEXT NOT NULL,
          thread_ts     TEXT,
          reason        TEXT,
          state         TEXT NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'RUNNING', 'SUCCEEDED', 'FAILED',
                                                       'DENIED', 'CANCELLED', 'EXPIRED', 'UNKNOWN')),
          created_at    %1$s NOT NULL,
          expires_at    %1$s NOT NULL,
          decided_by    TEXT,
          decided_at    %1$s,
          card_ts       TEXT,
          started_at    %1$s,
          access_key_id TEXT,
          backup        TEXT,
          outcome       TEXT,
          finished_at   %1$s
        )""".formatted(time));
    sql.add("CREATE INDEX IF NOT EXISTS requests_by_state ON requests (state, expires_at)");
    sql.add("""
        CREATE TABLE IF NOT EXISTS audit_log (
          seq        %2$s,
          at         %1$s NOT NULL,
          request_id TEXT,
          actor      TEXT NOT NULL,
          event      TEXT NOT NULL,
          detail     TEXT NOT NULL
        )""".formatted(time, serial));
    sql.add("CREATE INDEX IF NOT EXISTS audit_log_by_request ON audit_log (request_id, seq)");
    sql.add("""
        CREATE TABLE IF NOT EXISTS outbox (
          id          %2$s,
          request_id  TEXT NOT NULL REFERENCES requests (id),
          kind        TEXT NOT NULL,
          body        TEXT NOT NULL,
          enqueued_at %1$s NOT NULL,
          not_before  %1$s NOT NULL,
          attempts    INTEGER NOT NULL DEFAULT 0,
          last_error  TEXT,
          done_at     %1$s,
          gave_up     TEXT
        )""".formatted(time, serial));
    sql.add("CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (request_id, id) WHERE done_at IS NULL");
    sql.add("CREATE TABLE IF NOT EXISTS seen_events (event_id TEXT PRIMARY KEY, seen_at %s NOT NULL)".formatted(time));
    sql.add("CREATE INDEX IF NOT EXISTS seen_events_by_age ON seen_events (seen_at)");
    sql.addAll(dialect == Dialect.SQLITE ? sqliteAppendOnly() : postgresAppendOnly());
    return sql;
  }

  private static List<String> sqliteAppendOnly() {
    return List.of(
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log"
            + " BEGIN SELECT RAISE(ABORT, '" + APPEND_ONLY + "'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log"
            + " BEGIN SELECT RAISE(ABORT, '" + APPEND_ONLY + "'); END");
  }

  private static List<String> postgresAppendOnly() {
    return List.of(
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN RAISE EXCEPTION '" + APPEND_ONLY + "'; END $$",
        """
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass
                         AND tgname = 'audit_log_no_change') THEN
            CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
              FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass
                         AND tgname = 'audit_log_no_truncate') THEN
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
              FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
          END IF;
        END $$""");
  }
}
