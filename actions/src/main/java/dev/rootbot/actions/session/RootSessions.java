package dev.rootbot.actions.session;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.TaskPolicy;
import java.time.Duration;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Opens task-scoped root sessions with {@code sts:AssumeRoot} on the bot's regional STS endpoint (AWS does
 * not serve AssumeRoot on the global one). One session per task; its credentials live only in the returned
 * object, in memory, until it is closed.
 */
public final class RootSessions {
  /** AWS's limit for a root session, and the default. */
  public static final Duration MAX_LENGTH = Duration.ofSeconds(900);

  private final AwsClients clients;
  private final StsClient sts;
  private final Duration length;

  public RootSessions(AwsClients clients, Duration length) {
    if (length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0) {
      throw new IllegalArgumentException("a root session lasts 1 to 900 seconds; got " + length.toSeconds());
    }
    this.clients = clients;
    this.sts = clients.sts();
    this.length = length;
  }

  public Duration length() {
    return length;
  }

  /** Calls AssumeRoot for {@code policy} in {@code target}; the caller closes the session when the task ends. */
  public OpenRootSession open(AccountId target, TaskPolicy policy) {
    return open(target, policy, ChangeCalls.recording());
  }

  /**
   * Opens a session, as {@link #open} does, whose clients refuse every change call before sending it: for a
   * preview, which must only read. The task policy still allows the changes; Rootbot itself holds back.
   */
  public OpenRootSession openReadOnly(AccountId target, TaskPolicy policy) {
    return open(target, policy, ChangeCalls.refusing());
  }

  private OpenRootSession open(AccountId target, TaskPolicy policy, ChangeCalls changes) {
    Credentials credentials = sts.assumeRoot(r -> r
            .targetPrincipal(target.value())
            .taskPolicyArn(p -> p.arn(policy.arn()))
            .durationSeconds((int) length.toSeconds()))
        .credentials();
    return new OpenRootSession(clients, target, policy, credentials, changes);
  }
}
