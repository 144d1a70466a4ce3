package dev.rootbot.actions.task;

import java.util.Set;

/**
 * The five AWS managed task policies that scope a root session; each allows only the actions listed.
 *
 * <p>The sandbox keeps its own copy of this table on purpose: the two are written independently, so a
 * task that calls an action its policy does not allow fails in tests.
 */
public enum TaskPolicy {
  /** Read, replace or delete a bucket policy that locks everyone out. */
  S3_UNLOCK_BUCKET_POLICY(
      "S3UnlockBucketPolicy",
      Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:ListAllMyBuckets")),
  /** Read, replace or delete an SQS queue policy that locks everyone out. */
  SQS_UNLOCK_QUEUE_POLICY(
      "SQSUnlockQueuePolicy",
      Set.of("sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:ListQueues", "sqs:GetQueueUrl")),
  /** Read what long-term credentials the root user has. */
  IAM_AUDIT_ROOT_USER_CREDENTIALS(
      "IAMAuditRootUserCredentials",
      Set.of("iam:GetUser", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:GetAccessKeyLastUsed",
          "iam:ListSigningCertificates", "iam:ListMFADevices", "iam:GetAccountSummary")),
  /** Delete the root user's password, access keys, signing certificates and MFA devices. */
  IAM_DELETE_ROOT_USER_CREDENTIALS(
      "IAMDeleteRootUserCredentials",
      Set.of("iam:GetUser", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:GetAccessKeyLastUsed",
          "iam:ListSigningCertificates", "iam:ListMFADevices", "iam:DeleteLoginProfile", "iam:DeleteAccessKey",
          "iam:DeleteSigningCertificate", "iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice")),
  /** Let the root user's e-mail owner set a password through password recovery. */
  IAM_CREATE_ROOT_USER_PASSWORD(
      "IAMCreateRootUserPassword", Set.of("iam:CreateLoginProfile", "iam:GetLoginProfile"));

  private static final String ARN_PREFIX = "arn:aws:iam::aws:policy/root-task/";

  private final String policyName;
  private final Set<String> allowedActions;

  TaskPolicy(String policyName, Set<String> allowedActions) {
    this.policyName = policyName;
    this.allowedActions = allowedActions;
  }

  /** The name AWS gives the policy, e.g. {@code S3UnlockBucketPolicy}. */
  public String policyName() {
    return policyName;
  }

  /** The ARN passed to {@code AssumeRoot} as {@code TaskPolicyArn}. */
  public String arn() {
    return ARN_PREFIX + policyName;
  }

  /** The only actions a root session with this policy can call. */
  public Set<String> allowedActions() {
    return allowedActions;
  }

  public boolean allows(String action) {
    return allowedActions.contains(action);
  }

  /** Finds a policy by its ARN, or fails naming the five that exist. */
  public static TaskPolicy fromArn(String arn) {
    for (TaskPolicy policy : values()) {
      if (policy.arn().equals(arn)) {
        return policy;
      }
    }
    throw new InvalidInput("not a root task policy: " + Quote.of(arn));
  }

  @Override
  public String toString() {
    return policyName;
  }
}
