package dev.rootbot.actions.org;

import dev.rootbot.actions.org.scp.ActionVerdict;
import dev.rootbot.actions.org.scp.RootCall;
import dev.rootbot.actions.org.scp.RootSessionContext;
import dev.rootbot.actions.org.scp.ScpEvaluator;
import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.org.scp.ScpLevel;
import dev.rootbot.actions.org.scp.ServiceControlPolicy;
import dev.rootbot.actions.task.TaskPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Finds every OU and account where an SCP blocks root sessions, for every task policy, for {@code /root status}.
 *
 * <p>Cheap for large organizations: the root's and OUs' SCPs are read once for all the accounts below them,
 * and an account whose OU path already denies every task is not read at all; only accounts that path leaves
 * open cost one {@code ListPoliciesForTarget} each (cached like every read of {@link OrganizationTree}). The
 * evaluation itself is pure and takes microseconds per account. Regions and resources are not known here, so
 * SCPs that depend on them are reported as possible blocks.
 */
public final class ScpStatus {
  private final OrganizationTree trees;

  public ScpStatus(OrganizationTree trees) {
    this.trees = trees;
  }

  /** What blocks whom. Throws what AWS threw if the organization cannot be read. */
  public ScpReport report() {
    OrganizationSnapshot tree = trees.read();
    List<Account> members = tree.activeMembers();
    if (!tree.scpsEnabled()) {
      return new ScpReport(false, members.size(), List.of(), List.of());
    }
    Set<String> above = new LinkedHashSet<>();
    above.add(tree.rootId());
    members.forEach(a -> tree.ousAbove(a.id()).forEach(ou -> above.add(ou.id())));
    Map<String, List<ServiceControlPolicy>> attached = new HashMap<>(trees.policiesAttachedTo(above));

    Map<Account, List<ActionVerdict>> verdicts = new LinkedHashMap<>();
    List<Account> open = new ArrayList<>();
    for (Account account : members) {
      List<ScpLevel> path = levels(tree, account, attached, false);
      List<ActionVerdict> v = ScpEvaluator.evaluate(path, context(tree, account), calls(account));
      if (v.stream().allMatch(x -> x.outcome() == ActionVerdict.Outcome.DENIED)) {
        verdicts.put(account, v); // blocked above the account: its own SCPs cannot undo that
      } else {
        open.add(account);
      }
    }
    attached.putAll(trees.policiesAttachedTo(open.stream().map(a -> a.id().value()).collect(Collectors.toList())));
    for (Account account : open) {
      verdicts.put(account, ScpEvaluator.evaluate(levels(tree, account, attached, true), context(tree, account),
          calls(account)));
    }
    var certain = new Tally();
    var unsure = new Tally();
    verdicts.forEach((account, v) -> {
      Map<String, ActionVerdict> byAction = v.stream().collect(Collectors.toMap(ActionVerdict::action, x -> x));
      for (TaskPolicy policy : TaskPolicy.values()) {
        List<ActionVerdict> mine = policy.allowedActions().stream().map(byAction::get).collect(Collectors.toList());
        boolean denied = mine.stream().anyMatch(x -> x.outcome() == ActionVerdict.Outcome.DENIED);
        for (ActionVerdict x : mine) {
          if (x.outcome() == ActionVerdict.Outcome.DENIED) {
            certain.add(x.findings(), policy, account);
          } else if (x.outcome() == ActionVerdict.Outcome.UNDECIDABLE && !denied) {
            unsure.add(x.findings(), policy, account);
          }
        }
      }
    });
    return new ScpReport(true, members.size(), certain.blockages(), unsure.blockages());
  }

  private static List<ScpLevel> levels(OrganizationSnapshot tree, Account account,
      Map<String, List<ServiceControlPolicy>> attached, boolean withAccount) {
    List<PolicyTarget> path = tree.path(account.id());
    List<ScpLevel> levels = new ArrayList<>();
    for (PolicyTarget target : withAccount ? path : path.subList(0, path.size() - 1)) {
      levels.add(new ScpLevel(target.id(), target.label(), attached.getOrDefault(target.id(), List.of())));
    }
    return levels;
  }

  private static RootSessionContext context(OrganizationSnapshot tree, Account account) {
    return new RootSessionContext(account.id(), tree.organization().id(), tree.organizationPath(account.id()));
  }

  private static List<RootCall> calls(Account account) {
    Set<String> every = new TreeSet<>();
    Arrays.stream(TaskPolicy.values()).forEach(p -> every.addAll(p.allowedActions()));
    return SessionCalls.of(account.id(), every, Optional.empty(), Optional.empty());
  }

  /** Findings that differ only in actions, with the task policies and accounts they stand in the way of. */
  private static final class Tally {
    private final Map<ScpFinding, Set<String>> actions = new LinkedHashMap<>();
    private final Map<ScpFinding, Set<TaskPolicy>> policies = new HashMap<>();
    private final Map<ScpFinding, Set<Account>> accounts = new HashMap<>();

    void add(List<ScpFinding> findings, TaskPolicy policy, Account account) {
      for (ScpFinding f : findings) {
        ScpFinding key = f.withActions(List.of());
        actions.computeIfAbsent(key, k -> new TreeSet<>()).addAll(f.actions());
        policies.computeIfAbsent(key, k -> EnumSet.noneOf(TaskPolicy.class)).add(policy);
        accounts.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(account);
      }
    }

    List<ScpReport.Blockage> blockages() {
      List<ScpReport.Blockage> out = new ArrayList<>();
      actions.forEach((key, a) -> out.add(new ScpReport.Blockage(key.withActions(List.copyOf(a)),
          policies.get(key), new ArrayList<>(accounts.get(key)))));
      out.sort(Comparator.comparing((ScpReport.Blockage b) -> rank(b.finding().targetId()))
          .thenComparing(b -> b.finding().attachedTo()));
      return out;
    }

    /** The root first, then OUs, then accounts. */
    private static int rank(String targetId) {
      return targetId.startsWith("r-") ? 0 : targetId.startsWith("ou-") ? 1 : 2;
    }
  }
}
