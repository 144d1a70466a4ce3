package dev.rootbot.bot.store;

import dev.rootbot.bot.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract on PostgreSQL ({@link Postgres}: skipped when no server answers, unless {@code CI=true}).
 * Each test gets a schema of its own, dropped afterwards, since other builds may use the same database.
 */
class PostgresStoreTest extends StoreContract {
  private String url;
  private String schema;

  @Override
  Store openEmpty(FakeClock clock, int connections) {
    url = Postgres.newSchema("rootbot_test");
    schema = Postgres.schemaOf(url);
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
    if (url != null) {
      store.close(); // before the drop, which would otherwise wait on its idle connections' locks, if any
      Postgres.dropSchema(url);
    }
  }

  private String url() {
    return url;
  }

  private static void execute(String sql) {
    Postgres.execute(sql);
  }
}
