package dev.rootbot.bot.policy;

import dev.rootbot.bot.request.UserId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The approvals a request has collected so far, in the order given. What counts toward the quorum is
 * {@link #counted()}: each person once, and never the requester, whatever was recorded.
 *
 * @param requester who asked
 * @param approvals who approved, as recorded (one audit entry each)
 */
public record Tally(UserId requester, List<UserId> approvals) {
  public Tally {
    Objects.requireNonNull(requester, "requester");
    approvals = List.copyOf(approvals);
  }

  /** No approval yet. */
  public static Tally none(UserId requester) {
    return new Tally(requester, List.of());
  }

  /** This tally with one more approval. */
  public Tally with(UserId approver) {
    var more = new ArrayList<>(approvals);
    more.add(approver);
    return new Tally(requester, more);
  }

  /** The distinct approvers other than the requester, in the order they first approved. */
  public List<UserId> counted() {
    var distinct = new LinkedHashSet<>(approvals);
    distinct.remove(requester);
    return List.copyOf(distinct);
  }

  public int count() {
    return counted().size();
  }

  public boolean hasApproved(UserId user) {
    return !user.equals(requester) && approvals.contains(user);
  }
}
