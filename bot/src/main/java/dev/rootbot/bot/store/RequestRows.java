package dev.rootbot.bot.store;

import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.bot.request.Briefing;
import dev.rootbot.bot.request.BreakGlassReview;
import dev.rootbot.bot.request.Clearance;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** A {@link RootRequest} as a row of {@code requests}, and back. */
final class RequestRows {
  private static final String COLUMNS = "id, task_kind, task, account_id, account_name, requester, channel,"
      + " thread_ts, reason, state, created_at, expires_at, decided_by, decided_at, card_ts, started_at,"
      + " access_key_id, backup, outcome, finished_at, preview, preview_key, warnings, restore_of, rule,"
      + " review_due_at, reviewed_by, review_verdict, review_comment, reminded_at";

  private final Dialect dialect;

  RequestRows(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Inserts a new request; false if its ID is taken. */
  boolean insert(Connection connection, RootRequest request) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO requests (" + COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (id) DO NOTHING")) {
      insert.setString(1, request.id().value());
      insert.setString(2, StoredJson.kind(request.work()));
      insert.setString(3, StoredJson.task(request.work()));
      insert.setString(4, request.work().account().value());
      insert.setString(5, request.accountName());
      insert.setString(6, request.requester().value());
      insert.setString(7, request.origin().channel().value());
      insert.setString(8, request.origin().thread().map(MessageTs::value).orElse(null));
      insert.setString(9, request.reason().map(Reason::text).orElse(null));
      insert.setString(10, request.state().name());
      dialect.setInstant(insert, 11, request.createdAt());
      dialect.setInstant(insert, 12, request.expiresAt());
      insert.setString(13, request.decidedBy().map(UserId::value).orElse(null));
      setInstant(insert, 14, request.decidedAt());
      insert.setString(15, request.card().map(MessageTs::value).orElse(null));
      setInstant(insert, 16, request.startedAt());
      insert.setString(17, request.accessKeyId().orElse(null));
      insert.setString(18, request.backup().map(StoredJson::backup).orElse(null));
      insert.setString(19, request.outcome().map(StoredJson::outcome).orElse(null));
      setInstant(insert, 20, request.finishedAt());
      insert.setString(21, request.briefing().snapshot().map(Snapshot::toJson).orElse(null));
      insert.setString(22, request.briefing().previewKey().orElse(null));
      insert.setString(23, StoredJson.texts(request.briefing().warnings()));
      insert.setString(24, request.restoreOf().map(RequestId::value).orElse(null));
      Clearance clearance = request.clearance();
      insert.setString(25, clearance.rule().orElse(null));
      Optional<BreakGlassReview> review = clearance.breakGlass();
      setInstant(insert, 26, review.map(BreakGlassReview::dueAt));
      insert.setString(27, review.flatMap(BreakGlassReview::reviewer).map(UserId::value).orElse(null));
      insert.setString(28, review.flatMap(BreakGlassReview::verdict).map(Enum::name).orElse(null));
      insert.setString(29, review.flatMap(BreakGlassReview::comment).orElse(null));
      setInstant(insert, 30, review.flatMap(BreakGlassReview::remindedAt));
      return insert.executeUpdate() == 1;
    }
  }

  Optional<RootRequest> find(Connection connection, RequestId id) throws SQLException {
    List<RootRequest> found = where(connection, "id = ?", id.value());
    return found.stream().findFirst();
  }

  /** The requests matching {@code condition}, whose {@code ?} take {@code values} (texts or instants). */
  List<RootRequest> where(Connection connection, String condition, Object... values) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + COLUMNS + " FROM requests WHERE " + condition)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof Instant instant) {
          dialect.setInstant(select, i + 1, instant);
        } else {
          select.setString(i + 1, (String) values[i]);
        }
      }
      var found = new ArrayList<RootRequest>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          found.add(read(row));
        }
      }
      Map<String, List<UserId>> approvals = approvals(connection,
          found.stream().map(r -> r.id().value()).collect(java.util.stream.Collectors.toList()));
      found.replaceAll(r -> r.with(new Clearance(r.clearance().rule(), approvals.getOrDefault(r.id().value(), List.of()),
          r.clearance().breakGlass())));
      return found;
    }
  }

  void setInstant(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
    if (instant.isPresent()) {
      dialect.setInstant(statement, index, instant.get());
    } else {
      statement.setNull(index, dialect == Dialect.SQLITE ? Types.VARCHAR : Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  private RootRequest read(ResultSet row) throws SQLException {
    String id = row.getString("id");
    try {
      return new RootRequest(
          new RequestId(id),
          StoredJson.task(row.getString("task")),
          row.getString("account_name"),
          new UserId(row.getString("requester")),
          new Origin(new ChannelId(row.getString("channel")), text(row, "thread_ts").map(MessageTs::new)),
          text(row, "reason").map(Reason::new),
          State.valueOf(row.getString("state")),
          dialect.requiredInstant(row, "created_at"),
          dialect.requiredInstant(row, "expires_at"),
          text(row, "decided_by").map(UserId::new),
          dialect.instant(row, "decided_at"),
          text(row, "card_ts").map(MessageTs::new),
          dialect.instant(row, "started_at"),
          text(row, "access_key_id"),
          text(row, "backup").map(StoredJson::backup),
          text(row, "outcome").map(StoredJson::outcome),
          dialect.instant(row, "finished_at"),
          new Briefing(text(row, "preview").map(Snapshot::fromJson), text(row, "preview_key"),
              text(row, "warnings").map(StoredJson::texts).orElse(List.of())),
          text(row, "restore_of").map(RequestId::new),
          new Clearance(text(row, "rule"), List.of(), review(row)));
    } catch (IllegalArgumentException e) {
      throw new StoreFailure("request " + id + " is stored in a form this Rootbot cannot read: " + e.getMessage(), e);
    }
  }

  private Optional<BreakGlassReview> review(ResultSet row) throws SQLException {
    Optional<Instant> due = dialect.instant(row, "review_due_at");
    if (due.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BreakGlassReview(due.get(), text(row, "reviewed_by").map(UserId::new),
        text(row, "review_verdict").map(BreakGlassReview.Verdict::valueOf), text(row, "review_comment"),
        dialect.instant(row, "reminded_at")));
  }

  /** The approvals of each request, distinct approvers in the order they approved. */
  private Map<String, List<UserId>> approvals(Connection connection, List<String> ids) throws SQLException {
    Map<String, List<UserId>> approvals = new HashMap<>();
    if (ids.isEmpty()) {
      return approvals;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement select = connection.prepareStatement("SELECT request_id, approver FROM approvals"
        + " WHERE request_id IN (" + marks + ") ORDER BY approved_at, approver")) {
      for (int i = 0; i < ids.size(); i++) {
        select.setString(i + 1, ids.get(i));
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          approvals.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(new UserId(row.getString(2)));
        }
      }
    }
    return approvals;
  }

  private static Optional<String> text(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }
}
