package dev.rootbot.sandbox.aws.organizations;

import java.time.Instant;

/** An account in the organization, with its place in the tree ({@code parentId}: the root or an OU). */
public record Account(
    String id, String name, String email, AccountStatus status, String parentId, String joinedMethod,
    Instant joined) {

  public boolean active() {
    return status == AccountStatus.ACTIVE;
  }
}
