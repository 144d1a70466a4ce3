package dev.rootbot.bot.store;

import dev.rootbot.bot.audit.Anchor;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.Verdict;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What happened, who did it and when, appended and never changed: the database itself refuses to
 * update or delete an entry, and the entries form a hash chain ({@code docs/audit-chain.md}), so that a
 * change made around the database's refusal is found by {@link #verify}. The store appends every request,
 * move, session and backup by itself, in the transaction of what it records; the Slack side adds refusals.
 */
public interface AuditLog {

  /**
   * Appends that {@code who} tried {@code attempted} ("approve", "deny", "cancel", "request") and was
   * refused {@code why}.
   */
  void refused(Optional<RequestId> request, UserId who, String attempted, String why);

  /**
   * Appends something Rootbot did or learned on its own account or someone's, outside a move of a request: e.g.
   * a preview's root session for a request that was then not filed (nothing to do).
   */
  void noted(Optional<RequestId> request, String actor, String event, String detail);

  /** Everything about one request, oldest first. */
  List<AuditEntry> of(RequestId request);

  /** The newest {@code limit} entries, newest first. */
  List<AuditEntry> latest(int limit);

  /** The chain's newest entry: its seq, hash and time ({@link Head#EMPTY} when the log is empty); its anchor. */
  Head head();

  /**
   * Checks the whole chain, and every request row against what its entries established, in one read of one
   * state of the store, against {@code anchor} when given. Streams: memory grows with the number of requests,
   * not of entries.
   */
  Verdict verify(Optional<Anchor> anchor);

  /**
   * Gives {@code reader} the chain's entries in seq order, read as it iterates (a cursor, so a long chain takes
   * little memory), and returns what it returns. The iterator is valid only during the call.
   *
   * @throws StoreFailure when an entry cannot be read: the chain is damaged there, which {@link #verify} explains
   */
  <T> T read(Function<Iterator<ChainedEntry>, T> reader);

  /**
   * The entries about {@code request}, in seq order, with their hashes.
   *
   * @throws StoreFailure when one cannot be read
   */
  List<ChainedEntry> chainOf(RequestId request);
}
