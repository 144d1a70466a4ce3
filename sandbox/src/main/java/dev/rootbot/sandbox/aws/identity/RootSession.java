package dev.rootbot.sandbox.aws.identity;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Short-term root credentials for one member account, scoped by one task policy, issued to {@code issuer}.
 */
public record RootSession(
    String account,
    String accessKeyId,
    String secretAccessKey,
    String token,
    TaskPolicy taskPolicy,
    Instant issuedAt,
    Instant expiration,
    Caller issuer) implements Caller {

  @Override
  public String arn() {
    return "arn:aws:iam::" + account + ":root";
  }

  @Override
  public Optional<String> sessionToken() {
    return Optional.of(token);
  }

  @Override
  public String identityType() {
    return "Root";
  }

  @Override
  public String userName() {
    return "root";
  }

  @Override
  public String principalId() {
    return account;
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiration);
  }

  @Override
  public String toString() {
    return "RootSession[account=" + account + ", accessKeyId=" + accessKeyId + ", taskPolicy=" + taskPolicy
        + ", expiration=" + expiration + ", secretAccessKey=<redacted>, token=<redacted>]";
  }
}
