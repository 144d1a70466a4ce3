package dev.rootbot.sandbox.aws.identity;

import java.util.Optional;

/** Whoever signed a request: an IAM user with a long-term key, or a root session issued by AssumeRoot. */
public sealed interface Caller permits IamUser, RootSession {
  /** The account the caller acts in: the user's account, or a root session's member account. */
  String account();

  /** The principal ARN, the value of {@code aws:PrincipalArn}. */
  String arn();

  String accessKeyId();

  String secretAccessKey();

  /** The token that must come with the key in {@code x-amz-security-token}; long-term keys have none. */
  Optional<String> sessionToken();

  /** CloudTrail's {@code userIdentity.type}: {@code IAMUser} or {@code Root}. */
  String identityType();

  /** What CloudTrail's LookupEvents reports as the user name. */
  String userName();

  String principalId();
}
