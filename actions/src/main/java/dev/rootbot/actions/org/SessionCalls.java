package dev.rootbot.actions.org;

import dev.rootbot.actions.org.scp.ResourceRef;
import dev.rootbot.actions.org.scp.RootCall;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The calls a root session makes for its task policy's actions, as SCPs see them: where each goes
 * ({@code aws:RequestedRegion}) and what it acts on. Pure.
 *
 * <p>IAM is global and answers in us-east-1; its root-user calls act on a resource in the account whose exact
 * ARN AWS does not document, except {@code iam:GetAccountSummary}, which acts on none. {@code s3:ListAllMyBuckets}
 * and {@code sqs:ListQueues} act on none; the other S3 and SQS calls act on the bucket or queue.
 */
final class SessionCalls {
  private SessionCalls() {}

  static List<RootCall> of(AccountId account, Collection<String> actions, Optional<AwsRegion> region,
      Optional<String> resourceArn) {
    List<RootCall> calls = new ArrayList<>();
    for (String action : new TreeSet<>(actions)) {
      calls.add(call(account, action, region, resourceArn));
    }
    return calls;
  }

  private static RootCall call(AccountId account, String action, Optional<AwsRegion> region,
      Optional<String> resourceArn) {
    String service = action.substring(0, action.indexOf(':'));
    if (service.equals("iam")) {
      ResourceRef resource = action.equals("iam:GetAccountSummary") ? ResourceRef.none()
          : ResourceRef.startingWith("arn:aws:iam::" + account + ":");
      return new RootCall(action, resource, Optional.of(AwsRegion.US_EAST_1));
    }
    if (action.equals("s3:ListAllMyBuckets") || action.equals("sqs:ListQueues")) {
      return new RootCall(action, ResourceRef.none(), region);
    }
    String start = service.equals("s3") ? "arn:aws:s3:::"
        : "arn:aws:" + service + ":" + region.map(r -> r.code() + ":" + account + ":").orElse("");
    return new RootCall(action, resourceArn.map(ResourceRef::exact).orElse(ResourceRef.startingWith(start)), region);
  }

  /**
   * Actions as people read them: "every action of S3UnlockBucketPolicy" when a finding covers a whole task
   * policy, else the actions by name.
   */
  static String describe(Collection<String> actions, Collection<TaskPolicy> policies) {
    Set<String> left = new TreeSet<>(actions);
    List<String> whole = new ArrayList<>();
    for (TaskPolicy policy : policies) {
      if (actions.containsAll(policy.allowedActions())) {
        whole.add(policy.policyName());
      }
    }
    if (whole.size() == TaskPolicy.values().length) {
      return "every action of every root task policy";
    }
    policies.stream().filter(p -> whole.contains(p.policyName())).forEach(p -> left.removeAll(p.allowedActions()));
    List<String> parts = new ArrayList<>();
    if (!whole.isEmpty()) {
      parts.add("every action of " + String.join(" and ", whole));
    }
    if (!left.isEmpty()) {
      parts.add(left.stream().collect(Collectors.joining(", ")));
    }
    return String.join(", and ", parts);
  }
}
