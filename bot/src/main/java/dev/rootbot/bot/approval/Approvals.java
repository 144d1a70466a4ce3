package dev.rootbot.bot.approval;

import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The rules for who may request, approve, deny and cancel a root request. Pure: the facts about the
 * person and the time come in as values, and each case is one table row in the tests.
 *
 * <p>Approving takes two people: the requester can never approve their own request, even when they are
 * an approver. Denying is for approvers too, but not the requester, who cancels instead; cancelling is
 * for the requester only. Only a request that is still waiting and not expired can be decided.
 */
public record Approvals(Approvers approvers) {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public Approvals {
    Objects.requireNonNull(approvers, "approvers");
  }

  /** Whether {@code requester} may ask for a root task. */
  public Decision mayRequest(Person requester) {
    if (!requester.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot ask for root tasks");
    }
    if (approvers.isEmpty()) {
      // A request nobody can approve would only wait and expire.
      return Decision.refuse("nobody can approve root tasks yet: ask an admin to set ROOTBOT_APPROVERS");
    }
    return Decision.allow();
  }

  /** Whether {@code approver} may approve {@code request} at {@code now}. */
  public Decision mayApprove(RootRequest request, Person approver, Instant now) {
    Decision pending = stillWaiting(request, now);
    if (!pending.isAllowed()) {
      return pending;
    }
    if (approver.id().equals(request.requester())) {
      return Decision.refuse("you asked for this, so someone else must approve it");
    }
    if (!approver.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot approve");
    }
    if (!approvers.include(approver)) {
      return Decision.refuse("only people in ROOTBOT_APPROVERS can approve");
    }
    return Decision.allow();
  }

  /** Whether {@code denier} may deny {@code request} at {@code now}: any approver except the requester. */
  public Decision mayDeny(RootRequest request, Person denier, Instant now) {
    Decision pending = stillWaiting(request, now);
    if (!pending.isAllowed()) {
      return pending;
    }
    if (denier.id().equals(request.requester())) {
      return Decision.refuse("you asked for this: use Cancel to withdraw it");
    }
    if (!denier.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot deny");
    }
    if (!approvers.include(denier)) {
      return Decision.refuse("only people in ROOTBOT_APPROVERS can deny");
    }
    return Decision.allow();
  }

  /**
   * Whether {@code canceller} may cancel {@code request} at {@code now}: only its requester. Cancelling only
   * takes power away, so it needs no check of what kind of member they are.
   */
  public Decision mayCancel(RootRequest request, Person canceller, Instant now) {
    Decision pending = stillWaiting(request, now);
    if (!pending.isAllowed()) {
      return pending;
    }
    if (!canceller.id().equals(request.requester())) {
      return Decision.refuse("only " + request.requester().mention() + ", who asked, can cancel this request");
    }
    return Decision.allow();
  }

  /**
   * Whether {@code reader} may read the audit history in Slack ({@code /root history …}): any active, full member,
   * the same people who may ask for a root task, whether or not they approve. The history shows who asked for
   * what and why, which the cards already showed in their channels; guests may see only the channels they were
   * invited to, so they are refused, as bots and deactivated users are.
   */
  public static Decision mayReadHistory(Person reader) {
    if (!reader.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot read the audit history");
    }
    return Decision.allow();
  }

  /**
   * Whether {@code request} can still be decided at {@code now}: it is waiting and not expired. Every
   * approve, deny and cancel asks this first, whichever rules then apply.
   */
  public static Decision stillWaiting(RootRequest request, Instant now) {
    if (request.state() != State.REQUESTED) {
      String by = request.decidedBy().map(user -> " (decided by " + user.mention() + ")").orElse("");
      return Decision.refuse("this request is no longer waiting for approval: it is " + request.state().words() + by);
    }
    if (request.isExpiredAt(now)) {
      return Decision.refuse("this request expired at " + CLOCK.format(request.expiresAt()) + "; ask again if you still need it");
    }
    return Decision.allow();
  }
}
