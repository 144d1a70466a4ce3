package dev.rootbot.sandbox.aws.organizations;

import dev.rootbot.sandbox.aws.policy.PolicyDocument;
import java.util.List;

/** A service control policy and the root, OUs and accounts (by ID) it is attached to. */
public record ServiceControlPolicy(
    String id, String name, String description, PolicyDocument document, boolean awsManaged, List<String> targets) {

  public ServiceControlPolicy {
    targets = List.copyOf(targets);
  }

  /** The policy AWS attaches everywhere by default; it allows everything and denies nothing. */
  public static ServiceControlPolicy fullAwsAccess(List<String> targets) {
    return new ServiceControlPolicy("p-FullAWSAccess", "FullAWSAccess",
        "Allows access to every operation", PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"),
        true, targets);
  }
}
