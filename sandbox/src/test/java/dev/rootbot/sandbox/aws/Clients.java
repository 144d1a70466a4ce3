package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Real AWS SDK clients pointed at a simulated AWS, configured as a user would: endpoint override, static
 * credentials, a region, S3 path-style. One shared HTTP client keeps tests from opening a pool per client.
 */
final class Clients {
  private static final SdkHttpClient HTTP = ApacheHttpClient.create();

  private final URI endpoint;
  private final AwsCredentials credentials;
  private final boolean retries;

  private Clients(URI endpoint, AwsCredentials credentials, boolean retries) {
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.retries = retries;
  }

  /** Clients that call as the management account's IAM user. */
  static Clients management(SimulatedAws aws) {
    return as(aws, aws.managementKey());
  }

  static Clients as(SimulatedAws aws, CallerKey key) {
    return new Clients(aws.endpoint(), AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()), true);
  }

  /** Clients that call with the credentials an AssumeRoot call returned. */
  static Clients session(SimulatedAws aws, Credentials session) {
    return new Clients(aws.endpoint(), AwsSessionCredentials.create(session.accessKeyId(),
        session.secretAccessKey(), session.sessionToken()), true);
  }

  static Clients withCredentials(SimulatedAws aws, AwsCredentials credentials) {
    return new Clients(aws.endpoint(), credentials, true);
  }

  /**
   * Clients for a fresh root session: the management account calls AssumeRoot on {@code account} with
   * {@code policy}, and the clients call with the session credentials it returns.
   */
  static Clients rootSession(SimulatedAws aws, String account, TaskPolicy policy) {
    Credentials session;
    try (StsClient sts = management(aws).sts()) {
      session = sts.assumeRoot(r -> r.targetPrincipal(account).taskPolicyArn(p -> p.arn(policy.arn())))
          .credentials();
    }
    return session(aws, session);
  }

  String accessKeyId() {
    return credentials.accessKeyId();
  }

  AwsCredentials credentials() {
    return credentials;
  }

  /** The same clients, but each error reaches the test on the first attempt. */
  Clients withoutRetries() {
    return new Clients(endpoint, credentials, false);
  }

  StsClient sts() {
    return sts(Region.US_EAST_1);
  }

  StsClient sts(Region region) {
    return configure(StsClient.builder(), region).build();
  }

  IamClient iam() {
    return configure(IamClient.builder(), Region.AWS_GLOBAL).build();
  }

  S3Client s3(Region region) {
    return configure(S3Client.builder(), region).forcePathStyle(true).build();
  }

  SqsClient sqs(Region region) {
    return configure(SqsClient.builder(), region).build();
  }

  OrganizationsClient organizations() {
    return configure(OrganizationsClient.builder(), Region.AWS_GLOBAL).build();
  }

  CloudTrailClient cloudTrail(Region region) {
    return configure(CloudTrailClient.builder(), region).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
    builder.endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(StaticCredentialsProvider.create(credentials));
    if (!retries) {
      builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }
    if (builder instanceof SdkSyncClientBuilder) {
      ((SdkSyncClientBuilder<?, ?>) builder).httpClient(HTTP);
    }
    return builder;
  }
}
