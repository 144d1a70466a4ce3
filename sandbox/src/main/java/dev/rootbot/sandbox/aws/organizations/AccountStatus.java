package dev.rootbot.sandbox.aws.organizations;

/** An account's status as Organizations reports it. */
public enum AccountStatus {
  ACTIVE, SUSPENDED, PENDING_CLOSURE
}
