package dev.rootbot.bot.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What clears a request to run under the approval policy: the rule that applies to it (chosen when it was
 * asked), the distinct approvals it has collected towards that rule's quorum, and, when someone broke glass
 * to run it without approval, the review it owes.
 *
 * @param rule the name of the policy rule chosen when the request was filed
 * @param approvals who approved it so far, in order; the requester never counts
 */
public record Clearance(Optional<String> rule, List<UserId> approvals, Optional<BreakGlassReview> breakGlass) {
  public Clearance {
    Objects.requireNonNull(rule, "rule");
    approvals = List.copyOf(approvals);
    Objects.requireNonNull(breakGlass, "breakGlass");
  }

  /** No rule recorded (a request filed before the approval policy), no approvals, no break-glass. */
  public static Clearance none() {
    return new Clearance(Optional.empty(), List.of(), Optional.empty());
  }

  public boolean brokeGlass() {
    return breakGlass.isPresent();
  }
}
