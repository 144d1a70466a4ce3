package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Request-rate limits: token buckets of one second's worth on the simulated clock. With the clock frozen a
 * bucket never refills, so each test sees exactly its burst go through and the next call throttled.
 */
class RateLimitTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @BeforeEach
  void freeze() {
    aws.clock().freeze();
  }

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void calls_over_a_limit_are_throttled_as_the_sdk_knows_throttling_and_counted() {
    aws.limits().perSecond("sts:AssumeRoot", 3);
    StsClient sts = Clients.management(aws).withoutRetries().sts();

    for (int i = 0; i < 3; i++) {
      assumeRoot(sts, PROD_PAYMENTS);
    }
    assertThatThrownBy(() -> assumeRoot(sts, PROD_PAYMENTS)).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.isThrottlingException()).isTrue();
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
    });
    sts.getCallerIdentity(); // another operation is not limited

    assertThat(aws.limits().throttled("sts:AssumeRoot")).isEqualTo(1);
    assertThat(aws.limits().throttled()).isEqualTo(1);
    assertThat(aws.calls().withAction("sts:AssumeRoot").where(c -> !c.refused())).hasSize(3);
    assertThat(aws.calls().withAction("sts:AssumeRoot").refused()).extracting(RecordedCall::errorCode)
        .containsExactly(java.util.Optional.of("Throttling"));
  }

  @Test
  void the_bucket_refills_at_the_rate_as_the_clock_moves() {
    aws.limits().perSecond("sts:GetCallerIdentity", 2);
    StsClient sts = Clients.management(aws).withoutRetries().sts();
    sts.getCallerIdentity();
    sts.getCallerIdentity();
    assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(AwsServiceException.class);

    aws.clock().advance(Duration.ofMillis(500)); // half a second at 2 a second: one more call
    sts.getCallerIdentity();
    assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(AwsServiceException.class);
    aws.clock().advance(Duration.ofSeconds(10)); // never more than the burst of one second's worth
    sts.getCallerIdentity();
    sts.getCallerIdentity();

    assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(AwsServiceException.class);
    assertThat(aws.limits().throttled("sts:GetCallerIdentity")).isEqualTo(3);
  }

  @Test
  void a_per_account_limit_counts_each_member_accounts_root_sessions_apart() {
    aws.limits().perSecondPerAccount("iam:*", 2);
    IamClient payments = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
        .withoutRetries().iam();
    IamClient data = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
        .withoutRetries().iam();

    payments.getUser();
    payments.listAccessKeys();
    assertThatThrownBy(() -> payments.listMFADevices()).isInstanceOfSatisfying(AwsServiceException.class,
        e -> assertThat(e.isThrottlingException()).isTrue());
    data.getUser();
    data.listSigningCertificates();

    assertThat(aws.limits().throttledByAction()).isEqualTo(Map.of("iam:ListMFADevices", 1L));
    assertThat(aws.calls().inAccount(PROD_DATA).refused()).isEmpty();
  }

  @Test
  void throttling_is_answered_in_each_protocols_words() {
    aws.limits().perSecond("s3:*", 1);
    aws.limits().perSecond("organizations:*", 1);
    Clients clients = Clients.management(aws).withoutRetries();
    clients.s3(Region.US_EAST_1).listBuckets();
    clients.organizations().listRoots();

    assertThatThrownBy(() -> clients.s3(Region.US_EAST_1).listBuckets())
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
        });
    assertThatThrownBy(() -> clients.organizations().listAccounts())
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TooManyRequestsException");
          assertThat(e.isThrottlingException()).isTrue();
        });
  }

  @Test
  void the_sdk_retries_a_throttled_call_and_succeeds_once_the_bucket_refills() throws Exception {
    aws.limits().perSecond("sts:GetCallerIdentity", 1);
    StsClient sts = Clients.management(aws).sts(); // standard retries, with back-off
    sts.getCallerIdentity();
    // A second passes, on the simulated clock, as soon as the next call has been throttled.
    Thread clock = new Thread(() -> {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (aws.limits().throttled() == 0 && System.nanoTime() < deadline) {
        LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
      }
      aws.clock().advance(Duration.ofSeconds(1));
    });
    clock.start();

    sts.getCallerIdentity();
    clock.join();

    assertThat(aws.calls().withAction("sts:GetCallerIdentity")).extracting(RecordedCall::errorCode)
        .containsExactly(java.util.Optional.empty(), java.util.Optional.of("Throttling"), java.util.Optional.empty());
    assertThat(aws.limits().throttled("sts:GetCallerIdentity")).isEqualTo(1);
  }

  @Test
  void the_limits_and_throttled_counts_can_be_read_over_http() throws Exception {
    aws.limits().perSecond("sts:AssumeRoot", 50);
    aws.limits().perSecondPerAccount("iam:*", 1);
    aws.latency(Duration.ofMillis(5));
    IamClient iam = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
        .withoutRetries().iam();
    iam.getUser();
    assertThatThrownBy(() -> iam.getUser()).isInstanceOf(AwsServiceException.class);

    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(aws.endpoint() + "/_sandbox/limits")).build(), HttpResponse.BodyHandlers.ofString());
    JsonObject limits = JsonParser.parseString(response.body()).getAsJsonObject();

    assertThat(limits.getAsJsonArray("limits")).hasSize(2);
    JsonObject perAccount = limits.getAsJsonArray("limits").get(1).getAsJsonObject();
    assertThat(perAccount.get("operation").getAsString()).isEqualTo("iam:*");
    assertThat(perAccount.get("perAccount").getAsBoolean()).isTrue();
    assertThat(limits.getAsJsonObject("throttled").get("iam:GetUser").getAsLong()).isEqualTo(1);
    assertThat(limits.get("throttledTotal").getAsLong()).isEqualTo(1);
    assertThat(limits.get("latencyMs").getAsLong()).isEqualTo(5);
  }

  @Test
  void clear_removes_the_limits_and_keeps_the_counts() {
    aws.limits().perSecond("sts:GetCallerIdentity", 1);
    StsClient sts = Clients.management(aws).withoutRetries().sts();
    sts.getCallerIdentity();
    assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(AwsServiceException.class);

    aws.limits().clear();
    sts.getCallerIdentity();

    assertThat(aws.limits().all()).isEmpty();
    assertThat(aws.limits().throttled()).isEqualTo(1);
  }

  @Test
  void a_limit_is_written_operation_equals_rate_with_an_optional_per_account() {
    assertThat(Limit.parse("sts:AssumeRoot=50")).isEqualTo(new Limit("sts:AssumeRoot", 50, false));
    assertThat(Limit.parse("iam:*=10/account")).isEqualTo(new Limit("iam:*", 10, true));
    assertThat(Limit.parse("s3:GetBucketPolicy=0.5")).satisfies(l -> assertThat(l.burst()).isEqualTo(1));
    assertThat(Limit.parse("iam:*=10/account")).hasToString("iam:*=10/account");
    for (String bad : new String[] {"sts:AssumeRoot", "AssumeRoot=5", "sts:AssumeRoot=0", "sts:AssumeRoot=-1",
        "sts:AssumeRoot=5/region", "sts:AssumeRoot=fast", "=5"}) {
      assertThatThrownBy(() -> Limit.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void latency_delays_every_call() {
    aws.latency(Duration.ofMillis(250));
    StsClient sts = Clients.management(aws).sts();

    long started = System.nanoTime();
    sts.getCallerIdentity();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(aws.latency()).isEqualTo(Duration.ofMillis(250));
    assertThatThrownBy(() -> aws.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assumeRoot(StsClient sts, String account) {
    sts.assumeRoot(r -> r.targetPrincipal(account).taskPolicyArn(p -> p.arn(TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn())));
  }
}
