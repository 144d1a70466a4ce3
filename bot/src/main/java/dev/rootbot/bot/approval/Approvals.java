package dev.rootbot.bot.approval;

import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The rules about a request that hold under any approval policy: only a request still waiting and not expired
 * can be decided, only its requester can cancel it, and who may read the audit history. Who may ask, approve,
 * deny and review is the policy's ({@link dev.rootbot.bot.policy.Rule}). Pure: the facts about the person and
 * the time come in as values, and each case is one table row in the tests.
 */
public final class Approvals {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Approvals() {}

  /**
   * Whether {@code canceller} may cancel {@code request} at {@code now}: only its requester. Cancelling only
   * takes power away, so it needs no check of what kind of member they are.
   */
  public static Decision mayCancel(RootRequest request, Person canceller, Instant now) {
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
