package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.List;
import java.util.Optional;

/**
 * What happened, who did it and when, appended and never changed: the database itself refuses to
 * update or delete an entry. The store appends every request, move, session and backup by itself;
 * the Slack side adds refusals.
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
}
