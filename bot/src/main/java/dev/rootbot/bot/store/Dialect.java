package dev.rootbot.bot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;

/**
 * What differs between SQLite and PostgreSQL for us: column types, how a write transaction starts, and
 * how a time is stored. The SQL of every query is the same for both.
 */
enum Dialect {
  SQLITE {
    @Override
    java.util.Properties connectionProperties() {
      var config = new SQLiteConfig();
      config.setJournalMode(SQLiteConfig.JournalMode.WAL); // readers never wait for the writer
      config.setBusyTimeout(BUSY_TIMEOUT_MS); // writers wait for each other instead of failing with SQLITE_BUSY
      config.enforceForeignKeys(true);
      return config.toProperties();
    }

    @Override
    void opened(Connection connection) throws SQLException {
      BusyHandler.setHandler(connection, new BusyWait(BUSY_TIMEOUT_MS)); // replaces the busy timeout's long sleeps
    }

    @Override
    void begin(Connection connection) throws SQLException {
      // IMMEDIATE takes the write lock at the start, waiting up to the busy timeout. A deferred
      // transaction that read first could fail at its first write, busy timeout or not. The driver's own
      // transactions are not used: after a commit it begins the next one at once and holds the lock.
      try (Statement statement = connection.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
      }
    }

    @Override
    void commit(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("COMMIT");
      }
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("ROLLBACK");
      }
    }

    @Override
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
      statement.setString(index, TEXT_TIME.format(instant)); // fixed width, so text order is time order
    }

    @Override
    Optional<Instant> instant(ResultSet row, String column) throws SQLException {
      String text = row.getString(column);
      return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
    }

    @Override
    String lockRows() {
      return ""; // a write transaction holds the whole database
    }

    @Override
    void lockChain(Connection connection) {
      // BEGIN IMMEDIATE already holds the database's one write lock: appends are serialized.
    }

    @Override
    void readOnly(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA query_only = 1");
      }
    }

    @Override
    void beginSnapshot(Connection connection) throws SQLException {
      // A deferred transaction reads one snapshot from its first read to its end (WAL), and takes no write lock.
      try (Statement statement = connection.createStatement()) {
        statement.execute("BEGIN");
      }
    }

    @Override
    void endSnapshot(Connection connection) throws SQLException {
      rollback(connection);
    }
  },

  POSTGRES {
    @Override
    java.util.Properties connectionProperties() {
      var properties = new java.util.Properties();
      properties.setProperty("ApplicationName", "rootbot");
      return properties;
    }

    @Override
    void begin(Connection connection) throws SQLException {
      connection.setAutoCommit(false);
    }

    @Override
    void commit(Connection connection) throws SQLException {
      connection.commit();
      connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      connection.rollback();
      connection.setAutoCommit(true);
    }

    @Override
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    Optional<Instant> instant(ResultSet row, String column) throws SQLException {
      OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
      return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
    }

    @Override
    String lockRows() {
      return " FOR UPDATE SKIP LOCKED"; // replicas claiming at once each get a different row, without waiting
    }

    @Override
    void lockChain(Connection connection) throws SQLException {
      // Keyed by the table's OID, so that stores in other schemas of the same database do not wait for this one.
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ", 'audit_log'::regclass::oid::int)");
      }
    }

    @Override
    void beginSnapshot(Connection connection) throws SQLException {
      connection.setAutoCommit(false); // also what lets the driver read with a cursor (a fetch size) instead of all at once
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
    }

    @Override
    void endSnapshot(Connection connection) throws SQLException {
      connection.rollback();
      connection.setReadOnly(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      connection.setAutoCommit(true);
    }
  };

  /** The first key of the chain's advisory lock in PostgreSQL: "root" in ASCII. */
  static final int CHAIN_LOCK = 0x726f6f74;

  static final int BUSY_TIMEOUT_MS = 15_000;
  private static final DateTimeFormatter TEXT_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  abstract java.util.Properties connectionProperties();

  /** Sets up a connection just opened. */
  void opened(Connection connection) throws SQLException {}

  /** Makes a connection just opened for reads refuse writes, where the database can (SQLite's {@code query_only}). */
  void readOnly(Connection connection) throws SQLException {}

  abstract void begin(Connection connection) throws SQLException;

  abstract void commit(Connection connection) throws SQLException;

  abstract void rollback(Connection connection) throws SQLException;

  /** Stores a time in UTC, to the microsecond (PostgreSQL's precision, used by both). */
  abstract void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

  abstract Optional<Instant> instant(ResultSet row, String column) throws SQLException;

  /** What ends a SELECT of rows a transaction is about to claim, so that concurrent claimers skip them. */
  abstract String lockRows();

  /**
   * Within a write transaction, waits until no other transaction can append to the audit chain, so that the head
   * read next stays the head until this one commits. Held to the end of the transaction.
   */
  abstract void lockChain(Connection connection) throws SQLException;

  /** Starts a read-only transaction that sees one state of the database throughout, however long it reads. */
  abstract void beginSnapshot(Connection connection) throws SQLException;

  abstract void endSnapshot(Connection connection) throws SQLException;

  Instant requiredInstant(ResultSet row, String column) throws SQLException {
    return instant(row, column).orElseThrow(() -> new StoreFailure("column " + column + " is empty"));
  }
}
