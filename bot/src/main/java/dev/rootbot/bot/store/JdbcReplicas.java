package dev.rootbot.bot.store;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

/** Replicas in the {@code replicas} table and job leases in {@code job_leases}, each a conditional write. */
final class JdbcReplicas implements Replicas {
  private final Database database;

  JdbcReplicas(Database database) {
    this.database = database;
  }

  @Override
  public void heartbeat(ReplicaId replica) {
    database.aside(connection -> { // never behind the shared connections: a late heartbeat makes this replica "gone"
      Instant now = database.now();
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE replicas SET heartbeat_at = ?, stopped_at = NULL WHERE id = ?")) {
        database.dialect().setInstant(update, 1, now);
        update.setString(2, replica.value());
        if (update.executeUpdate() == 1) {
          return null;
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO replicas (id, started_at, heartbeat_at)"
          + " VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at, stopped_at = NULL")) {
        insert.setString(1, replica.value());
        database.dialect().setInstant(insert, 2, now);
        database.dialect().setInstant(insert, 3, now);
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void stopped(ReplicaId replica) {
    database.autocommit(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE replicas SET stopped_at = ? WHERE id = ?")) {
        database.dialect().setInstant(update, 1, database.now());
        update.setString(2, replica.value());
        update.executeUpdate();
      }
      try (PreparedStatement release = connection.prepareStatement(
          "UPDATE job_leases SET expires_at = ? WHERE owner = ?")) {
        database.dialect().setInstant(release, 1, database.now());
        release.setString(2, replica.value());
        release.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public boolean acquireJob(String job, ReplicaId replica, Duration period) {
    return database.autocommit(connection -> {
      Instant now = database.now();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO job_leases (name, owner, expires_at)"
          + " VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at"
          + " WHERE job_leases.expires_at <= ? OR job_leases.owner = excluded.owner")) {
        insert.setString(1, job);
        insert.setString(2, replica.value());
        database.dialect().setInstant(insert, 3, now.plus(period));
        database.dialect().setInstant(insert, 4, now);
        return insert.executeUpdate() == 1;
      }
    });
  }
}
