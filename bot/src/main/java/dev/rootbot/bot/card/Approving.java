package dev.rootbot.bot.card;

import dev.rootbot.bot.approval.Approvers;
import dev.rootbot.bot.request.RootRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may approve a request and how far its approval has come, in words for its card: from the approval
 * policy's rule, or from the one list of approvers. The approvers are mentions, so posting the card tells them.
 */
public interface Approving {
  /** "Needs 1 of <@U0BOB0000>, <!subteam^S0APPROVE>", or the progress of a quorum: "Needs 2 of … — 1/2: <@U0BOB0000>". */
  String progress(RootRequest request);

  /** From the one list of approvers: any one of them, other than the requester. */
  static Approving anyOf(Approvers approvers) {
    List<String> mentions = new ArrayList<>();
    approvers.users().stream().sorted(java.util.Comparator.comparing(u -> u.value())).forEach(u -> mentions.add(Mrkdwn.user(u)));
    approvers.groups().stream().sorted(java.util.Comparator.comparing(g -> g.value()))
        .forEach(g -> mentions.add("<!subteam^" + g.value() + ">"));
    String named = mentions.isEmpty() ? "an approver (none is set yet)" : String.join(", ", mentions);
    return request -> "Needs 1 of " + named;
  }
}
