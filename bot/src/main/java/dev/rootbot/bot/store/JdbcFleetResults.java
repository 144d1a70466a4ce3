package dev.rootbot.bot.store;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.audit.Fact;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.RequestFacts;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RequestId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link FleetResults} in the {@code fleet_results} table and {@code requests.progress_ts}. */
final class JdbcFleetResults implements FleetResults {
  /** The fact of a fleet entry that names an account's outcome: {@code {"account":…,"outcome":"sha256:…"}}. */
  static final String OUTCOMES = "fleet_outcomes";

  private final Database database;
  private final JdbcAuditLog audit;

  JdbcFleetResults(Database database, JdbcAuditLog audit) {
    this.database = database;
    this.audit = audit;
  }

  @Override
  public void read(RequestId request, AccountId account, String result) {
    database.autocommit(connection -> insertDone(connection, request, account, result, database.now(), true));
  }

  @Override
  public void started(RequestId request, AccountId account, String detail) {
    database.writeAudited(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_results (request_id, account_id,"
          + " state) VALUES (?, ?, 'STARTED')")) {
        insert.setString(1, request.value());
        insert.setString(2, account.value());
        insert.executeUpdate(); // a second start of one account fails here: an account is never run twice
      }
      audit.append(connection, database.now(), Optional.of(request), JdbcAuditLog.ROOTBOT, "fleet start", detail,
          Facts.NONE.with(RequestFacts.ACCOUNTS, List.of(account.value())));
      return null;
    });
  }

  @Override
  public void changed(RequestId request, AccountId account, String result, String event, String detail) {
    database.writeAudited(connection -> {
      Instant now = database.now();
      int updated;
      try (PreparedStatement update = connection.prepareStatement("UPDATE fleet_results SET state = 'DONE', result = ?,"
          + " completed_at = ? WHERE request_id = ? AND account_id = ? AND state = 'STARTED'")) {
        update.setString(1, result);
        database.dialect().setInstant(update, 2, now);
        update.setString(3, request.value());
        update.setString(4, account.value());
        updated = update.executeUpdate();
      }
      if (updated == 0) {
        insertDone(connection, request, account, result, now, false); // an outcome without a start: an account never run
      }
      Facts outcome = Facts.NONE.with("account", account.value()).with("outcome", RequestFacts.digest(result));
      audit.append(connection, now, Optional.of(request), JdbcAuditLog.ROOTBOT, event, detail,
          Facts.NONE.with(RequestFacts.ACCOUNTS, List.of(account.value()))
              .with(OUTCOMES, new Fact.Items(List.of(outcome))));
      return null;
    });
  }

  /** @param ifAbsent whether an account with a row already is left as it is, rather than failing the statement */
  private int insertDone(Connection connection, RequestId request, AccountId account, String result, Instant now,
      boolean ifAbsent) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fleet_results (request_id, account_id,"
        + " state, result, completed_at) VALUES (?, ?, 'DONE', ?, ?)"
        + (ifAbsent ? " ON CONFLICT (request_id, account_id) DO NOTHING" : ""))) {
      insert.setString(1, request.value());
      insert.setString(2, account.value());
      insert.setString(3, result);
      database.dialect().setInstant(insert, 4, now);
      return insert.executeUpdate();
    }
  }

  @Override
  public List<Stored> of(RequestId request) {
    return database.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT account_id, state, result, completed_at"
          + " FROM fleet_results WHERE request_id = ? ORDER BY account_id")) {
        select.setString(1, request.value());
        List<Stored> rows = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            rows.add(new Stored(new AccountId(row.getString("account_id")), "DONE".equals(row.getString("state")),
                Optional.ofNullable(row.getString("result")), database.dialect().instant(row, "completed_at")));
          }
        }
        return rows;
      }
    });
  }

  @Override
  public Optional<MessageTs> progressMessage(RequestId request) {
    return database.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT progress_ts FROM requests WHERE id = ?")) {
        select.setString(1, request.value());
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.ofNullable(row.getString(1)).map(MessageTs::new) : Optional.<MessageTs>empty();
        }
      }
    });
  }

  @Override
  public void progressPosted(RequestId request, MessageTs message) {
    database.autocommit(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE requests SET progress_ts = ? WHERE id = ?")) {
        update.setString(1, message.value());
        update.setString(2, request.value());
        return update.executeUpdate();
      }
    });
  }
}
