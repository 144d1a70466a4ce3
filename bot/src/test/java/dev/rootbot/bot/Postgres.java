package dev.rootbot.bot;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The PostgreSQL server the tests that need one use: 127.0.0.1:5432, database {@code test}, or
 * {@code ROOTBOT_TEST_POSTGRES}. Those tests run whenever a server answers, and must run when {@code CI=true}
 * ({@code .ci/run} starts the server); elsewhere they are skipped, with one line saying how to run them. Each
 * test gets a schema of its own, since other builds may share the database.
 */
public final class Postgres {
  public static final String SERVER = System.getenv().getOrDefault("ROOTBOT_TEST_POSTGRES",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  private static final String HOW = "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main"
      + " start, or point ROOTBOT_TEST_POSTGRES at another";
  private static final AtomicBoolean TOLD = new AtomicBoolean();
  private static volatile Boolean reachable;

  private Postgres() {}

  /** Skips the calling test when no server answers, or fails it when CI=true. */
  public static void require() {
    if (reachable == null) {
      reachable = answers();
    }
    if (reachable) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true, so the PostgreSQL tests must run, but no server answers at " + SERVER
          + "; " + HOW);
    }
    String line = "PostgreSQL tests skipped: no server answers at " + SERVER + "; " + HOW;
    if (TOLD.compareAndSet(false, true)) {
      System.err.println(line);
    }
    assumeTrue(false, line);
  }

  /** A new, empty schema; returns the JDBC URL of the database with that schema as the current one. */
  public static String newSchema(String prefix) {
    require();
    String schema = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    execute("CREATE SCHEMA " + schema);
    return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The schema a {@link #newSchema} URL names. */
  public static String schemaOf(String url) {
    return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
  }

  public static void dropSchema(String url) {
    execute("DROP SCHEMA IF EXISTS " + schemaOf(url) + " CASCADE");
  }

  public static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + SERVER + ": " + e.getMessage(), e);
    }
  }

  private static boolean answers() {
    try (Connection connection = DriverManager.getConnection(SERVER + (SERVER.contains("?") ? "&" : "?")
        + "connectTimeout=3")) {
      return connection.isValid(3);
    } catch (SQLException e) {
      return false;
    }
  }
}
