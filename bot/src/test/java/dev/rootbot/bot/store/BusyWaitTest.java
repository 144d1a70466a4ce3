package dev.rootbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;

/** A SQLite writer waits for the write lock in short steps, gives up at its timeout, and keeps an interrupt. */
class BusyWaitTest {
  @TempDir
  Path folder;

  @Test
  void a_writer_gets_the_lock_soon_after_it_is_released() throws Exception {
    try (Connection holder = open(60_000); Connection waiter = open(60_000)) {
      exec(holder, "BEGIN IMMEDIATE");
      var released = new java.util.concurrent.atomic.AtomicLong();
      Thread release = new Thread(() -> {
        try {
          Thread.sleep(350); // SQLite's own handler would be in its 100 ms sleep from 328 to 428 ms
          released.set(System.nanoTime());
          exec(holder, "COMMIT");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();

      exec(waiter, "BEGIN IMMEDIATE"); // waits for the holder
      long gotIt = System.nanoTime();
      release.join();

      assertThat(released.get()).isPositive();
      // SQLite's own handler sleeps up to 100 ms between tries; this one looks again within half a millisecond.
      assertThat((gotIt - released.get()) / 1_000_000).isLessThan(40);
      exec(waiter, "COMMIT");
    }
  }

  @Test
  void a_writer_gives_up_with_busy_at_its_timeout_and_keeps_an_interrupt() throws Exception {
    try (Connection holder = open(60_000); Connection waiter = open(300)) {
      exec(holder, "BEGIN IMMEDIATE");
      Thread.currentThread().interrupt();
      long start = System.nanoTime();
      try {
        assertThatThrownBy(() -> exec(waiter, "BEGIN IMMEDIATE")).isInstanceOf(SQLException.class)
            .hasMessageContaining("SQLITE_BUSY");
      } finally {
        assertThat(Thread.interrupted()).as("the interrupt is still pending").isTrue();
      }
      long waitedMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(waitedMs).isBetween(250L, 10_000L); // it waited for its timeout, not spinning through it at once
      exec(holder, "COMMIT");
    }
  }

  private Connection open(long timeoutMillis) throws SQLException {
    var config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("busy.db"),
        config.toProperties());
    BusyHandler.setHandler(connection, new BusyWait(timeoutMillis));
    return connection;
  }

  private static void exec(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
