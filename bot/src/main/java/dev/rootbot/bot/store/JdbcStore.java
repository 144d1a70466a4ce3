package dev.rootbot.bot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** The store on SQLite or PostgreSQL through JDBC; see {@link Store} for threading. */
final class JdbcStore implements Store {
  /**
   * Connections for reads, and on PostgreSQL as many for writes (SQLite has one writer): a read takes about a
   * tenth of a millisecond, so four serve the work pool, the outbox's senders and the runners.
   */
  static final int CONNECTIONS = 4;

  private final Database database;
  private final JdbcRequests requests;
  private final JdbcAuditLog audit;
  private final JdbcOutbox outbox;
  private final JdbcSeenEvents events;
  private final JdbcReplicas replicas;
  private final JdbcFleetResults fleet;

  private JdbcStore(Database database) {
    this.database = database;
    this.audit = new JdbcAuditLog(database);
    this.outbox = new JdbcOutbox(database, audit);
    this.requests = new JdbcRequests(database, audit, outbox);
    this.events = new JdbcSeenEvents(database);
    this.replicas = new JdbcReplicas(database);
    this.fleet = new JdbcFleetResults(database, audit);
  }

  static JdbcStore open(Location location, Clock clock, int connections) {
    Objects.requireNonNull(clock, "clock");
    if (location.dialect() == Dialect.SQLITE) {
      createFolder(location.sqliteFile());
    }
    Schema.migrate(location, clock);
    return new JdbcStore(new Database(location, clock, connections));
  }

  /** Opens a store that exists and has this code's schema, changing nothing in it (see {@link Store#openExisting}). */
  static JdbcStore openExisting(Location location, Clock clock, int connections) {
    Objects.requireNonNull(clock, "clock");
    if (location.dialect() == Dialect.SQLITE && !Files.isRegularFile(location.sqliteFile())) {
      throw new StoreFailure("there is no SQLite store at " + location.sqliteFile() + " (check ROOTBOT_STORE)");
    }
    Schema.requireCurrent(location);
    return new JdbcStore(new Database(location, clock, connections));
  }

  private static void createFolder(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    try {
      if (folder != null) {
        Files.createDirectories(folder);
      }
    } catch (IOException e) {
      throw new StoreFailure("cannot create the folder for " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public FleetResults fleet() {
    return fleet;
  }

  @Override
  public Requests requests() {
    return requests;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public SeenEvents events() {
    return events;
  }

  @Override
  public Replicas replicas() {
    return replicas;
  }

  @Override
  public void ping() {
    database.read(connection -> {
      try (var statement = connection.createStatement(); var row = statement.executeQuery("SELECT 1")) {
        return row.next();
      }
    });
  }

  @Override
  public void close() {
    database.close();
  }
}
