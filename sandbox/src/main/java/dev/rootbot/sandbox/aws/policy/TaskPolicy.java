package dev.rootbot.sandbox.aws.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The five AWS managed policies that scope an {@code sts:AssumeRoot} session, with the only actions each allows.
 *
 * <p>This is the sandbox's own copy of the table; the {@code actions} module keeps another on purpose, so each
 * checks the other.
 */
public enum TaskPolicy {
  /** Read, replace or delete a bucket policy that locks everyone out, and list the account's buckets. */
  S3_UNLOCK_BUCKET_POLICY("S3UnlockBucketPolicy",
      "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:ListAllMyBuckets"),
  /** Read or replace a queue policy that locks everyone out, and find the account's queues. */
  SQS_UNLOCK_QUEUE_POLICY("SQSUnlockQueuePolicy",
      "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:ListQueues", "sqs:GetQueueUrl"),
  /** Read which long-term credentials the root user has. */
  IAM_AUDIT_ROOT_USER_CREDENTIALS("IAMAuditRootUserCredentials",
      "iam:GetUser", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:GetAccessKeyLastUsed",
      "iam:ListSigningCertificates", "iam:ListMFADevices", "iam:GetAccountSummary"),
  /** Read and delete the root user's password, access keys, signing certificates and MFA devices. */
  IAM_DELETE_ROOT_USER_CREDENTIALS("IAMDeleteRootUserCredentials",
      "iam:GetUser", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:GetAccessKeyLastUsed",
      "iam:ListSigningCertificates", "iam:ListMFADevices",
      "iam:DeleteLoginProfile", "iam:DeleteAccessKey", "iam:DeleteSigningCertificate",
      "iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice"),
  /** Give the root user a login profile again, so the owner of its e-mail can reset the password. */
  IAM_CREATE_ROOT_USER_PASSWORD("IAMCreateRootUserPassword",
      "iam:CreateLoginProfile", "iam:GetLoginProfile");

  /** Every task policy ARN starts with this. */
  public static final String ARN_PREFIX = "arn:aws:iam::aws:policy/root-task/";

  private final String name;
  private final Set<String> actions;

  TaskPolicy(String name, String... actions) {
    this.name = name;
    this.actions = Set.of(actions);
  }

  /** The managed policy's name, which is also the last part of its ARN. */
  public String policyName() {
    return name;
  }

  public String arn() {
    return ARN_PREFIX + name;
  }

  /** The IAM actions (like {@code s3:PutBucketPolicy}) this policy allows; it allows nothing else. */
  public Set<String> actions() {
    return actions;
  }

  public boolean allows(String action) {
    return actions.stream().anyMatch(a -> a.equalsIgnoreCase(action));
  }

  /** The task policy with exactly this ARN, if there is one. */
  public static Optional<TaskPolicy> fromArn(String arn) {
    return Arrays.stream(values()).filter(p -> p.arn().equals(arn)).findFirst();
  }
}
