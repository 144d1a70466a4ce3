package dev.rootbot.bot.store;

import dev.rootbot.actions.task.Backup;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The stored root requests, and the only way to change their state: {@link #move}, one conditional
 * update, so that a request moves at most once however many people click or replicas run. Every move is
 * appended to the audit log in the same transaction.
 */
public interface Requests {

  /** Stores a new request, waiting for approval, with a fresh ID; do this before posting its card. */
  default RootRequest file(NewRequest asked) {
    return file(asked, Report.NOTHING);
  }

  /** Stores a new request and, in the same transaction, the messages {@code report} makes for it. */
  RootRequest file(NewRequest asked, Report report);

  Optional<RootRequest> find(RequestId id);

  /** Requests not yet finished (waiting, approved or running), oldest first. */
  List<RootRequest> open();

  /** Applies {@code transition} if the request is still in the state the action starts from. */
  default Optional<RootRequest> move(RequestId id, Transition transition) {
    return move(id, transition, Report.NOTHING);
  }

  /**
   * Applies {@code transition} if the request is still in the state its action starts from, and stores
   * what {@code report} makes of the result with it.
   *
   * <p>{@code Transition.start()} must be stored before the first call to AWS: a request still APPROVED
   * after a restart is then known to have done nothing (see {@link #recoverInterrupted}).
   *
   * @return the request after the change; empty when it was not in that state (someone else was first,
   *     it expired, it never existed), in which case nothing changed
   */
  Optional<RootRequest> move(RequestId id, Transition transition, Report report);

  /** Remembers the approval card's message, so later updates and replies find it. */
  void cardPosted(RequestId id, MessageTs card);

  /**
   * Records the root session's access key ID as soon as {@code AssumeRoot} returns it: the key that finds
   * the task's calls in CloudTrail, kept even if the task never finishes.
   *
   * @throws StoreFailure when the request is not running
   */
  void sessionStarted(RequestId id, String accessKeyId);

  /**
   * Keeps {@code backup} durably before the task changes anything; a request keeps one backup, whole.
   *
   * @throws StoreFailure when the request is not running or already has a backup: the task must then
   *     stop without changing anything
   */
  void keepBackup(RequestId id, Backup backup);

  /** Expires every waiting request whose time is up; returns them, expired, to update their cards. */
  default List<RootRequest> expireDue() {
    return expireDue(Report.NOTHING);
  }

  List<RootRequest> expireDue(Report report);

  /**
   * After a restart: a request left RUNNING for at least {@code runningFor} becomes UNKNOWN (it may have
   * changed something, so it is never re-run), and one left APPROVED that long becomes FAILED (it never
   * started, so nothing was done). Returns them to update their cards and threads.
   *
   * <p>With one replica, call it at start with {@link Duration#ZERO}. With several, a request RUNNING may
   * belong to a live replica: call it regularly with more than a root session's 15 minutes.
   */
  default List<RootRequest> recoverInterrupted(Duration runningFor) {
    return recoverInterrupted(runningFor, Report.NOTHING);
  }

  List<RootRequest> recoverInterrupted(Duration runningFor, Report report);
}
