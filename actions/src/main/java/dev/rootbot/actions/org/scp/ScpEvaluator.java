package dev.rootbot.actions.org.scp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides, without I/O, whether the service control policies on an account's path would deny a root session's
 * call, in AWS's order: an explicit Deny in any SCP on the path denies; otherwise every level (the root, each
 * OU, the account) must have an attached SCP whose Allow covers the call, or the call is implicitly denied.
 * Anything that depends on what cannot be known before the call makes the verdict undecidable rather than a
 * guess, unless a certain denial already decides it.
 *
 * <p>A level with no SCP attached at all does not filter. AWS never leaves a target without one while SCPs are
 * enabled (it refuses to detach the last), so an empty level means a read that raced a change, or a simulated
 * organization; reading it as "allows nothing" would refuse every task there on a certainty AWS does not have.
 */
public final class ScpEvaluator {
  private ScpEvaluator() {}

  /** The verdict for each call, in order. */
  public static List<ActionVerdict> evaluate(List<ScpLevel> path, RootSessionContext who, List<RootCall> calls) {
    return calls.stream().map(call -> evaluate(path, who, call)).collect(Collectors.toList());
  }

  public static ActionVerdict evaluate(List<ScpLevel> path, RootSessionContext who, RootCall call) {
    List<ScpFinding> certain = new ArrayList<>();
    List<ScpFinding> unsure = new ArrayList<>();
    for (ScpLevel level : path) {
      if (level.policies().isEmpty()) {
        continue;
      }
      Tri allowed = Tri.FALSE;
      List<String> allowDoubts = new ArrayList<>();
      for (ServiceControlPolicy policy : level.policies()) {
        Optional<String> unreadable = policy.document().unreadable();
        if (unreadable.isPresent()) {
          unsure.add(finding(ScpFinding.Kind.MAY_DENY, level, policy, Optional.empty(), call,
              List.of("its content, which Rootbot could not read (" + unreadable.get() + ")"), ScpFinding.Fix.NONE));
          allowed = allowed.or(Tri.UNKNOWN);
          continue;
        }
        for (ScpStatement statement : policy.document().statements()) {
          ScpStatement.Evaluation e = statement.evaluate(who, call);
          if (statement.allow()) {
            allowed = allowed.or(e.applies());
            e.doubts().forEach(d -> allowDoubts.add(d + " (" + statement.label() + " of " + policy.label() + ")"));
          } else if (e.applies() == Tri.TRUE) {
            certain.add(finding(ScpFinding.Kind.DENIES, level, policy, Optional.of(statement), call, List.of(),
                statement.testsAssumedRoot() ? ScpFinding.Fix.DELIBERATE : ScpFinding.Fix.ADD_EXEMPTION));
          } else if (e.applies() == Tri.UNKNOWN) {
            unsure.add(finding(ScpFinding.Kind.MAY_DENY, level, policy, Optional.of(statement), call, e.doubts(),
                ScpFinding.Fix.NONE));
          }
        }
      }
      List<String> names = level.policies().stream().map(ServiceControlPolicy::label).collect(Collectors.toList());
      if (allowed == Tri.FALSE) {
        certain.add(levelFinding(ScpFinding.Kind.NOT_ALLOWED, level, call, List.of(), ScpFinding.Fix.ALLOW_AT_LEVEL, names));
      } else if (allowed == Tri.UNKNOWN) {
        unsure.add(levelFinding(ScpFinding.Kind.MAY_NOT_ALLOW, level, call, allowDoubts, ScpFinding.Fix.NONE, names));
      }
    }
    if (!certain.isEmpty()) {
      return new ActionVerdict(call.action(), ActionVerdict.Outcome.DENIED, certain);
    }
    if (!unsure.isEmpty()) {
      return new ActionVerdict(call.action(), ActionVerdict.Outcome.UNDECIDABLE, unsure);
    }
    return new ActionVerdict(call.action(), ActionVerdict.Outcome.ALLOWED, List.of());
  }

  private static ScpFinding finding(ScpFinding.Kind kind, ScpLevel level, ServiceControlPolicy policy,
      Optional<ScpStatement> statement, RootCall call, List<String> doubts, ScpFinding.Fix fix) {
    return new ScpFinding(kind, level.targetId(), level.attachedTo(), Optional.of(policy.name()),
        Optional.of(policy.id()), statement.map(ScpStatement::label), List.of(call.action()), doubts, fix, List.of());
  }

  private static ScpFinding levelFinding(ScpFinding.Kind kind, ScpLevel level, RootCall call, List<String> doubts,
      ScpFinding.Fix fix, List<String> levelPolicies) {
    return new ScpFinding(kind, level.targetId(), level.attachedTo(), Optional.empty(), Optional.empty(),
        Optional.empty(), List.of(call.action()), doubts, fix, levelPolicies);
  }
}
