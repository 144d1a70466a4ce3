package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit log in the {@code audit_log} table, which refuses UPDATE and DELETE (see {@link Schema}). */
final class JdbcAuditLog implements AuditLog {
  /** The actor of what Rootbot does by itself: expiring, recovering, giving up on a message. */
  static final String ROOTBOT = "rootbot";

  private final Database database;

  JdbcAuditLog(Database database) {
    this.database = database;
  }

  /** Appends within the caller's transaction, so the entry is stored exactly when what it describes is. */
  void append(Connection connection, Instant at, Optional<RequestId> request, String actor, String event,
      String detail) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_log (at, request_id, actor, event, detail) VALUES (?, ?, ?, ?, ?)")) {
      database.dialect().setInstant(insert, 1, at);
      insert.setString(2, request.map(RequestId::value).orElse(null));
      insert.setString(3, actor);
      insert.setString(4, event);
      insert.setString(5, detail);
      insert.executeUpdate();
    }
  }

  @Override
  public void refused(Optional<RequestId> request, UserId who, String attempted, String why) {
    database.write(connection -> {
      append(connection, database.now(), request, who.value(), "refused " + attempted, why);
      return null;
    });
  }

  @Override
  public void noted(Optional<RequestId> request, String actor, String event, String detail) {
    database.write(connection -> {
      append(connection, database.now(), request, actor, event, detail);
      return null;
    });
  }

  @Override
  public List<AuditEntry> of(RequestId request) {
    return database.autocommit(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT seq, at, request_id, actor, event, detail FROM audit_log WHERE request_id = ? ORDER BY seq")) {
        select.setString(1, request.value());
        return entries(select);
      }
    });
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return database.autocommit(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT seq, at, request_id, actor, event, detail FROM audit_log ORDER BY seq DESC LIMIT ?")) {
        select.setInt(1, limit);
        return entries(select);
      }
    });
  }

  private List<AuditEntry> entries(PreparedStatement select) throws SQLException {
    var entries = new ArrayList<AuditEntry>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        entries.add(new AuditEntry(row.getLong("seq"), database.dialect().requiredInstant(row, "at"),
            Optional.ofNullable(row.getString("request_id")).map(RequestId::new), row.getString("actor"),
            row.getString("event"), row.getString("detail")));
      }
    }
    return entries;
  }
}
