package dev.rootbot.actions.org;

import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.TaskPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where SCPs block root sessions across the organization, for {@code /root status}: one entry per SCP statement
 * (or level) with the accounts and task policies it blocks, certain ones and possible ones apart.
 *
 * @param accountsChecked the active member accounts looked at
 * @param blocked what AWS would deny for certain
 * @param uncertain what depends on something not known before a call (region, source IP, tags, …)
 */
public record ScpReport(boolean scpsEnabled, int accountsChecked, List<Blockage> blocked, List<Blockage> uncertain) {

  /** One SCP statement or level, and whom it blocks. */
  public record Blockage(ScpFinding finding, Set<TaskPolicy> taskPolicies, List<Account> accounts) {
    private static final int NAMED = 5;

    public Blockage {
      taskPolicies = Set.copyOf(taskPolicies);
      accounts = List.copyOf(accounts);
    }

    /**
     * "OU Sandbox (ou-…), 1 account (dev-playground): The SCP DenyRootUser (p-…), attached to …, denies every
     * action of every root task policy to root sessions (statement DenyRootUser). Fix: add …".
     */
    public String line() {
      String names = accounts.stream().limit(NAMED).map(Account::name).collect(Collectors.joining(", "))
          + (accounts.size() > NAMED ? " and " + (accounts.size() - NAMED) + " more" : "");
      return finding.attachedTo() + ", " + accounts.size() + (accounts.size() == 1 ? " account" : " accounts")
          + " (" + names + "): "
          + finding.sentence(actions -> SessionCalls.describe(actions, Arrays.asList(TaskPolicy.values())));
    }
  }

  public ScpReport {
    blocked = List.copyOf(blocked);
    uncertain = List.copyOf(uncertain);
  }

  /** The accounts where some task is certainly blocked. */
  public Set<AccountId> blockedAccounts() {
    return blocked.stream().flatMap(b -> b.accounts().stream()).map(Account::id).collect(Collectors.toSet());
  }

  /** The report as lines for people, certain blocks first. */
  public List<String> lines() {
    if (!scpsEnabled) {
      return List.of("Service control policies are not enabled in this organization, so none blocks root sessions.");
    }
    if (blocked.isEmpty() && uncertain.isEmpty()) {
      return List.of("No SCP blocks root sessions in the " + accountsChecked + " active member accounts.");
    }
    List<String> lines = new ArrayList<>();
    blocked.forEach(b -> lines.add(b.line()));
    uncertain.forEach(b -> lines.add("May block: " + b.line()));
    return lines;
  }
}
