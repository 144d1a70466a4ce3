package dev.rootbot.sandbox.aws.policy;

import java.util.Optional;

/**
 * A resource a call acts on: its ARN, the account that owns it (empty for "*" and global resources) and its
 * resource-based policy, if it has one.
 */
public record Resource(String arn, Optional<String> account, Optional<PolicyDocument> policy) {

  /** A resource with no owner or policy of its own, such as {@code *} for list calls. */
  public static Resource any(String arn) {
    return new Resource(arn, Optional.empty(), Optional.empty());
  }

  public static Resource owned(String arn, String account) {
    return new Resource(arn, Optional.of(account), Optional.empty());
  }

  public static Resource owned(String arn, String account, Optional<PolicyDocument> policy) {
    return new Resource(arn, Optional.of(account), policy);
  }
}
