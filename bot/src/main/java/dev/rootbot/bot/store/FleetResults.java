package dev.rootbot.bot.store;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each account's result of a task over the organization, stored as it completes, and the progress message of the
 * request's thread. A resumed audit reads what was done and audits only the rest; a resumed deletion also reads which
 * accounts it had started, which it reports UNKNOWN and never runs again.
 *
 * <p>An audit's results only say what was read, so they are plain writes; a deletion's start and outcome in each
 * account are decisive facts, so they are appended to the audit chain in the same transaction.
 */
public interface FleetResults {

  /** One account's row: started only (a deletion in flight, or cut short), or done with its result. */
  record Stored(AccountId account, boolean done, Optional<String> result, Optional<Instant> completedAt) {}

  /** Stores an account's result (its JSON) for a task that only reads. Storing it twice keeps the first. */
  void read(RequestId request, AccountId account, String result);

  /** Records, audited, that a change in {@code account} is about to start: before its root session. */
  void started(RequestId request, AccountId account, String detail);

  /** Stores, audited, how the change in {@code account} ended: {@code event} and {@code detail} for the audit log. */
  void changed(RequestId request, AccountId account, String result, String event, String detail);

  /** Every account's row of {@code request}, in the order they were stored. */
  List<Stored> of(RequestId request);

  /** The thread's progress message, once posted. */
  Optional<MessageTs> progressMessage(RequestId request);

  /** Remembers the progress message, so later progress updates it in place. */
  void progressPosted(RequestId request, MessageTs message);
}
