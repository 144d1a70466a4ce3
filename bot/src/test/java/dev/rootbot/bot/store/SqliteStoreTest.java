package dev.rootbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file in a temporary folder. */
class SqliteStoreTest extends StoreContract {
  @TempDir
  Path folder;

  private Path file() {
    return folder.resolve("data").resolve("rootbot.db");
  }

  @Override
  Store openEmpty(FakeClock clock, int connections) {
    return openAgain(clock, connections);
  }

  @Override
  Store openAgain(FakeClock clock, int connections) {
    return JdbcStore.open(Location.parse("sqlite:" + file()), clock, connections);
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  @Override
  void replaceWithVersion1Store() throws Exception {
    Files.createDirectories(file().getParent());
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Files.deleteIfExists(Path.of(file() + suffix));
    }
    try (InputStream v1 = SqliteStoreTest.class.getResourceAsStream("/store/v1.db")) {
      Files.copy(v1, file());
    }
  }

  @Test
  void the_file_is_in_wal_mode_so_readers_do_not_wait_for_the_writer() throws SQLException {
    try (Connection raw = rawConnection(); ResultSet mode = raw.createStatement().executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
    }
  }
}
