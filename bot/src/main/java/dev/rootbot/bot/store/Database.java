package dev.rootbot.bot.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few connections to one database, and the ways to use one: a read, a write statement by statement, or a
 * transaction.
 *
 * <p>No pooling library: two small sets of connections opened on demand and dropped when they fail are enough.
 * Reads have connections of their own, so they never wait behind writes: on SQLite (in WAL mode) a reader sees the
 * last commit while the writer works. Writes on SQLite take the one writer's connection in turn, first come first
 * served, instead of all asking SQLite for its single write lock and polling for it; on PostgreSQL they run side by
 * side. Thread-safe: a caller waits for a free connection (at most {@link #WAIT_SECONDS}) and has it to itself for
 * one call. A write never calls the store for another write: on SQLite it would wait for itself.
 */
final class Database implements AutoCloseable {
  static final int WAIT_SECONDS = 30;

  private final Location location;
  private final Clock clock;
  private final Connections readers;
  private final Connections writers;
  private final ThreadLocal<Connection> chained = new ThreadLocal<>();
  private final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> false);
  private final Object asideLock = new Object();
  private Connection aside; // guarded by asideLock
  private volatile boolean closed;

  /** Work done with one connection; it may throw SQL errors, which become {@link StoreFailure}s. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * @param connections how many connections reads may use at once, and on PostgreSQL writes too; SQLite has one
   *     writer's connection
   */
  Database(Location location, Clock clock, int connections) {
    this.location = location;
    this.clock = clock;
    this.readers = new Connections(connections, true);
    this.writers = new Connections(location.dialect() == Dialect.SQLITE ? 1 : connections, false);
  }

  Dialect dialect() {
    return location.dialect();
  }

  /** The clock's time, to the microsecond that both databases keep, so a stored time reads back equal. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Runs {@code work}, which only reads, on a connection for reads: it never waits for a write to end. */
  <T> T read(Work<T> work) {
    return withConnection(readers, work);
  }

  /** Runs {@code work} with each statement committed on its own: for writes of one statement. */
  <T> T autocommit(Work<T> work) {
    return withConnection(writers, work);
  }

  /** Runs {@code work} in one transaction: all of it is stored, or none. One that appends to the audit log is {@link #writeAudited}. */
  <T> T write(Work<T> work) {
    return transaction(work, false);
  }

  /**
   * Runs {@code work} in one transaction that appends to the audit chain. It takes the chain's lock first
   * ({@link Dialect#lockChain}), before it changes any row, and holds it to its end: appends never interleave, and
   * a transaction that holds the lock never waits for a row that one waiting for the lock holds (on SQLite every
   * write transaction holds the whole database anyway).
   */
  <T> T writeAudited(Work<T> work) {
    return transaction(work, true);
  }

  /** Whether {@code connection} is in a {@link #writeAudited} transaction of this thread, which holds the lock. */
  boolean holdsChainLock(Connection connection) {
    return chained.get() == connection;
  }

  private <T> T transaction(Work<T> work, boolean audited) {
    return withConnection(writers, connection -> {
      dialect().begin(connection);
      T result;
      try {
        if (audited) {
          dialect().lockChain(connection);
          chained.set(connection);
        }
        result = work.run(connection);
      } catch (SQLException | RuntimeException e) {
        try {
          dialect().rollback(connection);
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
          closeQuietly(connection); // it may still be inside the transaction: never lend it again
        }
        throw e;
      } finally {
        chained.remove();
      }
      dialect().commit(connection);
      return result;
    });
  }

  /**
   * Runs {@code work} statement by statement on a connection of its own, outside the few shared ones, so that it
   * never waits for one to be free: for the heartbeat, which must get through while every shared connection waits
   * (for the audit chain's lock, say), or this replica is taken for gone. One caller at a time.
   */
  <T> T aside(Work<T> work) {
    synchronized (asideLock) {
      if (closed) {
        throw new StoreFailure("the store is closed");
      }
      try {
        if (aside == null || aside.isClosed()) {
          aside = open();
        }
        return work.run(aside);
      } catch (SQLException e) {
        if (aside != null) {
          closeQuietly(aside); // opened again next time
          aside = null;
        }
        throw new StoreFailure(location.dialect() + " store: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Runs {@code work} in one read-only transaction that sees a single state of the database throughout, so
   * that two long reads (the audit chain, then the requests) agree with each other while others write.
   */
  <T> T snapshot(Work<T> work) {
    return withConnection(readers, connection -> {
      dialect().beginSnapshot(connection);
      try {
        return work.run(connection);
      } finally {
        dialect().endSnapshot(connection);
      }
    });
  }

  private <T> T withConnection(Connections pool, Work<T> work) {
    if (closed) {
      throw new StoreFailure("the store is closed");
    }
    boolean write = pool == writers;
    if (write && writing.get()) {
      throw new IllegalStateException("a store write inside another store write: on SQLite it would wait for itself;"
          + " do both in one transaction");
    }
    pool.acquire();
    Connection connection = null;
    boolean healthy = false;
    if (write) {
      writing.set(true);
    }
    try {
      connection = pool.borrow();
      T result = work.run(connection);
      healthy = true;
      return result;
    } catch (SQLException e) {
      healthy = !isConnectionProblem(e);
      throw new StoreFailure(location.dialect() + " store: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      healthy = true;
      throw e;
    } finally {
      if (write) {
        writing.set(false);
      }
      pool.giveBack(connection, healthy);
    }
  }

  private Connection open() throws SQLException {
    Connection connection = DriverManager.getConnection(location.jdbcUrl(), location.dialect().connectionProperties());
    try {
      location.dialect().opened(connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
    return connection;
  }

  /** Connections for one use, reads or writes: a caller waits its turn, first come first served. */
  private final class Connections {
    private final Semaphore free;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final boolean forReads;

    Connections(int size, boolean forReads) {
      this.free = new Semaphore(size, true);
      this.forReads = forReads;
    }

    void acquire() {
      try {
        if (!free.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new StoreFailure("no free connection to the store after " + WAIT_SECONDS + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreFailure("interrupted while waiting for a connection to the store", e);
      }
    }

    /** After {@link #acquire}; a connection for reads on SQLite refuses to write, so a write misfiled as a read fails. */
    Connection borrow() throws SQLException {
      Connection connection = idle.pollFirst();
      if (connection != null && !connection.isClosed()) {
        return connection;
      }
      connection = open();
      if (forReads) {
        try {
          location.dialect().readOnly(connection);
        } catch (SQLException e) {
          closeQuietly(connection);
          throw e;
        }
      }
      return connection;
    }

    /** Takes back the connection (null when borrowing failed) and frees the turn. */
    void giveBack(Connection connection, boolean healthy) {
      try {
        if (connection == null) {
          return;
        }
        if (healthy && !closed && !connection.isClosed() && connection.getAutoCommit()) {
          idle.addFirst(connection);
        } else {
          connection.close(); // a broken or half-done connection is never reused
        }
      } catch (SQLException e) {
        closeQuietly(connection);
      } finally {
        free.release();
      }
    }

    void close() {
      Connection connection;
      while ((connection = idle.pollFirst()) != null) {
        closeQuietly(connection);
      }
    }
  }

  /** SQLSTATE class 08 is "connection exception"; SQLite reports a closed database without a state. */
  private static boolean isConnectionProblem(SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("08");
  }

  @Override
  public void close() {
    closed = true;
    synchronized (asideLock) {
      if (aside != null) {
        closeQuietly(aside);
      }
    }
    readers.close();
    writers.close();
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing is best effort: the connection is dropped either way
    }
  }
}
