package dev.rootbot.bot.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The tables, as versioned migrations that Flyway applies at start ({@code db/migration/sqlite} and
 * {@code db/migration/postgresql} on the class path). Safe to run at every start and from several replicas at
 * once: Flyway takes a lock while it migrates.
 *
 * <p>A store written by Rootbot 0.1, before migrations, has the tables of {@code V1__baseline} and no Flyway
 * history: it is baselined at version 1, then upgraded in place. Every migration also adds its version to
 * {@code rootbot_schema}, which is how a store written by a newer Rootbot is recognized and refused (and how
 * Rootbot 0.1 refuses an upgraded store), instead of being half-read.
 *
 * <p>The audit log is append-only in the database itself: a trigger refuses every UPDATE and DELETE (and,
 * in PostgreSQL, TRUNCATE), so neither a bug nor a stray script can rewrite history; and since version 5 it is a
 * hash chain ({@link AuditChainMigration}), so that whoever gets around the triggers is found out.
 *
 * <p>Migrations are SQL files, except those that compute something in Java, which are registered here.
 */
final class Schema {
  /** The schema this code reads and writes; a store with a higher version is refused, not guessed at. */
  static final int VERSION = 6; // the newest migration: V6__fleet (V5 is the audit chain, AuditChainMigration)

  private static final String HISTORY = "flyway_schema_history";

  private Schema() {}

  /** Brings the store to {@link #VERSION}; {@code clock} dates what a migration appends to the audit chain. */
  static void migrate(Location location, Clock clock) {
    DataSource source = new Connections(location);
    int found = versionOf(source);
    if (found > VERSION) {
      throw new StoreFailure("the store has schema version " + found + ", written by a newer Rootbot; this one"
          + " knows version " + VERSION + " and will not touch it");
    }
    Flyway flyway = Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration/" + (location.dialect() == Dialect.SQLITE ? "sqlite" : "postgresql"))
        .table(HISTORY)
        .baselineVersion("1")
        .baselineDescription("Rootbot 0.1 schema")
        .javaMigrations(new AuditChainMigration(location.dialect(), clock))
        .loggers("slf4j")
        .load();
    try {
      if (found >= 1 && !hasTable(source, HISTORY)) {
        baseline(flyway, source); // written by 0.1: its tables are V1 already
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StoreFailure(location.dialect() + " store: could not bring the schema to version " + VERSION + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Checks, without changing anything, that the store exists and has exactly this code's schema: for tools that
   * read a store (audit verify, export), which must neither create one where there was none nor upgrade one.
   */
  static void requireCurrent(Location location) {
    int found = versionOf(new Connections(location));
    if (found == 0) {
      throw new StoreFailure("there is no Rootbot store at " + location + " (check ROOTBOT_STORE)");
    }
    if (found < VERSION) {
      throw new StoreFailure("the store at " + location + " has schema version " + found + ", from an older Rootbot;"
          + " start this Rootbot once (it upgrades the store and starts the audit chain), then try again");
    }
    if (found > VERSION) {
      throw new StoreFailure("the store at " + location + " has schema version " + found + ", written by a newer"
          + " Rootbot; use that one");
    }
  }

  private static void baseline(Flyway flyway, DataSource source) {
    try {
      flyway.baseline();
    } catch (FlywayException e) {
      if (!hasTable(source, HISTORY)) {
        throw e;
      }
      // Another replica baselined it at the same moment; migrating is all that is left.
    }
  }

  /** The highest version in {@code rootbot_schema}, or 0 for an empty database. */
  private static int versionOf(DataSource source) {
    try (Connection connection = source.getConnection()) {
      if (!hasTable(connection, "rootbot_schema")) {
        return 0;
      }
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT max(version) FROM rootbot_schema")) {
        row.next();
        return row.getInt(1);
      }
    } catch (SQLException e) {
      throw new StoreFailure("cannot read the store's schema version: " + e.getMessage(), e);
    }
  }

  private static boolean hasTable(DataSource source, String table) {
    try (Connection connection = source.getConnection()) {
      return hasTable(connection, table);
    } catch (SQLException e) {
      throw new StoreFailure("cannot read the store's tables: " + e.getMessage(), e);
    }
  }

  /** Whether {@code table} exists in the connection's current schema (PostgreSQL) or database (SQLite). */
  private static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String schema = connection.getSchema();
    for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet tables = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Connections with the store's own properties (WAL and busy timeout for SQLite), for Flyway. */
  private static final class Connections implements DataSource {
    private final Location location;

    Connections(Location location) {
      this.location = location;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(location.jdbcUrl(), location.dialect().connectionProperties());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
