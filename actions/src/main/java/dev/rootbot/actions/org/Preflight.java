package dev.rootbot.actions.org;

import dev.rootbot.actions.org.scp.ActionVerdict;
import dev.rootbot.actions.org.scp.RootSessionContext;
import dev.rootbot.actions.org.scp.ScpEvaluator;
import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Checks, before a card is posted and without a root session, what AWS would refuse for a task: the target is
 * an active member account, not the management account; the organization's root access features are on; and
 * the SCPs on the account's path do not deny the task's actions to a root session. Only the bot's own read
 * calls, mostly answered from {@link OrganizationTree}'s caches.
 *
 * <p>A refusal is certain and read afresh: before refusing for an SCP, the SCPs on the path are read again, so
 * a fix is seen at once. What cannot be decided, or read, becomes a warning for the approver, never a refusal.
 *
 * <p>Thread-safe.
 */
public final class Preflight {
  private final OrganizationTree trees;
  private final OrganizationFeatures features;

  /** @param features the organization's root access features; a missing one is read again before it refuses */
  public Preflight(OrganizationTree trees, OrganizationFeatures features) {
    this.trees = trees;
    this.features = features;
  }

  /** Checks every action {@code policy} allows. */
  public PreflightResult check(AccountId target, TaskPolicy policy, Optional<AwsRegion> region,
      Optional<String> resourceArn) {
    return check(target, policy, policy.allowedActions(), region, resourceArn);
  }

  /**
   * Checks the actions the task will call, a subset of what {@code policy} allows.
   *
   * @param region where the S3 or SQS calls go, if known (IAM calls always go to us-east-1)
   * @param resourceArn the bucket's or queue's ARN, if the task acts on one
   */
  public PreflightResult check(AccountId target, TaskPolicy policy, Set<String> actions, Optional<AwsRegion> region,
      Optional<String> resourceArn) {
    if (!policy.allowedActions().containsAll(actions)) {
      throw new IllegalArgumentException(policy + " does not allow all of " + actions);
    }
    OrganizationSnapshot tree;
    try {
      tree = trees.readWith(target);
    } catch (SdkException e) {
      return new PreflightResult.Cleared(List.of("Rootbot could not read the organization (" + ReadinessCheck.reason(e)
          + "), so it could not check the account, the features or the SCPs before asking."), List.of());
    }
    Optional<TaskFailure> member = Membership.problem(tree.organization(), target, tree.account(target));
    if (member.isPresent()) {
      return new PreflightResult.Refused(member.get().reason(), member.get().explanation(), List.of());
    }
    List<String> warnings = new ArrayList<>();
    Optional<PreflightResult.Refused> disabled = features(policy, warnings);
    if (disabled.isPresent()) {
      return disabled.get();
    }
    if (!tree.scpsEnabled()) {
      return new PreflightResult.Cleared(warnings, List.of()); // SCPs do not apply in this organization
    }
    List<PolicyTarget> path = tree.path(target);
    var who = new RootSessionContext(target, tree.organization().id(), tree.organizationPath(target));
    var calls = SessionCalls.of(target, actions, region, resourceArn);
    List<ActionVerdict> verdicts;
    try {
      verdicts = ScpEvaluator.evaluate(trees.scpLevels(path), who, calls);
      if (denied(verdicts)) {
        trees.forget(path.stream().map(PolicyTarget::id).collect(Collectors.toList()));
        verdicts = ScpEvaluator.evaluate(trees.scpLevels(path), who, calls);
      }
    } catch (SdkException e) {
      warnings.add("Rootbot could not read the SCPs on the account's path (" + ReadinessCheck.reason(e) + "), so it could not"
          + " check them before asking; AWS may still deny the root session.");
      return new PreflightResult.Cleared(warnings, List.of());
    }
    String account = path.get(path.size() - 1).label();
    List<ScpFinding> certain = findings(verdicts, true);
    if (!certain.isEmpty()) {
      return new PreflightResult.Refused(TaskFailure.Reason.SCP_DENIED, "AWS would deny this root session in "
          + account + ": a service control policy stands in its way, so Rootbot did not ask for approval. "
          + sentences(certain, policy) + " Then ask again.", certain);
    }
    List<ScpFinding> doubts = findings(verdicts, false);
    doubts.forEach(d -> warnings.add(d.sentence(a -> SessionCalls.describe(a, List.of(policy)))));
    return new PreflightResult.Cleared(warnings, doubts);
  }

  private Optional<PreflightResult.Refused> features(TaskPolicy policy, List<String> warnings) {
    boolean credentials = policy == TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS
        || policy == TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD;
    try {
      Set<String> enabled = features.enabled(credentials
          ? Set.of(ReadinessCheck.ROOT_SESSIONS, ReadinessCheck.ROOT_CREDENTIALS_MANAGEMENT)
          : Set.of(ReadinessCheck.ROOT_SESSIONS)); // refuse only on what is true now, not on a cached read
      if (!enabled.contains(ReadinessCheck.ROOT_SESSIONS)) {
        return Optional.of(new PreflightResult.Refused(TaskFailure.Reason.NOT_ENABLED, "Root sessions are not"
            + " enabled for this organization, so AWS would refuse them. In the management account run:"
            + " aws iam enable-organizations-root-sessions", List.of()));
      }
      if (credentials && !enabled.contains(ReadinessCheck.ROOT_CREDENTIALS_MANAGEMENT)) {
        return Optional.of(new PreflightResult.Refused(TaskFailure.Reason.NOT_ENABLED, "Root credentials management"
            + " is not enabled for this organization, so AWS would refuse this task. In the management account run:"
            + " aws iam enable-organizations-root-credentials-management", List.of()));
      }
    } catch (SdkException e) {
      warnings.add("Rootbot could not read whether root sessions are enabled (" + ReadinessCheck.reason(e) + ").");
    }
    return Optional.empty();
  }

  private static boolean denied(List<ActionVerdict> verdicts) {
    return verdicts.stream().anyMatch(v -> v.outcome() == ActionVerdict.Outcome.DENIED);
  }

  private static List<ScpFinding> findings(List<ActionVerdict> verdicts, boolean certain) {
    ActionVerdict.Outcome wanted = certain ? ActionVerdict.Outcome.DENIED : ActionVerdict.Outcome.UNDECIDABLE;
    return ScpFinding.merge(verdicts.stream().filter(v -> v.outcome() == wanted)
        .flatMap(v -> v.findings().stream()).collect(Collectors.toList()));
  }

  private static String sentences(List<ScpFinding> findings, TaskPolicy policy) {
    return findings.stream().map(f -> f.sentence(a -> SessionCalls.describe(a, List.of(policy))))
        .collect(Collectors.joining(" "));
  }
}
