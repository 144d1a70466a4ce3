package dev.rootbot.bot.card;

import dev.rootbot.bot.policy.Policies;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.policy.Tally;
import dev.rootbot.bot.request.RootRequest;
import java.util.Optional;

/**
 * Who may approve a request and how far its approval has come, in words for its card: from the rule of the
 * approval policy that the request was asked under. The approvers are mentions, so posting the card tells them.
 */
public interface Approving {
  /** "Rule “unlocks”: Needs 2 of <!subteam^S0APPROVE> — 1/2: <@U0BOB0000>". */
  String progress(RootRequest request);

  /** Who may review a break-glass run of {@code request}: the rule's approvers, as mentions. */
  String reviewers(RootRequest request);

  /** From the policy in force: each request by the rule it was asked under, as the policy has it now. */
  static Approving by(Policies policies) {
    return new Approving() {
      @Override
      public String progress(RootRequest request) {
        Optional<Rule> rule = rule(request);
        if (rule.isEmpty()) {
          return missing(request);
        }
        return "Rule " + rule.get().quoted() + ": "
            + rule.get().progress(new Tally(request.requester(), request.clearance().approvals()));
      }

      @Override
      public String reviewers(RootRequest request) {
        return rule(request).map(rule -> rule.approvers().mentions()).orElse("an approver");
      }

      private Optional<Rule> rule(RootRequest request) {
        return request.clearance().rule().flatMap(policies.current()::rule);
      }
    };
  }

  /** Words for a request whose rule is not in the policy now (a reload removed it) or that has none (older). */
  private static String missing(RootRequest request) {
    return request.clearance().rule()
        .map(rule -> "Rule “" + Mrkdwn.escape(rule) + "” is no longer in the approval policy, so this cannot be"
            + " approved; ask again")
        .orElse("Needs approval under the approval policy");
  }
}
