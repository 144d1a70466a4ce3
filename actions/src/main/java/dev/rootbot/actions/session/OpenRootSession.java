package dev.rootbot.actions.session;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * A root session as AssumeRoot issued it, with clients made on first use and closed with the session.
 *
 * <p>The secret key and session token never leave this object: {@link #toString()} names only the account,
 * the policy and the access key ID. Clients may be asked for from several threads (the audit's parallel reads).
 */
public final class OpenRootSession implements RootSession, AutoCloseable {
  private final AwsClients clients;
  private final AccountId account;
  private final TaskPolicy policy;
  private final String accessKeyId;
  private final Instant expiresAt;
  private final StaticCredentialsProvider credentials;
  private final ChangeCalls changes;
  private final Map<String, SdkClient> made = new ConcurrentHashMap<>();

  OpenRootSession(AwsClients clients, AccountId account, TaskPolicy policy, Credentials issued, ChangeCalls changes) {
    this.clients = clients;
    this.changes = changes;
    this.account = account;
    this.policy = policy;
    this.accessKeyId = issued.accessKeyId();
    this.expiresAt = issued.expiration();
    this.credentials = StaticCredentialsProvider.create(
        AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken()));
  }

  @Override
  public AccountId account() {
    return account;
  }

  @Override
  public TaskPolicy policy() {
    return policy;
  }

  @Override
  public String accessKeyId() {
    return accessKeyId;
  }

  @Override
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public S3Client s3(AwsRegion region) {
    return (S3Client) made.computeIfAbsent("s3:" + region, k -> clients.s3(region, credentials, changes));
  }

  @Override
  public SqsClient sqs(AwsRegion region) {
    return (SqsClient) made.computeIfAbsent("sqs:" + region, k -> clients.sqs(region, credentials, changes));
  }

  @Override
  public IamClient iam() {
    return (IamClient) made.computeIfAbsent("iam", k -> clients.iam(credentials, changes));
  }

  /** The change calls this session's clients have sent, and their answers. */
  public ChangeCalls changes() {
    return changes;
  }

  /** Closes the session's clients; the shared HTTP client stays open for the next session. */
  @Override
  public void close() {
    List<SdkClient> toClose = new ArrayList<>(made.values());
    made.clear();
    toClose.forEach(SdkClient::close);
  }

  @Override
  public String toString() {
    return "RootSession[" + account + ", " + policy + ", " + accessKeyId + "]";
  }
}
