package dev.rootbot.bot.policy;

import dev.rootbot.bot.approval.Approvers;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.card.Mrkdwn;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The approval policy: named groups of people, and rules tried in order. The first rule whose tasks and
 * accounts match a request applies; a request no rule matches is refused. Read from a file by
 * {@link PolicyFile}, or built from the older approver list by {@link #fromApprovers}.
 *
 * @param groups the file's named groups, in the order written
 */
public record Policy(int version, Map<String, Audience> groups, List<Rule> rules) {
  /** The only version of the file format there is. */
  public static final int VERSION = 1;

  /** The name of the one rule {@link #fromApprovers} builds; people see it in refusals. */
  public static final String APPROVERS_RULE = "every task in every account";

  /** The configuration error when both ways of naming approvers are set; for whoever runs Rootbot. */
  public static final String BOTH_SET = "ROOTBOT_POLICY and ROOTBOT_APPROVERS are both set: with a policy file,"
      + " approvers are named in its rules. Unset ROOTBOT_APPROVERS (put its IDs in a group of the policy; the"
      + " README's \"Approval policy\" shows how), or unset ROOTBOT_POLICY to keep the single approver list.";

  public Policy {
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    rules = List.copyOf(rules);
  }

  /**
   * The policy that {@code ROOTBOT_APPROVERS} alone stands for, so that the flow has one path: one rule,
   * {@value #APPROVERS_RULE}, for every task ({@code *}) in every account ({@code *}); any full member may
   * ask, anywhere, with any reason; one approval from a listed person or a member of a listed group; the
   * default time to wait; no break-glass. Written as a file, with the list {@code U1,S1}:
   *
   * <pre>
   * version: 1
   * rules:
   *   - name: every task in every account
   *     tasks: ["*"]
   *     accounts: ["*"]
   *     requesters: ["*"]
   *     approvers: [U1, S1]
   *     quorum: 1
   * </pre>
   *
   * An empty list gives a rule nobody can approve, so every request is refused up front, as today.
   */
  public static Policy fromApprovers(Approvers approvers) {
    var rule = new Rule(APPROVERS_RULE, 0, TaskSet.everyTask(), List.of(new AccountPattern.Any()),
        Audience.everyone(), Audience.of(approvers.users(), approvers.groups()), 1, Optional.empty(), List.of(),
        Optional.empty(), Optional.empty());
    return new Policy(VERSION, Map.of(), List.of(rule));
  }

  /** The rule that applies to {@code task} in {@code account}: the first whose tasks and accounts match. */
  public Selection select(TaskId task, TargetAccount account) {
    return rules.stream().filter(rule -> rule.matches(task, account)).findFirst()
        .<Selection>map(Selection.Matched::new)
        .orElseGet(() -> new Selection.NoRule("no rule of the approval policy covers " + Mrkdwn.code(task.id())
            + " in account " + Mrkdwn.escape(account.label()) + ", so it cannot be asked for;"
            + " ask your Rootbot admin if you need it"));
  }

  /**
   * The rule named {@code name}: a request keeps the name of the rule chosen when it was asked, and is decided by
   * that rule as the policy has it now. Empty when a reload removed or renamed it.
   */
  public Optional<Rule> rule(String name) {
    return rules.stream().filter(rule -> rule.name().equals(name)).findFirst();
  }

  /** The rules under which {@code person} may ask for something, in order: for "what may I ask for?". */
  public List<Rule> openTo(Person person) {
    return rules.stream().filter(rule -> rule.requesterAllowed(person).isAllowed()).collect(Collectors.toList());
  }

  /**
   * Every Slack user group the policy names anywhere (requesters, approvers, break-glass): the groups whose
   * members must be looked up to fill in {@link Person#groups()}.
   */
  public Set<GroupId> userGroups() {
    return rules.stream()
        .flatMap(rule -> Stream.concat(Stream.of(rule.requesters(), rule.approvers()),
            rule.breakGlass().map(b -> Stream.of(b.who())).orElseGet(Stream::empty)))
        .flatMap(Audience::userGroups)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
