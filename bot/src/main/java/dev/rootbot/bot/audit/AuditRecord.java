package dev.rootbot.bot.audit;

import dev.rootbot.bot.request.RequestId;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.Objects;
import java.util.Optional;

/**
 * What one audit entry says: exactly the part its hash covers. Its canonical JSON has the seven names in
 * ascending order, {@code {"actor":…,"at":…,"detail":…,"event":…,"facts":{…},"request":…,"seq":N}}, with
 * {@code request} {@code null} when the entry concerns no request (see {@code docs/audit-chain.md}).
 *
 * @param seq its place in the chain, from 1; any number is accepted here, so that the verifier can name a wrong one
 * @param at when, to the microsecond (the store keeps no more), in the years 0000 to 9999
 * @param request the request it concerns, if any
 * @param actor a Slack user ID, or "rootbot" for what Rootbot did by itself
 * @param event what happened: "request", "approve", "start", "session", "backup", "refused approve", …
 * @param detail the rest, in words
 * @param facts the request's decisive facts this entry establishes ({@link RequestFacts})
 */
public record AuditRecord(long seq, Instant at, Optional<RequestId> request, String actor, String event,
    String detail, Facts facts) {
  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

  public AuditRecord {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(facts, "facts");
    if (at.getLong(ChronoField.NANO_OF_SECOND) % 1000 != 0) {
      throw new IllegalArgumentException("an audit entry's time is kept to the microsecond; got " + at
          + " (truncate it to microseconds first)");
    }
    if (at.isBefore(FIRST) || at.isAfter(LAST)) {
      throw new IllegalArgumentException("an audit entry's time is in the years 0000 to 9999; got " + at);
    }
  }

  /** The entry's canonical JSON, the text its hash covers after the previous hash. */
  public String canonicalJson() {
    var out = new StringBuilder(160 + detail.length());
    out.append('{');
    writeUpToFacts(out);
    out.append(',');
    writeFromRequest(out);
    out.append('}');
    return out.toString();
  }

  /** {@code "actor":…,"at":…,"detail":…,"event":…,"facts":{…}}: the names that sort before {@code hash}. */
  void writeUpToFacts(StringBuilder out) {
    CanonicalJson.name(out, "actor");
    CanonicalJson.string(out, actor);
    out.append(',');
    CanonicalJson.name(out, "at");
    CanonicalJson.string(out, CanonicalJson.time(at));
    out.append(',');
    CanonicalJson.name(out, "detail");
    CanonicalJson.string(out, detail);
    out.append(',');
    CanonicalJson.name(out, "event");
    CanonicalJson.string(out, event);
    out.append(',');
    CanonicalJson.name(out, "facts");
    CanonicalJson.fact(out, facts);
  }

  /** {@code "request":…,"seq":N}: the names that sort after {@code prev}. */
  void writeFromRequest(StringBuilder out) {
    CanonicalJson.name(out, "request");
    if (request.isPresent()) {
      CanonicalJson.string(out, request.get().value());
    } else {
      out.append("null");
    }
    out.append(',');
    CanonicalJson.name(out, "seq");
    out.append(seq);
  }

  /** The same entry at another place in the chain: what the verifier tries when an entry may have moved. */
  AuditRecord atSeq(long other) {
    return new AuditRecord(other, at, request, actor, event, detail, facts);
  }
}
