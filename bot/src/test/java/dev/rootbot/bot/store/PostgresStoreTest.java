package dev.rootbot.bot.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract on PostgreSQL (127.0.0.1:5432, database {@code test}, or {@code ROOTBOT_TEST_POSTGRES}).
 * Each test gets a schema of its own, dropped afterwards, since other builds may use the same database.
 */
class PostgresStoreTest extends StoreContract {
  private static final String SERVER = System.getenv().getOrDefault("ROOTBOT_TEST_POSTGRES",
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private String schema;

  @Override
  Store openEmpty(FakeClock clock, int connections) {
    schema = "rootbot_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    execute("CREATE SCHEMA " + schema);
    return openAgain(clock, connections);
  }

  @Override
  Store openAgain(FakeClock clock, int connections) {
    return JdbcStore.open(Location.parse(url()), clock, connections);
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(url());
  }

  @Override
  void replaceWithVersion1Store() throws Exception {
    execute("DROP SCHEMA " + schema + " CASCADE");
    String dump;
    try (var v1 = PostgresStoreTest.class.getResourceAsStream("/store/v1-postgres.sql")) {
      dump = new String(v1.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("@SCHEMA@", schema);
    }
    execute(dump);
  }

  @AfterEach
  void dropSchema() {
    store.close(); // before the drop, which would otherwise wait on its idle connections' locks, if any
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private String url() {
    return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for the store tests is not reachable at " + SERVER
          + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): " + e.getMessage(), e);
    }
  }
}
