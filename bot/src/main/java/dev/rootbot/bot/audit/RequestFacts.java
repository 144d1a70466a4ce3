package dev.rootbot.bot.audit;

import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The facts each kind of entry carries: exactly what it establishes about its request, never a value read
 * back from the row (a changed row would otherwise be copied into the chain). Folded over a request's
 * entries, later texts replacing earlier ones and lists adding to a set, they give what the request's row
 * must say ({@link RequestRow}); {@code from} is not folded but checked against the state the chain had.
 * Large stored texts (task, backup, outcome) are named by their digest, {@code sha256:} and 64 hex digits of
 * their UTF-8 bytes as the row keeps them.
 */
public final class RequestFacts {
  /** The target account's 12-digit ID; also what ties an entry to an account in exports and history. */
  public static final String ACCOUNT = "account";
  public static final String REQUESTER = "requester";
  /** Digest of the stored task ({@code requests.task}). */
  public static final String TASK = "task";
  public static final String REASON = "reason";
  /** The state after the entry ({@code requests.state}). */
  public static final String STATE = "state";
  /** The state the entry moved the request from, as the row said in that transaction: checked, not folded. */
  public static final String FROM = "from";
  public static final String DECIDED_BY = "decided_by";
  /** The root session's access key ID ({@code requests.access_key_id}). */
  public static final String ACCESS_KEY_ID = "access_key_id";
  /** Digest of the stored backup ({@code requests.backup}). */
  public static final String BACKUP = "backup";
  /** Digest of the stored outcome ({@code requests.outcome}). */
  public static final String OUTCOME = "outcome";
  /** Confirmed AssumeRoot events, a list of {@code {"access_key_id":…,"event_id":…}}; in the chain only. */
  public static final String TRAIL_EVENTS = "trail_events";

  // Reserved for what other changes add, chain-only until their row has a column: the names are fixed here
  // so that exports, evidence and history already read them.
  /** Every target account of a request over several (a fleet task): a list of 12-digit IDs. */
  public static final String ACCOUNTS = "accounts";
  /** The approval-policy rule that decided, on {@code approve}, {@code approval} and {@code deny}. */
  public static final String RULE = "rule";
  /** The preview's fingerprint, on the {@code preview} entry: SHA-256 of the state the approver saw. */
  public static final String FINGERPRINT = "fingerprint";
  /** The preview's root session access key ID, on the {@code preview} entry. */
  public static final String PREVIEW_KEY = "preview_key";

  private RequestFacts() {}

  /** Of the {@code request} entry: who asked for what, where and why; the stored task is {@code requests.task}. */
  public static Facts filed(RootRequest request, String storedTask) {
    Facts facts = Facts.NONE
        .with(REQUESTER, request.requester().value())
        .with(ACCOUNT, request.work().account().value())
        .with(TASK, digest(storedTask))
        .with(STATE, request.state().name());
    return request.reason().map(Reason::text).map(reason -> facts.with(REASON, reason)).orElse(facts);
  }

  /**
   * Of an entry that moves a request ({@code approve}, {@code start}, {@code succeed}, …): the states, who
   * decided, and the outcome's digest when the move carries one.
   *
   * @param from the state the row had in the transaction that moves it
   * @param storedOutcome the outcome text written to {@code requests.outcome}, exactly when the move carries one
   */
  public static Facts moved(State from, Transition transition, Optional<String> storedOutcome) {
    State to = from.after(transition.action()).orElseThrow(() -> new IllegalArgumentException(
        transition.action() + " does not apply to a request that is " + from.words()));
    if (storedOutcome.isPresent() != transition.outcome().isPresent()) {
      throw new IllegalArgumentException("the stored outcome is given exactly when " + transition.action()
          + " carries one");
    }
    Facts facts = Facts.NONE.with(FROM, from.name()).with(STATE, to.name());
    if (transition.by().isPresent()) {
      facts = facts.with(DECIDED_BY, transition.by().get().value());
    }
    if (storedOutcome.isPresent()) {
      facts = facts.with(OUTCOME, digest(storedOutcome.get()));
    }
    return facts;
  }

  /** Of the {@code session} entry: the root session's access key ID. */
  public static Facts sessionStarted(String accessKeyId) {
    return Facts.NONE.with(ACCESS_KEY_ID, accessKeyId);
  }

  /** Of the {@code backup} entry: the digest of the backup as stored in {@code requests.backup}. */
  public static Facts backupKept(String storedBackup) {
    return Facts.NONE.with(BACKUP, digest(storedBackup));
  }

  /** Of a {@code trail confirmed} entry: CloudTrail delivered the AssumeRoot event that issued the key. */
  public static Facts trailConfirmed(String accessKeyId, String eventId) {
    Facts event = Facts.NONE.with(ACCESS_KEY_ID, accessKeyId).with("event_id", eventId);
    return Facts.NONE.with(TRAIL_EVENTS, new Fact.Items(List.of(event)));
  }

  /** {@code sha256:} and the hex SHA-256 of the text's UTF-8 bytes. */
  public static String digest(String storedText) {
    return "sha256:" + Chain.sha256(storedText.getBytes(StandardCharsets.UTF_8));
  }
}
