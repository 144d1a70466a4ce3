package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.Fingerprint;
import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Instant;
import java.util.Optional;

/**
 * One account's result in a fleet audit: the root user's credentials as its root session read them (password and
 * its last use, access keys and theirs, signing certificates, MFA devices) with their fingerprint, or why they could
 * not be read. Holds no secrets: access key IDs and MFA serial numbers are identifiers.
 *
 * @param fingerprint the credentials' fingerprint as {@link dev.rootbot.actions.task.DeleteRootCredentials}'s first
 *     read gives it while nothing changes, so that a fleet deletion can be bound to what this audit saw
 * @param accessKeyId the root session's access key ID, which ties its calls together in CloudTrail; empty when
 *     AssumeRoot itself failed
 */
public record AccountAudit(
    TargetAccount account,
    Optional<RootCredentials> credentials,
    Optional<Fingerprint> fingerprint,
    Optional<Failure> failure,
    Optional<String> accessKeyId,
    Instant auditedAt) {

  /**
   * Why an account's credentials could not be read, and what to do about it, in words.
   *
   * @param blockedBy for {@link TaskFailure.Reason#SCP_DENIED}, the SCP and where it is attached, when Rootbot could
   *     name it: "DenyRootUser (p-abcd1234), attached to OU Sandbox (ou-…)"
   */
  public record Failure(TaskFailure.Reason reason, String explanation, Optional<String> blockedBy) {}

  public AccountAudit {
    if (credentials.isPresent() != fingerprint.isPresent() || credentials.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("an account's audit has either its credentials and their fingerprint, or a failure");
    }
  }

  static AccountAudit found(TargetAccount account, RootCredentials credentials, Fingerprint fingerprint,
      String accessKeyId, Instant at) {
    return new AccountAudit(account, Optional.of(credentials), Optional.of(fingerprint), Optional.empty(),
        Optional.of(accessKeyId), at);
  }

  static AccountAudit failed(TargetAccount account, Failure failure, Optional<String> accessKeyId, Instant at) {
    return new AccountAudit(account, Optional.empty(), Optional.empty(), Optional.of(failure), accessKeyId, at);
  }

  /** Whether the credentials were read (whatever they are). */
  public boolean read() {
    return credentials.isPresent();
  }

  /** Whether the root user has any long-term credential: a candidate for the fleet deletion. */
  public boolean hasCredentials() {
    return credentials.map(c -> !c.isEmpty()).orElse(false);
  }

  /** Whether a service control policy blocked the root session. */
  public boolean blockedByScp() {
    return failure.map(f -> f.reason() == TaskFailure.Reason.SCP_DENIED).orElse(false);
  }

  /** The stored form, one JSON object; {@link #fromJson} reads it back. Field names are stored data: never rename one. */
  public String toJson() {
    return StoredAudit.write(this);
  }

  /** Reads what {@link #toJson} wrote; throws {@link dev.rootbot.actions.task.InvalidInput} for anything else. */
  public static AccountAudit fromJson(String stored) {
    return StoredAudit.read(stored);
  }
}
