package dev.rootbot.bot.policy;

import dev.rootbot.bot.request.ChannelId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A rule as {@link PolicyReader} read it, with the nodes that later checks point at. Mutable and with nulls
 * for the parts that did not read, since it never leaves the reader: only a file with no problem becomes
 * {@link Rule}s.
 */
final class RuleDraft {
  Node node;
  Node nameNode;
  String name;
  TaskSet tasks;
  List<AccountPattern> accounts;
  List<Node> accountNodes;
  Audience requesters;
  Audience approvers;
  Integer quorum;
  Node quorumNode;
  ReasonPattern reason;
  List<ChannelId> channels = List.of();
  Duration ttl;
  BreakGlass breakGlass;
  Node breakGlassNode;

  String called() {
    return name == null ? "the rule on line " + Nodes.line(node) : "rule “" + name + "”";
  }

  Rule rule() {
    return new Rule(name, Nodes.line(node), tasks, accounts, requesters, approvers, quorum,
        Optional.ofNullable(reason), channels, Optional.ofNullable(ttl), Optional.ofNullable(breakGlass));
  }
}
