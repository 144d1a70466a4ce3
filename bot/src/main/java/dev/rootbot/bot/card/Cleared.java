package dev.rootbot.bot.card;

import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.UserId;
import java.util.List;
import java.util.stream.Collectors;

/** Who or what let a request run, in words for its card and thread: its approvers, a break-glass, or its rule. */
final class Cleared {
  private Cleared() {}

  /** "<@U1> approved", "<@U1>, <@U2> approved", "<@U1> broke glass", "No approval is needed under rule “audits”". */
  static String who(RootRequest request) {
    if (request.clearance().brokeGlass()) {
      return Mrkdwn.user(request.requester()) + " broke glass, so it runs without approval";
    }
    List<UserId> approvals = approvers(request);
    if (!approvals.isEmpty()) {
      return approvals.stream().map(Mrkdwn::user).collect(Collectors.joining(", ")) + " approved";
    }
    return "No approval is needed" + request.clearance().rule()
        .map(rule -> " under rule “" + Mrkdwn.escape(rule) + "”").orElse("");
  }

  /** Who approved it, in order: its counted approvals, or the one who decided before approvals were counted. */
  private static List<UserId> approvers(RootRequest request) {
    List<UserId> approvals = request.clearance().approvals().stream()
        .filter(user -> !user.equals(request.requester())).distinct().toList();
    return approvals.isEmpty() ? request.decidedBy().map(List::of).orElse(List.of()) : approvals;
  }

  /** "approved by <@U1>, <@U2>", "run without approval by <@U1>'s break-glass", "let through by rule “audits”". */
  static String by(RootRequest request) {
    if (request.clearance().brokeGlass()) {
      return "run without approval: " + Mrkdwn.user(request.requester()) + " broke glass";
    }
    List<UserId> approvals = approvers(request);
    if (!approvals.isEmpty()) {
      return "approved by " + approvals.stream().map(Mrkdwn::user).collect(Collectors.joining(", "));
    }
    return "needing no approval" + request.clearance().rule()
        .map(rule -> " under rule “" + Mrkdwn.escape(rule) + "”").orElse("");
  }
}
