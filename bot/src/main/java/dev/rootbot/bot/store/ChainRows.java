package dev.rootbot.bot.store;

import dev.rootbot.bot.audit.AuditRecord;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.RequestRow;
import dev.rootbot.bot.audit.StoredEntry;
import dev.rootbot.bot.audit.UnreadableEntry;
import dev.rootbot.bot.request.RequestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Audit entries and request rows as the chain reads and writes them. Reading is raw: a row changed outside
 * Rootbot becomes an {@link UnreadableEntry} or a {@link RequestRow} that differs, for the verifier to name,
 * never an exception that hides where the damage is.
 */
final class ChainRows {
  static final String ENTRY_COLUMNS = "seq, at, request_id, actor, event, detail, facts, prev_hash, hash";
  static final String REQUEST_COLUMNS =
      "id, requester, account_id, task, reason, state, decided_by, access_key_id, backup, outcome";

  private ChainRows() {}

  /** The INSERT of one entry into {@code table} ({@code audit_log}, or the migration's new table). */
  static String insertInto(String table) {
    return "INSERT INTO " + table + " (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  static void set(PreparedStatement insert, ChainedEntry entry, Dialect dialect) throws SQLException {
    AuditRecord record = entry.record();
    insert.setLong(1, record.seq());
    dialect.setInstant(insert, 2, record.at());
    insert.setString(3, record.request().map(RequestId::value).orElse(null));
    insert.setString(4, record.actor());
    insert.setString(5, record.event());
    insert.setString(6, record.detail());
    insert.setString(7, record.facts().json()); // text, never jsonb: the stored form is the hashed form
    insert.setString(8, entry.prev());
    insert.setString(9, entry.hash());
  }

  /** The entry in the current row of a {@code SELECT ENTRY_COLUMNS}, or what about it cannot be read. */
  static StoredEntry entry(ResultSet row, Dialect dialect) throws SQLException {
    long seq = row.getLong("seq");
    String column = "at";
    try {
      Instant at = dialect.requiredInstant(row, column);
      column = "request_id";
      Optional<RequestId> request = Optional.ofNullable(row.getString(column)).map(RequestId::new);
      column = "facts";
      Facts facts = Facts.parse(required(row, column));
      column = "the entry";
      var record = new AuditRecord(seq, at, request, required(row, "actor"), required(row, "event"),
          required(row, "detail"), facts);
      column = "prev_hash";
      String prev = required(row, column);
      column = "hash";
      return new ChainedEntry(record, prev, required(row, column));
    } catch (RuntimeException e) { // a value that is missing or not what Rootbot writes
      return new UnreadableEntry(seq, column + ": " + e.getMessage());
    }
  }

  /** The request in the current row of a {@code SELECT REQUEST_COLUMNS}, its texts as stored. */
  static RequestRow request(ResultSet row) throws SQLException {
    return new RequestRow(row.getString("id"), text(row, "requester"), text(row, "account_id"), text(row, "task"),
        Optional.ofNullable(row.getString("reason")), text(row, "state"),
        Optional.ofNullable(row.getString("decided_by")), Optional.ofNullable(row.getString("access_key_id")),
        Optional.ofNullable(row.getString("backup")), Optional.ofNullable(row.getString("outcome")));
  }

  /** The newest entry, or {@link Head#EMPTY}; the caller holds the chain's lock when it is about to append. */
  static Head head(Connection connection, Dialect dialect) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + ENTRY_COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1");
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return Head.EMPTY;
      }
      StoredEntry newest = entry(row, dialect);
      if (newest instanceof UnreadableEntry unreadable) {
        // Appending after it would hide the damage behind a new entry; stop and say where it is.
        throw new StoreFailure("the audit chain's newest entry (" + unreadable.seq() + ") cannot be read ("
            + unreadable.why() + "); nothing more can be recorded until the store is repaired: run rootbot audit verify");
      }
      return ((ChainedEntry) newest).head();
    }
  }

  private static String required(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    if (value == null) {
      throw new IllegalArgumentException("it is empty");
    }
    return value;
  }

  /** A column the schema declares NOT NULL; empty when someone dropped that and cleared it, for the verifier to see. */
  private static String text(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    return value == null ? "" : value;
  }
}
