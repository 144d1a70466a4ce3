package dev.rootbot.bot.store;

import dev.rootbot.actions.task.Backup;
import dev.rootbot.bot.request.BreakGlassReview;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import java.time.Duration;
import java.time.Instant;
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

  /**
   * Files {@code asked} and, in the same transaction, moves it on at once with {@code cleared}: {@code admit}
   * when its rule needs no approval, {@code breakGlass} when someone broke glass. Nobody sees it waiting, and a
   * failure leaves neither. {@code report} is given the request after the move.
   */
  RootRequest fileCleared(NewRequest asked, Transition cleared, Report report);

  Optional<RootRequest> find(RequestId id);

  /**
   * A restore of {@code unlock}'s backup that is waiting, running, done or unknown: one restore per unlock, so
   * the same policy is not put back twice. A restore that was denied, cancelled, expired or failed does not count.
   */
  Optional<RootRequest> restoreOf(RequestId unlock);

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
   * <p>Runners start requests with {@link #claimNext}, before the first call to AWS, so that a request still
   * APPROVED is known to have done nothing, and finish them with {@link #finish}.
   *
   * @return the request after the change; empty when it was not in that state (someone else was first,
   *     it expired, it never existed), in which case nothing changed
   */
  Optional<RootRequest> move(RequestId id, Transition transition, Report report);

  /**
   * Adds {@code approver}'s approval to a waiting request, in one transaction with its audit entry: distinct
   * approvers are counted (nobody twice, never the requester), and the approval that reaches {@code quorum}
   * moves the request to APPROVED, with what {@code onApproved} makes of it; an approval short of the quorum
   * stores what {@code onCounted} makes (the card's progress). Safe with several replicas: of concurrent
   * approvals, exactly one reaches the quorum.
   */
  Approval approve(RequestId id, UserId approver, int quorum, Report onApproved, Report onCounted);

  /** What {@link #approve} did, and the request after it. */
  record Approval(Kind kind, RootRequest request) {
    public enum Kind {
      /** Counted, short of the quorum. */
      COUNTED,
      /** This approval reached the quorum: the request is APPROVED. */
      APPROVED,
      /** This person had approved it already: nothing changed. */
      ALREADY_COUNTED,
      /** The request is no longer waiting for approval: nothing changed. */
      NOT_WAITING
    }
  }

  /**
   * Records the review of a break-glass run, once: {@code reviewer}'s verdict and comment, audited, with what
   * {@code report} makes of it. Empty when the request owes no review, or was reviewed already.
   */
  Optional<RootRequest> review(RequestId id, UserId reviewer, BreakGlassReview.Verdict verdict, Optional<String> comment,
      Report report);

  /**
   * Break-glass runs whose review is overdue at this time and whose announce channels were not reminded for
   * {@code every}: to remind them again.
   */
  List<RootRequest> reviewsOverdue(Duration every);

  /**
   * Reminds, with the messages {@code report} makes, that the review of break-glass run {@code id} is overdue,
   * and records when, in one transaction: a reminder is queued once per {@link #reviewsOverdue} period.
   */
  void remind(RequestId id, Report report);

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

  /**
   * Claims the longest-approved request for {@code runner}: moves it to RUNNING with {@code runner} as its owner,
   * in one transaction with its audit entry and what {@code report} makes of it. Of several replicas claiming at
   * once, each gets a different request. Empty when none is waiting.
   */
  Optional<RootRequest> claimNext(ReplicaId runner, Report report);

  /** Whether any request waits for a runner: a cheap read before trying to claim. */
  boolean anyApproved();

  /** How many approved requests wait to run before {@code id}: the card says "queued, N ahead". */
  int approvedAhead(RequestId id);

  /**
   * Stores how a task that {@code runner} ran ended. Normally the request is RUNNING and moves with {@code end}.
   * If it was declared UNKNOWN meanwhile (its runner seemed gone), the runner still knows the truth and the
   * request takes the late form of {@code end} ({@link Transition#late}). Otherwise the outcome is refused, and
   * only appended to the audit log with the messages {@code report} makes, so it is still told.
   * A request that finished with a root session then waits for its CloudTrail confirmation
   * ({@link #trailDue}).
   */
  Finish finish(RequestId id, ReplicaId runner, Transition end, Report report);

  /** What {@link #finish} did. */
  record Finish(Kind kind, RootRequest request) {
    public enum Kind {
      /** RUNNING moved to the outcome. */
      FINISHED,
      /** The request had been declared UNKNOWN; the real outcome replaced it. */
      LATE,
      /** The request was in no state to take it; the outcome was audited and told, the state left alone. */
      REFUSED
    }
  }

  /** Expires every waiting request whose time is up; returns them, expired, to update their cards. */
  default List<RootRequest> expireDue() {
    return expireDue(Report.NOTHING);
  }

  List<RootRequest> expireDue(Report report);

  /**
   * Ends what no replica will finish: a request RUNNING on a replica that has not said it is alive for
   * {@code lease} (or said it stopped) becomes UNKNOWN — it may have changed something, so it is never re-run —
   * and one APPROVED for longer than {@code approvedFor} without a runner taking it becomes FAILED (nothing was
   * done). Returns them, with what {@code report} made of each, to update their cards and threads.
   */
  List<RootRequest> recoverOrphans(Duration lease, Duration approvedFor, Report report);

  /** Requests waiting for CloudTrail to deliver their AssumeRoot event whose next check is due, oldest first. */
  List<TrailWait> trailDue(int limit);

  /** A request waiting for its CloudTrail confirmation: its root session's key and when it was issued. */
  record TrailWait(RequestId id, String accessKeyId, Instant issuedAt, Instant finishedAt) {}

  /** CloudTrail delivered the AssumeRoot event {@code eventId}: audited, and {@code reply} queued for the thread. */
  void trailConfirmed(RequestId id, String eventId, Outgoing reply);

  /** Not delivered yet: check again at {@code next}. */
  void trailRetryAt(RequestId id, Instant next);

  /** Not delivered in time: stop checking, audited, and {@code reply} queued for the thread. */
  void trailGaveUp(RequestId id, Outgoing reply);
}
