package dev.rootbot.bot.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.List;

/**
 * The decisive columns of one {@code requests} row, as stored: raw texts, so that a changed row is compared
 * with the chain rather than refused by a parser. {@link #facts} are what the chain must have established.
 */
public record RequestRow(String id, String requester, String accountId, String storedTask, Optional<String> reason,
    String state, Optional<String> decidedBy, Optional<String> accessKeyId, Optional<String> storedBackup,
    Optional<String> storedOutcome) {
  /** The facts a row holds; only these are compared, the chain may establish more (e.g. confirmed events). */
  public static final List<String> NAMES = List.of(RequestFacts.REQUESTER, RequestFacts.ACCOUNT, RequestFacts.TASK,
      RequestFacts.REASON, RequestFacts.STATE, RequestFacts.DECIDED_BY, RequestFacts.ACCESS_KEY_ID,
      RequestFacts.BACKUP, RequestFacts.OUTCOME);

  public RequestRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(storedTask, "storedTask");
    Objects.requireNonNull(state, "state");
  }

  /** The row as facts under the names of {@link RequestFacts}; an empty column is an absent fact. */
  public Facts facts() {
    Facts facts = Facts.NONE
        .with(RequestFacts.REQUESTER, requester)
        .with(RequestFacts.ACCOUNT, accountId)
        .with(RequestFacts.TASK, RequestFacts.digest(storedTask))
        .with(RequestFacts.STATE, state);
    facts = with(facts, RequestFacts.REASON, reason);
    facts = with(facts, RequestFacts.DECIDED_BY, decidedBy);
    facts = with(facts, RequestFacts.ACCESS_KEY_ID, accessKeyId);
    facts = with(facts, RequestFacts.BACKUP, storedBackup.map(RequestFacts::digest));
    return with(facts, RequestFacts.OUTCOME, storedOutcome.map(RequestFacts::digest));
  }

  private static Facts with(Facts facts, String name, Optional<String> value) {
    return value.map(v -> facts.with(name, v)).orElse(facts);
  }
}
