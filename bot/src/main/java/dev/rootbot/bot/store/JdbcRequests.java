package dev.rootbot.bot.store;

import dev.rootbot.actions.task.Backup;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.RequestFacts;
import dev.rootbot.bot.request.Action;
import dev.rootbot.bot.request.BreakGlassReview;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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
    return database.writeAudited(connection -> insert(connection, asked, report));
  }

  @Override
  public RootRequest fileCleared(NewRequest asked, Transition cleared, Report report) {
    if (cleared.action() != Action.ADMIT && cleared.action() != Action.BREAK_GLASS) {
      throw new IllegalArgumentException("a request is filed cleared by admit or break-glass, not " + cleared.action());
    }
    return database.writeAudited(connection -> {
      RootRequest filed = insert(connection, asked, Report.NOTHING);
      return move(connection, filed.id(), cleared, report).orElseThrow();
    });
  }

  private RootRequest insert(Connection connection, NewRequest asked, Report report) throws SQLException {
    {
      Instant now = database.now();
      for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
        RootRequest request = RootRequest.requested(RequestId.random(), asked, now);
        if (rows.insert(connection, request)) {
          audit.append(connection, now, Optional.of(request.id()), request.requester().value(), "request",
              describe(request), RequestFacts.filed(request, StoredJson.task(request.work())));
          if (request.briefing().previewKey().isPresent()) {
            Facts preview = Facts.NONE.with(RequestFacts.PREVIEW_KEY, request.briefing().previewKey().get());
            if (request.briefing().snapshot().isPresent()) {
              preview = preview.with(RequestFacts.FINGERPRINT, request.briefing().snapshot().get().fingerprint().sha256());
            }
            audit.append(connection, now, Optional.of(request.id()), JdbcAuditLog.ROOTBOT, "preview",
                "read what will change in a root session with access key ID " + request.briefing().previewKey().get()
                    + request.briefing().snapshot().map(s -> ": " + s.finding().headline() + " (sha256 "
                        + s.fingerprint().sha256() + ")").orElse(""), preview);
          } else if (request.work() instanceof dev.rootbot.bot.request.FleetTask
              && request.briefing().snapshot().isPresent()) {
            // What the approver of a task over the organization is shown (for a deletion, every account's audited
            // fingerprint, which binds its run) was read without a root session of its own: chained all the same.
            var shown = request.briefing().snapshot().get();
            audit.append(connection, now, Optional.of(request.id()), JdbcAuditLog.ROOTBOT, "preview", "shown on the"
                + " card: " + shown.finding().headline() + " (sha256 " + shown.fingerprint().sha256() + ")",
                Facts.NONE.with(RequestFacts.FINGERPRINT, shown.fingerprint().sha256()));
          }
          outbox.enqueue(connection, request.id(), report.messages(request), now);
          return request;
        }
      }
      throw new StoreFailure("no free request ID after " + ID_ATTEMPTS + " tries; is the random source broken?");
    }
  }

  @Override
  public Optional<RootRequest> restoreOf(RequestId unlock) {
    return database.read(connection -> rows.where(connection, "restore_of = ? AND state IN ('REQUESTED',"
        + " 'APPROVED', 'RUNNING', 'SUCCEEDED', 'UNKNOWN') ORDER BY created_at DESC, id", unlock.value()).stream()
        .findFirst());
  }

  @Override
  public Optional<RootRequest> find(RequestId id) {
    return database.read(connection -> rows.find(connection, id));
  }

  @Override
  public List<RootRequest> open() {
    return database.read(connection -> rows.where(connection,
        "state IN ('REQUESTED', 'APPROVED', 'RUNNING') ORDER BY created_at, id"));
  }

  @Override
  public Optional<RootRequest> move(RequestId id, Transition transition, Report report) {
    return database.writeAudited(connection -> move(connection, id, transition, report));
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
    Optional<String> outcome = after.outcome().map(StoredJson::outcome);
    try (PreparedStatement update = connection.prepareStatement("UPDATE requests SET state = ?, decided_by = ?,"
        + " decided_at = ?, started_at = ?, outcome = ?, finished_at = ? WHERE id = ? AND state = ?")) {
      update.setString(1, after.state().name());
      update.setString(2, after.decidedBy().map(UserId::value).orElse(null));
      rows.setInstant(update, 3, after.decidedAt());
      rows.setInstant(update, 4, after.startedAt());
      update.setString(5, outcome.orElse(null));
      rows.setInstant(update, 6, after.finishedAt());
      update.setString(7, id.value());
      update.setString(8, action.from().name());
      if (update.executeUpdate() == 0) {
        return Optional.empty(); // another click or replica moved it since we read it
      }
    }
    String actor = transition.by().map(UserId::value).orElse(JdbcAuditLog.ROOTBOT);
    String detail = action.from() + " → " + after.state() + transition.outcome().map(o -> ": " + o.text()).orElse("");
    audit.append(connection, now, Optional.of(id), actor, action.name().toLowerCase(Locale.ROOT), detail,
        RequestFacts.moved(action.from(), transition, transition.outcome().isPresent() ? outcome : Optional.empty()));
    // Read again: the row is ours now, and the card's ts may have been stored since the first read.
    RootRequest stored = rows.find(connection, id).orElseThrow();
    outbox.enqueue(connection, id, report.messages(stored), now);
    return Optional.of(stored);
  }

  @Override
  public Approval approve(RequestId id, UserId approver, int quorum, Report onApproved, Report onCounted) {
    return database.writeAudited(connection -> {
      RootRequest current = rows.find(connection, id).orElseThrow(() -> new StoreFailure("no request " + id));
      if (current.state() != State.REQUESTED) {
        return new Approval(Approval.Kind.NOT_WAITING, current);
      }
      if (approver.equals(current.requester())) {
        throw new IllegalArgumentException("the requester never counts towards a quorum");
      }
      Instant now = database.now();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO approvals (request_id, approver,"
          + " approved_at) VALUES (?, ?, ?) ON CONFLICT (request_id, approver) DO NOTHING")) {
        insert.setString(1, id.value());
        insert.setString(2, approver.value());
        database.dialect().setInstant(insert, 3, now);
        if (insert.executeUpdate() == 0) {
          return new Approval(Approval.Kind.ALREADY_COUNTED, current);
        }
      }
      int counted;
      try (PreparedStatement count = connection.prepareStatement(
          "SELECT count(*) FROM approvals WHERE request_id = ? AND approver <> ?")) {
        count.setString(1, id.value());
        count.setString(2, current.requester().value());
        try (ResultSet row = count.executeQuery()) {
          row.next();
          counted = row.getInt(1);
        }
      }
      Facts facts = Facts.NONE.with("approver", approver.value()); // not decided_by: that is the row's, set by the approval that reaches the quorum
      if (current.clearance().rule().isPresent()) {
        facts = facts.with(RequestFacts.RULE, current.clearance().rule().get());
      }
      audit.append(connection, now, Optional.of(id), approver.value(), "approval", "approval " + Math.min(counted,
          quorum) + " of " + quorum + current.clearance().rule().map(rule -> " under rule \"" + rule + "\"").orElse(""),
          facts);
      if (counted >= quorum) {
        RootRequest approved = move(connection, id, Transition.approve(approver), onApproved).orElseThrow();
        return new Approval(Approval.Kind.APPROVED, approved);
      }
      RootRequest counting = rows.find(connection, id).orElseThrow();
      outbox.enqueue(connection, id, onCounted.messages(counting), now);
      return new Approval(Approval.Kind.COUNTED, counting);
    });
  }

  @Override
  public Optional<RootRequest> review(RequestId id, UserId reviewer, BreakGlassReview.Verdict verdict,
      Optional<String> comment, Report report) {
    return database.writeAudited(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE requests SET reviewed_by = ?,"
          + " review_verdict = ?, review_comment = ? WHERE id = ? AND review_due_at IS NOT NULL"
          + " AND review_verdict IS NULL")) {
        update.setString(1, reviewer.value());
        update.setString(2, verdict.name());
        update.setString(3, comment.orElse(null));
        update.setString(4, id.value());
        if (update.executeUpdate() == 0) {
          return Optional.<RootRequest>empty();
        }
      }
      Instant now = database.now();
      audit.append(connection, now, Optional.of(id), reviewer.value(), "review", "break-glass run reviewed: "
          + verdict.words() + comment.map(c -> ": " + c).orElse(""));
      RootRequest reviewed = rows.find(connection, id).orElseThrow();
      outbox.enqueue(connection, id, report.messages(reviewed), now);
      return Optional.of(reviewed);
    });
  }

  @Override
  public List<RootRequest> reviewsOverdue(Duration every) {
    return database.read(connection -> {
      Instant now = database.now();
      return rows.where(connection, "review_due_at <= ? AND review_verdict IS NULL"
          + " AND (reminded_at IS NULL OR reminded_at <= ?) ORDER BY review_due_at, id", now, now.minus(every));
    });
  }

  @Override
  public void remind(RequestId id, Report report) {
    database.write(connection -> {
      Instant now = database.now();
      try (PreparedStatement update = connection.prepareStatement("UPDATE requests SET reminded_at = ? WHERE id = ?"
          + " AND review_verdict IS NULL")) {
        database.dialect().setInstant(update, 1, now);
        update.setString(2, id.value());
        if (update.executeUpdate() == 0) {
          return null; // reviewed meanwhile: no reminder
        }
      }
      outbox.enqueue(connection, id, report.messages(rows.find(connection, id).orElseThrow()), now);
      return null;
    });
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
    database.writeAudited(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE requests SET access_key_id = ? WHERE id = ? AND state = 'RUNNING'")) {
        update.setString(1, accessKeyId);
        update.setString(2, id.value());
        if (update.executeUpdate() == 0) {
          throw new StoreFailure(whyNot(connection, id, "record its root session"));
        }
      }
      audit.append(connection, database.now(), Optional.of(id), JdbcAuditLog.ROOTBOT, "session",
          "root session started with access key ID " + accessKeyId, RequestFacts.sessionStarted(accessKeyId));
      return null;
    });
  }

  @Override
  public void keepBackup(RequestId id, Backup backup) {
    String stored = StoredJson.backup(backup);
    database.writeAudited(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE requests SET backup = ? WHERE id = ? AND state = 'RUNNING' AND backup IS NULL")) {
        update.setString(1, stored);
        update.setString(2, id.value());
        if (update.executeUpdate() == 0) {
          throw new StoreFailure(whyNot(connection, id, "keep a backup"));
        }
      }
      audit.append(connection, database.now(), Optional.of(id), JdbcAuditLog.ROOTBOT, "backup",
          "kept the " + backup.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " of " + backup.resource()
              + " (" + backup.policy().sizeInBytes() + " bytes) before changing it", RequestFacts.backupKept(stored));
      return null;
    });
  }

  @Override
  public List<RootRequest> expireDue(Report report) {
    return database.writeAudited(connection -> {
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
  public Optional<RootRequest> claimNext(ReplicaId runner, Report report) {
    return database.writeAudited(connection -> {
      String id;
      try (PreparedStatement oldest = connection.prepareStatement("SELECT id FROM requests WHERE state = 'APPROVED'"
          + " ORDER BY decided_at, id LIMIT 1" + database.dialect().lockRows())) {
        try (ResultSet row = oldest.executeQuery()) {
          if (!row.next()) {
            return Optional.<RootRequest>empty();
          }
          id = row.getString(1);
        }
      }
      Optional<RootRequest> started = move(connection, new RequestId(id), Transition.start(), Report.NOTHING);
      if (started.isEmpty()) {
        return started;
      }
      try (PreparedStatement own = connection.prepareStatement("UPDATE requests SET runner = ? WHERE id = ?")) {
        own.setString(1, runner.value());
        own.setString(2, id);
        own.executeUpdate();
      }
      outbox.enqueue(connection, started.get().id(), report.messages(started.get()), database.now());
      return started;
    });
  }

  @Override
  public boolean anyApproved() {
    return database.read(connection -> {
      try (PreparedStatement any = connection.prepareStatement("SELECT 1 FROM requests WHERE state = 'APPROVED' LIMIT 1");
          ResultSet row = any.executeQuery()) {
        return row.next();
      }
    });
  }

  @Override
  public int approvedAhead(RequestId id) {
    return database.read(connection -> {
      try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM requests r, requests me"
          + " WHERE me.id = ? AND me.state = 'APPROVED' AND r.state = 'APPROVED'"
          + " AND (r.decided_at < me.decided_at OR (r.decided_at = me.decided_at AND r.id < me.id))")) {
        count.setString(1, id.value());
        try (ResultSet row = count.executeQuery()) {
          row.next();
          return row.getInt(1);
        }
      }
    });
  }

  @Override
  public Finish finish(RequestId id, ReplicaId runner, Transition end, Report report) {
    return database.writeAudited(connection -> {
      RootRequest current = rows.find(connection, id).orElseThrow(() -> new StoreFailure("no request " + id));
      boolean ours = runner.value().equals(runnerOf(connection, id).orElse(null));
      Optional<Transition> late = end.late();
      if (ours && current.state() == State.RUNNING) {
        RootRequest after = move(connection, id, end, report).orElseThrow();
        awaitTrail(connection, after);
        return new Finish(Finish.Kind.FINISHED, after);
      }
      if (ours && current.state() == State.UNKNOWN && late.isPresent()) {
        RootRequest after = move(connection, id, late.get(), report).orElseThrow();
        awaitTrail(connection, after);
        return new Finish(Finish.Kind.LATE, after);
      }
      Instant now = database.now();
      audit.append(connection, now, Optional.of(id), JdbcAuditLog.ROOTBOT, "outcome refused",
          "replica " + runner + " finished the task (" + end.action().to() + end.outcome().map(o -> ": " + o.text())
              .orElse("") + ") but the request is " + current.state() + (ours ? "" : " and not its own"));
      outbox.enqueue(connection, id, report.messages(current), now);
      return new Finish(Finish.Kind.REFUSED, current);
    });
  }

  private Optional<String> runnerOf(Connection connection, RequestId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT runner FROM requests WHERE id = ?")) {
      select.setString(1, id.value());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    }
  }

  /** A finished task that had a root session waits for CloudTrail to deliver its AssumeRoot event. */
  private void awaitTrail(Connection connection, RootRequest finished) throws SQLException {
    if (finished.accessKeyId().isEmpty()) {
      return;
    }
    try (PreparedStatement wait = connection.prepareStatement(
        "UPDATE requests SET trail_state = 'WAITING', trail_next_at = ? WHERE id = ? AND trail_state IS NULL")) {
      database.dialect().setInstant(wait, 1, database.now());
      wait.setString(2, finished.id().value());
      wait.executeUpdate();
    }
  }

  @Override
  public List<RootRequest> recoverOrphans(Duration lease, Duration approvedFor, Report report) {
    return database.writeAudited(connection -> {
      Instant now = database.now();
      var recovered = new ArrayList<RootRequest>();
      for (RootRequest request : rows.where(connection, "(state = 'RUNNING' AND (runner IS NULL OR runner NOT IN"
              + " (SELECT id FROM replicas WHERE stopped_at IS NULL AND heartbeat_at > ?)))"
              + " OR (state = 'APPROVED' AND decided_at <= ? AND started_at IS NULL) ORDER BY created_at, id",
          now.minus(lease), now.minus(approvedFor))) {
        move(connection, request.id(), recovery(request, approvedFor), report).ifPresent(recovered::add);
      }
      return recovered;
    });
  }

  @Override
  public List<TrailWait> trailDue(int limit) {
    return database.read(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT id, access_key_id, started_at, finished_at"
          + " FROM requests WHERE trail_state = 'WAITING' AND trail_next_at <= ? ORDER BY trail_next_at, id LIMIT ?")) {
        database.dialect().setInstant(select, 1, database.now());
        select.setInt(2, limit);
        var due = new ArrayList<TrailWait>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            due.add(new TrailWait(new RequestId(row.getString("id")), row.getString("access_key_id"),
                database.dialect().requiredInstant(row, "started_at"),
                database.dialect().requiredInstant(row, "finished_at")));
          }
        }
        return due;
      }
    });
  }

  @Override
  public void trailConfirmed(RequestId id, String eventId, Outgoing reply) {
    endTrail(id, "CONFIRMED", "trail confirmed", "CloudTrail delivered the AssumeRoot event " + eventId,
        key -> RequestFacts.trailConfirmed(key, eventId), reply);
  }

  @Override
  public void trailGaveUp(RequestId id, Outgoing reply) {
    endTrail(id, "GAVE_UP", "trail gave up",
        "CloudTrail had not delivered the AssumeRoot event when Rootbot stopped waiting", key -> Facts.NONE, reply);
  }

  /**
   * @param facts of the root session's access key ID, the one CloudTrail was asked about (as {@link #trailDue}
   *     read it)
   */
  private void endTrail(RequestId id, String state, String event, String detail, Function<String, Facts> facts,
      Outgoing reply) {
    database.writeAudited(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE requests SET trail_state = ?, trail_next_at = NULL WHERE id = ? AND trail_state = 'WAITING'")) {
        update.setString(1, state);
        update.setString(2, id.value());
        if (update.executeUpdate() == 0) {
          return null; // another replica ended it first
        }
      }
      Instant now = database.now();
      String key = rows.find(connection, id).flatMap(RootRequest::accessKeyId).orElse("");
      audit.append(connection, now, Optional.of(id), JdbcAuditLog.ROOTBOT, event, detail, facts.apply(key));
      outbox.enqueue(connection, id, List.of(reply), now);
      return null;
    });
  }

  @Override
  public void trailRetryAt(RequestId id, Instant next) {
    database.autocommit(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE requests SET trail_next_at = ? WHERE id = ? AND trail_state = 'WAITING'")) {
        database.dialect().setInstant(update, 1, next.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        update.setString(2, id.value());
        return update.executeUpdate();
      }
    });
  }

  private static Transition recovery(RootRequest request, Duration approvedFor) {
    if (request.state() == State.APPROVED) {
      return Transition.abandon(Outcome.of("No Rootbot replica could start the task within " + approvedFor.toMinutes()
          + " minutes of the approval, so nothing was done in AWS. Ask again if it is still needed."));
    }
    if (request.work() instanceof dev.rootbot.bot.request.FleetTask.AuditFleet
        || request.work() instanceof dev.rootbot.bot.request.FleetTask.DeleteCredentialsFleet) {
      // Account by account: an audit only reads, and a deletion's accounts in flight end UNKNOWN (never run
      // again) while the approved rest continue, whoever claims it.
      return Transition.resume();
    }
    String key = request.accessKeyId().map(k -> " (access key ID " + k + ")").orElse("");
    return Transition.interrupt(Outcome.of("The Rootbot replica running the task stopped, so it may or may not have"
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
    return request.work().summary() + " in " + request.accountName() + " (" + request.work().account() + ") with "
        + request.work().policy().map(String::valueOf).orElse("the bot's own role") + request.reason().map(r -> ", because " + r.text()).orElse("");
  }
}
