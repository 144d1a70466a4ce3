package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RequestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in the {@code outbox} table. A message is claimed by moving its {@code not_before} to the
 * end of a lease with a conditional update, so two senders never claim the same message at once.
 */
final class JdbcOutbox implements Outbox {
  private final Database database;
  private final JdbcAuditLog audit;

  JdbcOutbox(Database database, JdbcAuditLog audit) {
    this.database = database;
    this.audit = audit;
  }

  /** Queues {@code messages} within the caller's transaction, in order. */
  void enqueue(Connection connection, RequestId request, List<Outgoing> messages, Instant now) throws SQLException {
    for (Outgoing message : messages) {
      insert(connection, request, message, now);
    }
  }

  private long insert(Connection connection, RequestId request, Outgoing message, Instant now) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO outbox (request_id, kind, body, enqueued_at, not_before) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
      insert.setString(1, request.value());
      insert.setString(2, message.kind().name());
      insert.setString(3, message.body());
      database.dialect().setInstant(insert, 4, now);
      database.dialect().setInstant(insert, 5, now);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  @Override
  public long enqueue(RequestId request, Outgoing message) {
    return database.write(connection -> insert(connection, request, message, database.now()));
  }

  @Override
  public int releaseClaimsOfGone(Duration lease) {
    return database.write(connection -> {
      try (PreparedStatement release = connection.prepareStatement(
          "UPDATE outbox SET not_before = ?, claimed_by = NULL WHERE done_at IS NULL AND not_before > ?"
              + " AND claimed_by IS NOT NULL AND claimed_by NOT IN"
              + " (SELECT id FROM replicas WHERE stopped_at IS NULL AND heartbeat_at > ?)")) {
        Instant now = database.now();
        database.dialect().setInstant(release, 1, now);
        database.dialect().setInstant(release, 2, now);
        database.dialect().setInstant(release, 3, now.minus(lease));
        return release.executeUpdate();
      }
    });
  }

  /**
   * Reads what is due outside any transaction, then claims it in one: readers never wait for SQLite's single writer,
   * so an idle sender looking for work takes no write lock. The claim's update is conditional on the lease the read
   * saw, so a message another sender claimed in between is left to it; a request's later message is never read as
   * due while an earlier one is unsent, and a message queued later has a higher id, so the order holds.
   */
  @Override
  public List<Delivery> claimDue(ReplicaId sender, int limit, Duration lease) {
    var leasedFrom = new ArrayList<Instant>();
    List<Delivery> due = database.read(connection -> {
      var found = new ArrayList<Delivery>();
      try (PreparedStatement select = connection.prepareStatement("""
          SELECT id, request_id, kind, body, attempts, enqueued_at, not_before FROM outbox o
          WHERE done_at IS NULL AND not_before <= ?
            AND NOT EXISTS (SELECT 1 FROM outbox earlier
                            WHERE earlier.request_id = o.request_id AND earlier.done_at IS NULL AND earlier.id < o.id)
          ORDER BY id LIMIT ?""")) {
        database.dialect().setInstant(select, 1, database.now());
        select.setInt(2, limit);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            found.add(new Delivery(row.getLong("id"), new RequestId(row.getString("request_id")),
                new Outgoing(Outgoing.Kind.valueOf(row.getString("kind")), row.getString("body")),
                row.getInt("attempts") + 1, database.dialect().requiredInstant(row, "enqueued_at")));
            leasedFrom.add(database.dialect().requiredInstant(row, "not_before"));
          }
        }
      }
      return found;
    });
    if (due.isEmpty()) {
      return List.of();
    }
    return database.write(connection -> {
      Instant now = database.now();
      var claimed = new ArrayList<Delivery>();
      try (PreparedStatement claim = connection.prepareStatement(
          "UPDATE outbox SET not_before = ?, attempts = attempts + 1, claimed_by = ?"
              + " WHERE id = ? AND not_before = ? AND done_at IS NULL")) {
        for (int i = 0; i < due.size(); i++) {
          database.dialect().setInstant(claim, 1, now.plus(lease));
          claim.setString(2, sender.value());
          claim.setLong(3, due.get(i).id());
          database.dialect().setInstant(claim, 4, leasedFrom.get(i));
          if (claim.executeUpdate() == 1) { // 0: another sender claimed it since we read it
            claimed.add(due.get(i));
          }
        }
      }
      return claimed;
    });
  }

  @Override
  public void delivered(long id) {
    database.autocommit(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE outbox SET done_at = ?, last_error = NULL WHERE id = ? AND done_at IS NULL")) {
        database.dialect().setInstant(update, 1, database.now());
        update.setLong(2, id);
        return update.executeUpdate();
      }
    });
  }

  @Override
  public void retryAt(long id, Instant notBefore, String error) {
    database.autocommit(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE outbox SET not_before = ?, last_error = ? WHERE id = ? AND done_at IS NULL")) {
        database.dialect().setInstant(update, 1, notBefore.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        update.setString(2, error);
        update.setLong(3, id);
        return update.executeUpdate();
      }
    });
  }

  @Override
  public void giveUp(long id, String why) {
    database.writeAudited(connection -> {
      Instant now = database.now();
      Optional<RequestId> request;
      String detail;
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT request_id, kind FROM outbox WHERE id = ? AND done_at IS NULL")) {
        select.setLong(1, id);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return null; // already delivered or given up
          }
          request = Optional.of(new RequestId(row.getString("request_id")));
          detail = row.getString("kind") + " #" + id + " not sent: " + why;
        }
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE outbox SET done_at = ?, gave_up = ? WHERE id = ? AND done_at IS NULL")) {
        database.dialect().setInstant(update, 1, now);
        update.setString(2, why);
        update.setLong(3, id);
        update.executeUpdate();
      }
      audit.append(connection, now, request, JdbcAuditLog.ROOTBOT, "message dropped", detail);
      return null;
    });
  }

  @Override
  public int pending() {
    return database.read(connection -> {
      try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox WHERE done_at IS NULL");
          ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    });
  }
}
