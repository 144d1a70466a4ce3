package dev.rootbot.bot.policy;

import dev.rootbot.bot.request.ChannelId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy in plain text, rule by rule in the order they are tried, for {@code rootbot policy check} and
 * the log at start. Not Slack text: names are shown as written, unescaped.
 */
public final class Summary {
  private Summary() {}

  public static String of(Policy policy) {
    var lines = new ArrayList<String>();
    int n = 0;
    for (Rule rule : policy.rules()) {
      n++;
      lines.add(n + ". " + rule.name() + (rule.line() > 0 ? "  (line " + rule.line() + ")" : ""));
      lines.addAll(rule(policy, rule));
    }
    lines.add("Anything no rule matches is refused.");
    return String.join("\n", lines);
  }

  /** The lines that describe one rule, indented, without its name. */
  public static List<String> rule(Policy policy, Rule rule) {
    var lines = new ArrayList<String>();
    lines.add("   tasks:       " + rule.tasks().written());
    lines.add("   accounts:    " + rule.accounts().stream().map(AccountPattern::written).collect(Collectors.joining(", ")));
    lines.add("   requesters:  " + people(policy, rule.requesters()));
    lines.add("   approvers:   " + (rule.needsApproval() ? people(policy, rule.approvers()) : "none needed"));
    lines.add("   quorum:      " + (rule.needsApproval() ? rule.quorum() + " (distinct approvers; the requester never counts)"
        : "0 (runs at once)"));
    lines.add("   conditions:  " + conditions(rule));
    lines.add("   break-glass: " + rule.breakGlass().map(glass -> people(policy, glass.who()) + "; reviewed within "
        + glass.reviewWithin().toHours() + " h; announced in " + channels(glass.announce())).orElse("none"));
    return lines;
  }

  /** "platform-leads (U0PLATLEAD1, U0PLATLEAD2), S0X", or "any full member". */
  public static String people(Policy policy, Audience audience) {
    if (audience.anyMember()) {
      return "any full member";
    }
    if (audience.isEmpty()) {
      return "nobody";
    }
    return audience.written().stream().map(entry -> policy.groups().containsKey(entry)
        ? entry + " (" + String.join(", ", policy.groups().get(entry).written()) + ")" : entry)
        .collect(Collectors.joining(", "));
  }

  private static String conditions(Rule rule) {
    var conditions = new ArrayList<String>();
    rule.reason().ifPresent(pattern -> conditions.add("the reason matches " + pattern.source()));
    if (!rule.channels().isEmpty()) {
      conditions.add("asked in " + channels(rule.channels()));
    }
    rule.ttl().ifPresent(ttl -> conditions.add("a request waits " + ttl.toMinutes() + " min"));
    return conditions.isEmpty() ? "none" : String.join("; ", conditions);
  }

  private static String channels(List<ChannelId> channels) {
    return channels.stream().map(ChannelId::value).collect(Collectors.joining(", "));
  }
}
