package dev.rootbot.actions.org.scp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One statement of an SCP. An absent Resource means every resource. SCPs have no Principal: a statement is
 * aimed at root through conditions such as {@code ArnLike aws:PrincipalArn arn:aws:iam::*:root}.
 *
 * @param number its place in the policy, from 1, to name a statement without a Sid
 */
record ScpStatement(int number, Optional<String> sid, boolean allow, List<String> actions, boolean notAction,
    List<String> resources, boolean notResource, List<ScpCondition> conditions) {

  /** Whether the statement applies to a call, and if that cannot be known, on what it depends. */
  record Evaluation(Tri applies, List<String> doubts) {}

  /** "statement DenyRootUser", or "statement 2 (no Sid)". */
  String label() {
    return sid.map(s -> "statement " + s).orElse("statement " + number + " (no Sid)");
  }

  boolean testsAssumedRoot() {
    return conditions.stream().anyMatch(c -> c.tests("aws:AssumedRoot"));
  }

  Evaluation evaluate(RootSessionContext who, RootCall call) {
    boolean named = actions.stream().anyMatch(pattern -> Glob.matches(pattern, call.action(), true));
    if (named == notAction) {
      return new Evaluation(Tri.FALSE, List.of());
    }
    List<String> doubts = new ArrayList<>();
    Tri applies = resource(who, call, doubts);
    for (ScpCondition condition : conditions) {
      if (applies == Tri.FALSE) {
        break;
      }
      applies = applies.and(condition.evaluate(who, call, doubts));
    }
    return new Evaluation(applies, applies == Tri.UNKNOWN ? List.copyOf(doubts) : List.of());
  }

  private Tri resource(RootSessionContext who, RootCall call, List<String> doubts) {
    Tri named = Tri.FALSE;
    for (String pattern : resources) {
      named = named.or(Variables.resolve(pattern, who, call).map(call.resource()::matchedBy).orElse(Tri.UNKNOWN));
    }
    Tri applies = notResource ? named.not() : named;
    if (applies == Tri.UNKNOWN) {
      doubts.add("whether its " + (notResource ? "NotResource " : "Resource ") + String.join(", ", resources)
          + " covers " + call.resource());
    }
    return applies;
  }
}
