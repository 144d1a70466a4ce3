package dev.rootbot.bot.audit;

import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stands in for the store as the lead wires the chain into it: every change appends the entry that
 * {@link RequestFacts} says, in the same step as the row changes. Rows are kept as {@link RequestRow}s,
 * the raw columns verify reads. Time moves a second per change.
 */
final class FakeAuditedStore {
  final List<ChainedEntry> entries = new ArrayList<>();
  final Map<String, RequestRow> rows = new LinkedHashMap<>();
  private Instant now = Instant.parse("2026-12-01T09:00:00.000001Z");

  RootRequest file(RequestId id, NewRequest asked) {
    RootRequest request = RootRequest.requested(id, asked, tick());
    String task = "{\"kind\":\"unlock_bucket\",\"target\":\"" + request.work().account().value() + "\",\"of\":\"" + id + "\"}";
    rows.put(id.value(), new RequestRow(id.value(), request.requester().value(), request.work().account().value(), task,
        request.reason().map(r -> r.text()), request.state().name(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()));
    append(Optional.of(id), request.requester().value(), "request", request.work().summary() + " in "
        + request.accountName(), RequestFacts.filed(request, task));
    return request;
  }

  void move(RequestId id, Transition transition) {
    RequestRow row = rows.get(id.value());
    State from = State.valueOf(row.state());
    State to = from.after(transition.action()).orElseThrow();
    Optional<String> outcome = transition.outcome().map(o -> "{\"text\":\"" + o.text() + "\"}");
    rows.put(id.value(), new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(), row.reason(),
        to.name(), transition.by().map(UserId::value).or(row::decidedBy), row.accessKeyId(), row.storedBackup(),
        outcome.or(row::storedOutcome)));
    append(Optional.of(id), transition.by().map(UserId::value).orElse("rootbot"),
        transition.action().name().toLowerCase(java.util.Locale.ROOT), from + " → " + to,
        RequestFacts.moved(from, transition, outcome));
  }

  void sessionStarted(RequestId id, String accessKeyId) {
    RequestRow row = rows.get(id.value());
    rows.put(id.value(), new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(), row.reason(),
        row.state(), row.decidedBy(), Optional.of(accessKeyId), row.storedBackup(), row.storedOutcome()));
    append(Optional.of(id), "rootbot", "session", "root session started with access key ID " + accessKeyId,
        RequestFacts.sessionStarted(accessKeyId));
  }

  void keepBackup(RequestId id, String storedBackup) {
    RequestRow row = rows.get(id.value());
    rows.put(id.value(), new RequestRow(row.id(), row.requester(), row.accountId(), row.storedTask(), row.reason(),
        row.state(), row.decidedBy(), row.accessKeyId(), Optional.of(storedBackup), row.storedOutcome()));
    append(Optional.of(id), "rootbot", "backup", "kept the bucket policy before changing it",
        RequestFacts.backupKept(storedBackup));
  }

  void confirmed(RequestId id, String accessKeyId, String eventId) {
    append(Optional.of(id), "rootbot", "trail confirmed", "CloudTrail delivered AssumeRoot event " + eventId,
        RequestFacts.trailConfirmed(accessKeyId, eventId));
  }

  void refused(Optional<RequestId> id, UserId who, String attempted, String why) {
    append(id, who.value(), "refused " + attempted, why, Facts.NONE);
  }

  ChainedEntry append(Optional<RequestId> request, String actor, String event, String detail, Facts facts) {
    Head head = entries.isEmpty() ? Head.EMPTY : entries.get(entries.size() - 1).head();
    ChainedEntry entry = Chain.next(head, tick(), request, actor, event, detail, facts);
    entries.add(entry);
    return entry;
  }

  /** The entries as verify reads them. */
  List<StoredEntry> stored() {
    return new ArrayList<>(entries);
  }

  Instant tick() {
    now = now.plus(Duration.ofSeconds(1));
    return now;
  }
}
