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
 * <p>IAM is global and answers in us-east-1. AWS documents its root-user calls as acting on an IAM user, and
 * does not say which ARN that is for the root user: the root user's own ARN ({@code arn:aws:iam::ACCOUNT:root})
 * or some user ARN, so both are candidates; {@code iam:DeleteVirtualMFADevice} acts on the MFA device and
 * {@code iam:GetAccountSummary} on none. {@code s3:ListAllMyBuckets} and {@code sqs:ListQueues} act on none; the
 * other S3 and SQS calls act on the bucket or queue.
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
      return new RootCall(action, iamResource(account, action), Optional.of(AwsRegion.US_EAST_1));
    }
    if (action.equals("s3:ListAllMyBuckets") || action.equals("sqs:ListQueues")) {
      return new RootCall(action, ResourceRef.none(), region);
    }
    ResourceRef unknown = service.equals("s3") ? ResourceRef.nameAfter("arn:aws:s3:::")
        : region.map(r -> ResourceRef.nameAfter("arn:aws:sqs:" + r.code() + ":" + account + ":"))
            .orElse(ResourceRef.startingWith("arn:aws:sqs:"));
    return new RootCall(action, resourceArn.map(ResourceRef::exact).orElse(unknown), region);
  }

  private static ResourceRef iamResource(AccountId account, String action) {
    String start = "arn:aws:iam::" + account + ":";
    switch (action) {
      case "iam:GetAccountSummary": return ResourceRef.none();
      case "iam:DeleteVirtualMFADevice": return ResourceRef.nameAfter(start + "mfa/");
      default: return ResourceRef.oneOf(ResourceRef.exact(start + "root"), ResourceRef.nameAfter(start + "user/"));
    }
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
