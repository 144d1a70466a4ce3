package dev.rootbot.bot.store;

import dev.rootbot.actions.task.Backup;
import dev.rootbot.bot.request.Action;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Requests in the {@code requests} table. A move reads the request, works out the change with
 * {@link RootRequest#after}, and writes it with {@code UPDATE … WHERE id = ? AND state = ?}: of two
 * concurrent moves, the database lets exactly one match.
 */
final class JdbcRequests implements Requests {
  private static final int ID_ATTEMPTS = 5;

  private final Database database;
  private final JdbcAuditLog audit;
  private final JdbcOutbox outbox;
  private final RequestRows rows;

  JdbcRequests(Database database, JdbcAuditLog audit, JdbcOutbox outbox) {
    this.database = database;
    this.audit = audit;
    this.outbox = outbox;
    this.rows = new RequestRows(database.dialect());
  }

  @Override
  public RootRequest file(NewRequest asked, Report report) {
    return database.write(connection -> {
      Instant now = database.now();
      for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
        RootRequest request = RootRequest.requested(RequestId.random(), asked, now);
        if (rows.insert(connection, request)) {
          audit.append(connection, now, Optional.of(request.id()), request.requester().value(), "request",
              describe(request));
          outbox.enqueue(connection, request.id(), report.messages(request), now);
          return request;
        }
      }
      throw new StoreFailure("no free request ID after " + ID_ATTEMPTS + " tries; is the random source broken?");
    });
  }

  @Override
  public Optional<RootRequest> find(RequestId id) {
    return database.autocommit(connection -> rows.find(connection, id));
  }

  @Override
  public List<RootRequest> open() {
    return database.autocommit(connection -> rows.where(connection,
        "state IN ('REQUESTED', 'APPROVED', 'RUNNING') ORDER BY created_at, id"));
  }

  @Override
  public Optional<RootRequest> move(RequestId id, Transition transition, Report report) {
    return database.write(connection -> move(connection, id, transition, report));
  }

  private Optional<RootRequest> move(Connection connection, RequestId id, Transition transition, Report report)
      throws SQLException {
    Optional<RootRequest> current = rows.find(connection, id);
    Action action = transition.action();
    if (current.isEmpty() || current.get().state() != action.from()) {
      return Optional.empty();
    }
    Instant now = database.now();
    RootRequest after = current.get().after(transition, now);
    try (PreparedStatement update = connection.prepareStatement("UPDATE requests SET state = ?, decided_by = ?,"
        + " decided_at = ?, started_at = ?, outcome = ?, finished_at = ? WHERE id = ? AND state = ?")) {
      update.setString(1, after.state().name());
      update.setString(2, after.decidedBy().map(UserId::value).orElse(null));
      rows.setInstant(update, 3, after.decidedAt());
      rows.setInstant(update, 4, after.startedAt());
      update.setString(5, after.outcome().map(StoredJson::outcome).orElse(null));
      rows.setInstant(update, 6, after.finishedAt());
      update.setString(7, id.value());
      update.setString(8, action.from().name());
      if (update.executeUpdate() == 0) {
        return Optional.empty(); // another click or replica moved it since we read it
      }
    }
    String actor = transition.by().map(UserId::value).orElse(JdbcAuditLog.ROOTBOT);
    String detail = action.from() + " → " + after.state() + transition.outcome().map(o -> ": " + o.text()).orElse("");
    audit.append(connection, now, Optional.of(id), actor, action.name().toLowerCase(Locale.ROOT), detail);
    // Read again: the row is ours now, and the card's ts may have been stored since the first read.
    RootRequest stored = rows.find(connection, id).orElseThrow();
    outbox.enqueue(connection, id, report.messages(stored), now);
    return Optional.of(stored);
  }

  @Override
  public void cardPosted(RequestId id, MessageTs card) {
    database.autocommit(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE requests SET card_ts = ? WHERE id = ?")) {
        update.setString(1, card.value());
        update.setString(2, id.value());
        if (update.executeUpdate() == 0) {
          throw new StoreFailure("no request " + id);
        }
      }
      return null;
    });
  }

  @Override
  public void sessionStarted(RequestId id, String accessKeyId) {
    if (accessKeyId == null || !accessKeyId.matches("[A-Z0-9]{16,128}")) {
      throw new IllegalArgumentException("an access key ID is 16 to 128 capital letters and digits; got " + accessKeyId);
    }
    database.write(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE requests SET access_key_id = ? WHERE id = ? AND state = 'RUNNING'")) {
        update.setString(1, accessKeyId);
        update.setString(2, id.value());
        if (update.executeUpdate() == 0) {
          throw new StoreFailure(whyNot(connection, id, "record its root session"));
        }
      }
      audit.append(connection, database.now(), Optional.of(id), JdbcAuditLog.ROOTBOT, "session",
          "root session started with access key ID " + accessKeyId);
      return null;
    });
  }

  @Override
  public void keepBackup(RequestId id, Backup backup) {
    database.write(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE requests SET backup = ? WHERE id = ? AND state = 'RUNNING' AND backup IS NULL")) {
        update.setString(1, StoredJson.backup(backup));
        update.setString(2, id.value());
        if (update.executeUpdate() == 0) {
          throw new StoreFailure(whyNot(connection, id, "keep a backup"));
        }
      }
      audit.append(connection, database.now(), Optional.of(id), JdbcAuditLog.ROOTBOT, "backup",
          "kept the " + backup.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of " + backup.resource()
              + " (" + backup.policy().sizeInBytes() + " bytes) before changing it");
      return null;
    });
  }

  @Override
  public List<RootRequest> expireDue(Report report) {
    return database.write(connection -> {
      var expired = new ArrayList<RootRequest>();
      var due = rows.where(connection, "state = 'REQUESTED' AND expires_at <= ? ORDER BY expires_at, id",
          database.now());
      for (RootRequest request : due) {
        move(connection, request.id(), Transition.expire(), report).ifPresent(expired::add);
      }
      return expired;
    });
  }

  @Override
  public List<RootRequest> recoverInterrupted(Duration runningFor, Report report) {
    return database.write(connection -> {
      Instant cutoff = database.now().minus(runningFor);
      var recovered = new ArrayList<RootRequest>();
      for (RootRequest request : rows.where(connection,
          "(state = 'RUNNING' AND started_at <= ?) OR (state = 'APPROVED' AND decided_at <= ?) ORDER BY created_at, id",
          cutoff, cutoff)) {
        move(connection, request.id(), recovery(request), report).ifPresent(recovered::add);
      }
      return recovered;
    });
  }

  private static Transition recovery(RootRequest request) {
    if (request.state() == State.APPROVED) {
      return Transition.abandon(Outcome.of("Rootbot stopped after the approval and before the task started, so"
          + " nothing was done in AWS. Ask again if it is still needed."));
    }
    String key = request.accessKeyId().map(k -> " (access key ID " + k + ")").orElse("");
    return Transition.interrupt(Outcome.of("Rootbot stopped while the task was running, so it may or may not have"
        + " changed something. It will not be run again: check the resource, and CloudTrail for the root session's"
        + " calls" + key + ", before asking again."));
  }

  private String whyNot(Connection connection, RequestId id, String what) throws SQLException {
    Optional<RootRequest> request = rows.find(connection, id);
    if (request.isEmpty()) {
      return "cannot " + what + ": there is no request " + id;
    }
    if (request.get().state() != State.RUNNING) {
      return "cannot " + what + ": request " + id + " is " + request.get().state().words() + ", not running";
    }
    return "cannot " + what + ": request " + id + " already keeps a backup, and a task keeps only one";
  }

  private static String describe(RootRequest request) {
    return request.task().summary() + " in " + request.accountName() + " (" + request.task().target() + ") with "
        + request.task().policy() + request.reason().map(r -> ", because " + r.text()).orElse("");
  }
}
