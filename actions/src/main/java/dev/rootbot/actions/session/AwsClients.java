package dev.rootbot.actions.session;

import dev.rootbot.actions.task.AwsRegion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds every AWS client Rootbot uses, all on one shared HTTP client, so that a root session costs a few
 * objects and no new connection pool or threads.
 *
 * <p>The caller's clients (STS, Organizations, IAM, CloudTrail) sign with the bot's own credentials; a
 * session's clients sign with the session's credentials only. Throttling and 5xx answers are retried with
 * the SDK's standard backoff, and each throttled attempt is told to {@link #throttling()}. A session's clients also
 * carry its {@link ChangeCalls}. Every client shares one timer thread pool for its call timeouts too. Thread-safe;
 * close it once, at shutdown.
 */
public final class AwsClients implements AutoCloseable {
  private static final int ATTEMPTS = 4;

  private final AwsRegion home;
  private final AwsEndpoints endpoints;
  private final AwsCredentialsProvider caller;
  private final List<ExecutionInterceptor> interceptors;
  private final SdkHttpClient http;
  private final Throttling throttling = new Throttling();
  private final ScheduledThreadPoolExecutor timeouts = timeouts();

  /**
   * @param home the region of the bot's STS and CloudTrail calls (AssumeRoot needs a regional endpoint)
   * @param caller the bot's own credentials: a role in the management or IAM delegated administrator account
   */
  public AwsClients(AwsRegion home, AwsEndpoints endpoints, AwsCredentialsProvider caller) {
    this(home, endpoints, caller, List.of());
  }

  /**
   * Clients that also carry {@code interceptors}, after Rootbot's own: to time every call, or for tests that lose
   * an answer on its way back, as a dropped connection would.
   */
  public AwsClients(AwsRegion home, AwsEndpoints endpoints, AwsCredentialsProvider caller,
      List<ExecutionInterceptor> interceptors) {
    this.home = home;
    this.endpoints = endpoints;
    this.caller = caller;
    this.interceptors = List.copyOf(interceptors);
    this.http = ApacheHttpClient.builder()
        .maxConnections(64)
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(30))
        .build();
  }

  public AwsRegion home() {
    return home;
  }

  /** Every throttled attempt of every client built here, as the SDK retries it. */
  public Throttling throttling() {
    return throttling;
  }

  public StsClient sts() {
    return configure(StsClient.builder(), "sts", home.sdkRegion(), caller, false, List.of()).build();
  }

  public OrganizationsClient organizations() {
    return configure(OrganizationsClient.builder(), "organizations", Region.US_EAST_1, caller, false, List.of()).build();
  }

  /** IAM as the bot itself, for the organization's root access features. */
  public IamClient iam() {
    return configure(IamClient.builder(), "iam", Region.US_EAST_1, caller, false, List.of()).build();
  }

  public CloudTrailClient cloudTrail(AwsRegion region) {
    return configure(CloudTrailClient.builder(), "cloudtrail", region.sdkRegion(), caller, false, List.of()).build();
  }

  IamClient iam(AwsCredentialsProvider credentials, ChangeCalls changes) {
    return configure(IamClient.builder(), "iam", Region.US_EAST_1, credentials, true, List.of(changes)).build();
  }

  S3Client s3(AwsRegion region, AwsCredentialsProvider credentials, ChangeCalls changes) {
    var builder = configure(S3Client.builder(), "s3", region.sdkRegion(), credentials, true, List.of(changes));
    // A custom endpoint (LocalStack, the sandbox) serves buckets by path, not by host name.
    endpoints.forService("s3").ifPresent(endpoint -> builder.forcePathStyle(true));
    return builder.build();
  }

  SqsClient sqs(AwsRegion region, AwsCredentialsProvider credentials, ChangeCalls changes) {
    return configure(SqsClient.builder(), "sqs", region.sdkRegion(), credentials, true, List.of(changes)).build();
  }

  private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
      B configure(B builder, String service, Region region, AwsCredentialsProvider credentials, boolean rootSession,
          List<ExecutionInterceptor> own) {
    List<ExecutionInterceptor> all = new ArrayList<>(own);
    all.addAll(interceptors);
    builder.region(region)
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(ATTEMPTS)
                .treatAsThrottling(failure -> throttling.judge(service, rootSession, failure)).build())
            .apiCallTimeout(Duration.ofSeconds(60))
            .scheduledExecutorService(timeouts)
            .executionInterceptors(all)
            .build());
    endpoints.forService(service).ifPresent(builder::endpointOverride);
    return builder;
  }

  /** Closes the shared HTTP client; clients built from this one stop working. */
  @Override
  public void close() {
    http.close();
    timeouts.shutdownNow();
  }

  /**
   * The timers of every client's call timeouts. Left to itself the SDK gives each client a pool of up to five
   * threads, which outlive a closed client until its last 60-second timer is due: a fleet of root sessions then holds
   * hundreds of idle threads. Cancelled timers leave the queue at once, so it holds only the calls in flight.
   */
  private static ScheduledThreadPoolExecutor timeouts() {
    AtomicInteger count = new AtomicInteger();
    var executor = new ScheduledThreadPoolExecutor(2, task -> {
      Thread thread = new Thread(task, "aws-call-timeouts-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
