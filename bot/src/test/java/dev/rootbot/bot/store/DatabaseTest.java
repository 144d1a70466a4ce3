package dev.rootbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.bot.Postgres;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the store's connections are shared: reads never queue behind writes, writers take turns, a write inside a
 * write fails at once instead of waiting for itself, and on SQLite a read cannot write.
 */
class DatabaseTest {
  @TempDir
  Path folder;

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private String postgres;

  @AfterEach
  void close() throws Exception {
    threads.shutdownNow();
    threads.awaitTermination(10, TimeUnit.SECONDS);
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
    if (postgres != null) {
      Postgres.dropSchema(postgres);
    }
  }

  @Test
  void on_sqlite_a_read_is_answered_while_every_writer_waits_for_the_one_writing() throws Exception {
    readsDoNotWaitForWriters(sqlite());
  }

  @Test
  void on_postgresql_a_read_is_answered_while_every_writer_waits_for_the_one_writing() throws Exception {
    readsDoNotWaitForWriters(postgresql());
  }

  @Test
  void on_sqlite_a_write_inside_a_write_fails_at_once() {
    writeInsideWriteFails(sqlite());
  }

  @Test
  void on_postgresql_a_write_inside_a_write_fails_at_once() {
    writeInsideWriteFails(postgresql());
  }

  @Test
  void on_sqlite_a_write_misfiled_as_a_read_is_refused_and_changes_nothing() {
    Database database = sqlite();
    assertThatThrownBy(() -> database.read(connection -> insert(connection, 7)))
        .isInstanceOf(StoreFailure.class).hasMessageContaining("readonly");
    assertThat(count(database)).isZero();
  }

  @Test
  void on_sqlite_writers_take_turns_and_every_write_is_kept() throws Exception {
    Database database = sqlite();
    var writes = new ArrayList<CompletableFuture<Void>>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      writes.add(CompletableFuture.runAsync(() -> database.write(connection -> insert(connection, n)), threads));
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

    assertThat(count(database)).isEqualTo(40);
  }

  /**
   * One writer holds its transaction open, having changed a row, and more writers than the store has connections
   * wait to change it too (on SQLite for their turn, on PostgreSQL for the row); a read still gets an answer. With
   * one set of connections for both, the waiting writers held every connection and the read waited for them.
   */
  private void readsDoNotWaitForWriters(Database database) throws Exception {
    database.autocommit(connection -> insert(connection, 0));
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var writers = new ArrayList<CompletableFuture<Integer>>();
    writers.add(CompletableFuture.supplyAsync(() -> database.write(connection -> {
      int added = addOne(connection);
      holding.countDown();
      await(release);
      return added;
    }), threads));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 2; i <= 7; i++) { // more than the 3 connections the database has
      writers.add(CompletableFuture.supplyAsync(() -> database.write(DatabaseTest::addOne), threads));
    }
    Thread.sleep(200); // the writers are waiting

    var read = CompletableFuture.supplyAsync(() -> sum(database), threads);

    assertThat(read.get(5, TimeUnit.SECONDS)).isZero(); // nothing is committed yet
    release.countDown();
    for (CompletableFuture<Integer> writer : writers) {
      writer.get(30, TimeUnit.SECONDS);
    }
    assertThat(sum(database)).isEqualTo(7);
  }

  private static int addOne(java.sql.Connection connection) throws java.sql.SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE numbers SET n = n + 1")) {
      return update.executeUpdate();
    }
  }

  private static int sum(Database database) {
    return database.read(connection -> {
      try (PreparedStatement sum = connection.prepareStatement("SELECT sum(n) FROM numbers");
          ResultSet row = sum.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    });
  }

  private void writeInsideWriteFails(Database database) {
    assertThatThrownBy(() -> database.write(outer -> {
      insert(outer, 1);
      return database.autocommit(inner -> insert(inner, 2));
    })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside another store write");

    assertThat(count(database)).isZero(); // the outer transaction was rolled back too
    database.write(connection -> insert(connection, 3)); // and the writer's turn was given back
    assertThat(count(database)).isEqualTo(1);
  }

  private Database sqlite() {
    return open(Location.parse("sqlite:" + folder.resolve("database.db")));
  }

  private Database postgresql() {
    Postgres.require();
    postgres = Postgres.newSchema("rootbot_db_test");
    return open(Location.parse(postgres));
  }

  private Database open(Location location) {
    var database = new Database(location, Clock.systemUTC(), 3);
    opened.add(database);
    database.autocommit(connection -> {
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE TABLE numbers (n INTEGER NOT NULL)");
      }
      return null;
    });
    return database;
  }

  private static int insert(java.sql.Connection connection, int n) throws java.sql.SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO numbers (n) VALUES (?)")) {
      insert.setInt(1, n);
      return insert.executeUpdate();
    }
  }

  private static int count(Database database) {
    return database.read(connection -> {
      try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM numbers");
          ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
