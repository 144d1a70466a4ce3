package dev.rootbot.bot.request;

import dev.rootbot.actions.task.Backup;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request for a root task, from the moment it is asked until it ends: what, for whom, why, and
 * everything that happened to it. The store keeps it; {@link #after} is the same change in memory.
 *
 * @param work the root task in one account, or the task over the organization
 * @param accountName the target account's name, for people (the organization's, for a fleet task); the work holds its ID
 * @param card the approval card's message, once posted
 * @param decidedBy who approved, denied or cancelled it (see {@link #approver()})
 * @param accessKeyId the root session's access key ID, the key that ties its calls together in CloudTrail
 * @param backup the policy as it was before the task changed it, kept before the change
 * @param briefing what the approver was shown and the run is bound to: the preview and the preflight's warnings
 * @param restoreOf for a restore, the unlock whose backup it puts back
 * @param clearance the approval policy's rule, the approvals so far, and a break-glass run's review
 */
public record RootRequest(
    RequestId id,
    Work work,
    String accountName,
    UserId requester,
    Origin origin,
    Optional<Reason> reason,
    State state,
    Instant createdAt,
    Instant expiresAt,
    Optional<UserId> decidedBy,
    Optional<Instant> decidedAt,
    Optional<MessageTs> card,
    Optional<Instant> startedAt,
    Optional<String> accessKeyId,
    Optional<Backup> backup,
    Optional<Outcome> outcome,
    Optional<Instant> finishedAt,
    Briefing briefing,
    Optional<RequestId> restoreOf,
    Clearance clearance) {

  public RootRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(briefing, "briefing");
    Objects.requireNonNull(restoreOf, "restoreOf");
    Objects.requireNonNull(clearance, "clearance");
    if (accountName == null || accountName.isBlank()) {
      throw new IllegalArgumentException("a request names its account for people; got none");
    }
    if (work.needsReason() && reason.isEmpty()) {
      throw new IllegalArgumentException("a task that changes something needs a reason: " + work.summary());
    }
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a request expires after it is created");
    }
  }

  /** A new request waiting for approval, created at {@code now} and expiring {@code ttl} later. */
  public static RootRequest requested(RequestId id, NewRequest asked, Instant now) {
    return new RootRequest(id, asked.work(), asked.accountName(), asked.requester(), asked.origin(), asked.reason(),
        State.REQUESTED, now, now.plus(asked.ttl()), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), asked.briefing(),
        asked.restoreOf(), new Clearance(asked.rule(), java.util.List.of(), asked.reviewDue().map(BreakGlassReview::due)));
  }

  /**
   * This request after {@code transition} at {@code now}.
   *
   * @throws IllegalStateException when the transition does not apply to this request's state
   */
  public RootRequest after(Transition transition, Instant now) {
    Action action = transition.action();
    State next = state.after(action).orElseThrow(() -> new IllegalStateException(
        "cannot " + action.name().toLowerCase(java.util.Locale.ROOT) + " request " + id + ": it is " + state.words()));
    boolean decides = action.needsPerson();
    return new RootRequest(id, work, accountName, requester, origin, reason, next, createdAt, expiresAt,
        decides ? transition.by() : decidedBy,
        decides ? Optional.of(now) : decidedAt,
        card,
        action == Action.START ? Optional.of(now) : startedAt,
        accessKeyId, backup,
        transition.outcome().or(() -> outcome),
        next.isFinal() ? Optional.of(now) : finishedAt, briefing, restoreOf, clearance);
  }

  /** The same request with another clearance: as the store reads its approvals. */
  public RootRequest with(Clearance other) {
    return new RootRequest(id, work, accountName, requester, origin, reason, state, createdAt, expiresAt, decidedBy,
        decidedAt, card, startedAt, accessKeyId, backup, outcome, finishedAt, briefing, restoreOf, other);
  }

  /** The root task, for a request in one account; empty for a task over the organization. */
  public java.util.Optional<dev.rootbot.actions.task.RootTask> rootTask() {
    return work.rootTask();
  }

  /** Who approved it, once someone has. */
  public Optional<UserId> approver() {
    boolean approved = state != State.REQUESTED && state != State.DENIED && state != State.CANCELLED
        && state != State.EXPIRED;
    return approved ? decidedBy : Optional.empty();
  }

  /** Whether the time to approve it has run out at {@code now}, whatever its state says. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** How long the request waits for approval. */
  public Duration ttl() {
    return Duration.between(createdAt, expiresAt);
  }
}
