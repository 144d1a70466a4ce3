package dev.rootbot.actions.org.scp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What one SCP statement, or one level's set of SCPs, does to some actions of a root session: denies them, or
 * may. It names the policy, the statement and where it is attached, and says the fix in words a person can act on.
 *
 * @param policyName the SCP's name, for a statement; empty for a level that allows the actions nowhere
 * @param policyId the SCP's ID, like {@code p-abcd1234}, present with its name
 * @param statement "statement DenyRootUser" or "statement 2 (no Sid)"; empty for a level
 * @param doubts for the undecidable kinds, what the outcome depends on ("the condition IpAddress on aws:SourceIp")
 * @param levelPolicies the SCPs attached at the level, for {@link Kind#NOT_ALLOWED}
 */
public record ScpFinding(Kind kind, String targetId, String attachedTo, Optional<String> policyName,
    Optional<String> policyId, Optional<String> statement, List<String> actions, List<String> doubts, Fix fix,
    List<String> levelPolicies) {

  /** The exemption that lets a deny statement spare AssumeRoot sessions. */
  public static final String EXEMPTION = "\"Null\": {\"aws:AssumedRoot\": \"true\"}";

  /** The four ways SCPs stand in a root session's way; the first two are certain. */
  public enum Kind {
    DENIES(true), NOT_ALLOWED(true), MAY_DENY(false), MAY_NOT_ALLOW(false);

    private final boolean certain;

    Kind(boolean certain) {
      this.certain = certain;
    }

    public boolean certain() {
      return certain;
    }
  }

  /** How a certain finding is fixed. */
  public enum Fix {
    /** Add {@link #EXEMPTION} to the statement's Condition. */
    ADD_EXEMPTION,
    /** The statement tests aws:AssumedRoot already: it was written against root sessions; a person decides. */
    DELIBERATE,
    /** Attach FullAWSAccess at the level, or allow the actions in one of its SCPs. */
    ALLOW_AT_LEVEL,
    /** Nothing to fix for certain: the finding is a warning. */
    NONE
  }

  public ScpFinding {
    actions = List.copyOf(actions);
    doubts = List.copyOf(doubts);
    levelPolicies = List.copyOf(levelPolicies);
  }

  /** "DenyRootUser (p-abcd1234)", for a statement's finding. */
  public Optional<String> policy() {
    return policyName.map(name -> name + policyId.map(id -> " (" + id + ")").orElse(""));
  }

  /** The finding in one or two sentences, listing its actions. */
  public String sentence() {
    return sentence(a -> String.join(", ", a));
  }

  /** The finding in one or two sentences, with {@code actionsText} saying its actions (e.g. "every action of …"). */
  public String sentence(Function<List<String>, String> actionsText) {
    String what = actionsText.apply(actions);
    String where = policy().map(p -> "The SCP " + p + ", attached to " + attachedTo + ",").orElse("");
    String which = statement.map(s -> " (" + s + ")").orElse("");
    String unsure = String.join(" and ", doubts) + ", which Rootbot cannot know before the call.";
    switch (kind) {
      case DENIES:
        return where + " denies " + what + " to root sessions" + which + ". Fix: " + fixText(what);
      case NOT_ALLOWED:
        return "No SCP attached to " + attachedTo + " allows " + what + ". Fix: " + fixText(what);
      case MAY_DENY:
        return where + " may deny " + what + " to root sessions" + which + ": it depends on " + unsure;
      default:
        return "The SCPs attached to " + attachedTo + " may not allow " + what + ": their Allow depends on " + unsure;
    }
  }

  private String fixText(String what) {
    switch (fix) {
      case ADD_EXEMPTION:
        return "add " + EXEMPTION + " to that statement's Condition, so that it spares root sessions.";
      case DELIBERATE:
        return "that statement tests aws:AssumedRoot, so it was written to stop root sessions; if they should be"
            + " allowed " + what + ", change that condition or take the actions out of the statement.";
      case ALLOW_AT_LEVEL:
        return "attach " + ServiceControlPolicy.FULL_AWS_ACCESS + " to " + attachedTo + ", or allow " + what
            + " in one of the SCPs attached there (" + String.join(", ", levelPolicies) + ").";
      default:
        return "none needed.";
    }
  }

  /**
   * The same findings with those that differ only in their actions merged into one, actions in first-seen
   * order: one line per statement or level instead of one per action.
   */
  public static List<ScpFinding> merge(Collection<ScpFinding> findings) {
    Map<ScpFinding, Set<String>> merged = new LinkedHashMap<>();
    for (ScpFinding f : findings) {
      merged.computeIfAbsent(f.withActions(List.of()), k -> new LinkedHashSet<>()).addAll(f.actions());
    }
    List<ScpFinding> out = new ArrayList<>();
    merged.forEach((f, actions) -> out.add(f.withActions(List.copyOf(actions))));
    return out;
  }

  /** The same finding about other actions. */
  public ScpFinding withActions(List<String> newActions) {
    return new ScpFinding(kind, targetId, attachedTo, policyName, policyId, statement, newActions, doubts, fix,
        levelPolicies);
  }
}
