package dev.rootbot.actions.fleet;

import dev.rootbot.actions.org.Preflight;
import dev.rootbot.actions.org.PreflightResult;
import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Names the SCP that denied an account's root session, once AWS said an SCP did: the {@link Preflight}'s
 * evaluation of the account's path. A finding attached above the account holds for every account under the same
 * OUs, so it is worked out once per OU path, not once per account (a blocked OU of 1,000 accounts costs one check).
 * Thread-safe.
 */
final class ScpBlocks {
  private final Preflight preflight;
  private final TaskPolicy policy;
  private final Set<String> actions;
  private final Map<String, ScpFinding> aboveAccounts = new ConcurrentHashMap<>();

  /** For root sessions with {@code policy} that call {@code actions}. */
  ScpBlocks(Preflight preflight, TaskPolicy policy, Set<String> actions) {
    this.preflight = preflight;
    this.policy = policy;
    this.actions = Set.copyOf(actions);
  }

  /** Why {@code account}'s root session was denied, given AWS's words, with the SCP named when it can be. */
  AccountAudit.Failure explain(TargetAccount account, String awsSaid) {
    Optional<ScpFinding> finding = Optional.ofNullable(aboveAccounts.get(account.ouPath())).or(() -> find(account));
    String intro = "A service control policy denies root sessions in account " + account.label() + ".";
    String tail = " SCPs apply inside root sessions. AWS said: " + awsSaid;
    return finding.map(f -> new AccountAudit.Failure(TaskFailure.Reason.SCP_DENIED, intro + " "
            + f.sentence(a -> "the audit's reads") + tail, f.policy().map(p -> p + ", attached to " + f.attachedTo())))
        .orElseGet(() -> new AccountAudit.Failure(TaskFailure.Reason.SCP_DENIED, intro + " Add " + ScpCheck.exemption()
            + " to the Condition of the statement that denies arn:aws:iam::*:root, so that it spares root sessions."
            + tail, Optional.empty()));
  }

  private Optional<ScpFinding> find(TargetAccount account) {
    try {
      PreflightResult result = preflight.check(account.id(), policy, actions, Optional.empty(), Optional.empty());
      if (!(result instanceof PreflightResult.Refused)) {
        return Optional.empty();
      }
      List<ScpFinding> findings = ((PreflightResult.Refused) result).findings();
      if (findings.isEmpty()) {
        return Optional.empty();
      }
      ScpFinding first = findings.get(0);
      if (!first.targetId().equals(account.id().value())) {
        aboveAccounts.putIfAbsent(account.ouPath(), first);
      }
      return Optional.of(first);
    } catch (SdkException unreadable) {
      return Optional.empty(); // AWS's own words still say an SCP denied it
    }
  }
}
