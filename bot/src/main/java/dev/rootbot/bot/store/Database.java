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
 * A few connections to one database, and the two ways to use one: statement by statement, or in one
 * transaction.
 *
 * <p>No pooling library: Rootbot makes a few writes a minute, so a handful of connections opened on
 * demand and dropped when they fail is enough, and there is nothing to tune. Thread-safe: a caller
 * waits for a free connection (at most {@link #WAIT_SECONDS}) and has it to itself for one call.
 */
final class Database implements AutoCloseable {
  static final int WAIT_SECONDS = 30;

  private final Location location;
  private final Clock clock;
  private final Semaphore free;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
  private final ThreadLocal<Connection> chained = new ThreadLocal<>();
  private final Object asideLock = new Object();
  private Connection aside; // guarded by asideLock
  private volatile boolean closed;

  /** Work done with one connection; it may throw SQL errors, which become {@link StoreFailure}s. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  Database(Location location, Clock clock, int connections) {
    this.location = location;
    this.clock = clock;
    this.free = new Semaphore(connections, true);
  }

  Dialect dialect() {
    return location.dialect();
  }

  /** The clock's time, to the microsecond that both databases keep, so a stored time reads back equal. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** Runs {@code work} with each statement committed on its own: for reads, and writes of one statement. */
  <T> T autocommit(Work<T> work) {
    return withConnection(work);
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
    return withConnection(connection -> {
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
    return withConnection(connection -> {
      dialect().beginSnapshot(connection);
      try {
        return work.run(connection);
      } finally {
        dialect().endSnapshot(connection);
      }
    });
  }

  private <T> T withConnection(Work<T> work) {
    if (closed) {
      throw new StoreFailure("the store is closed");
    }
    acquire();
    Connection connection = null;
    boolean healthy = false;
    try {
      connection = borrow();
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
      giveBack(connection, healthy);
      free.release();
    }
  }

  private void acquire() {
    try {
      if (!free.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new StoreFailure("no free connection to the store after " + WAIT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreFailure("interrupted while waiting for a connection to the store", e);
    }
  }

  private Connection borrow() throws SQLException {
    Connection connection = idle.pollFirst();
    if (connection != null && !connection.isClosed()) {
      return connection;
    }
    return open();
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

  private void giveBack(Connection connection, boolean healthy) {
    if (connection == null) {
      return;
    }
    try {
      if (healthy && !closed && !connection.isClosed() && connection.getAutoCommit()) {
        idle.addFirst(connection);
      } else {
        connection.close(); // a broken or half-done connection is never reused
      }
    } catch (SQLException e) {
      closeQuietly(connection);
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
    Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing is best effort: the connection is dropped either way
    }
  }
}
