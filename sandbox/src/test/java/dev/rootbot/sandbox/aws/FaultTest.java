package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;

/** Faults on demand, each in its protocol's words, and classified by the real SDK as AWS's would be. */
class FaultTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void throttling_once_is_retried_by_the_sdk_and_succeeds() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);
    aws.faults().inject("s3:DeleteBucketPolicy", Fault.throttling().times(1));

    session.s3(Region.US_EAST_1).deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET));

    assertThat(aws.buckets().policy(PROD_PAYMENTS, PAYMENTS_BUCKET)).isEmpty();
    assertThat(aws.calls().withAction("s3:DeleteBucketPolicy")).extracting(RecordedCall::errorCode)
        .containsExactly(Optional.of("SlowDown"), Optional.empty());
  }

  @Test
  void each_protocols_throttling_error_is_throttling_to_the_sdk() {
    aws.faults().inject("*:*", Fault.throttling());
    Clients clients = Clients.management(aws).withoutRetries();

    assertThrottled(c -> c.sts().getCallerIdentity(), clients, "Throttling", 400);
    assertThrottled(c -> c.iam().getUser(), clients, "Throttling", 400);
    assertThrottled(c -> c.s3(Region.US_EAST_1).listBuckets(), clients, "SlowDown", 503);
    assertThrottled(c -> c.sqs(Region.US_EAST_1).listQueues(), clients, "RequestThrottled", 400);
    assertThrottled(c -> c.organizations().listRoots(), clients, "TooManyRequestsException", 400);
    assertThrottled(c -> c.cloudTrail(Region.US_EAST_1).lookupEvents(), clients, "ThrottlingException", 400);
  }

  @Test
  void latency_delays_the_answer() {
    aws.faults().inject("sts:GetCallerIdentity", Fault.latency(Duration.ofMillis(300)).always());
    var sts = Clients.management(aws).sts();
    sts.getCallerIdentity(); // warm the client so only the injected latency is measured below

    long started = System.nanoTime();
    sts.getCallerIdentity();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(aws.calls().refused()).isEmpty();
  }

  @Test
  void server_errors_are_internal_error_or_service_unavailable_and_retried() {
    Clients clients = Clients.management(aws);
    aws.faults().inject("sts:AssumeRoot", Fault.serverError(500).once());
    aws.faults().inject("organizations:ListRoots", Fault.serverError(503).times(2));

    clients.sts().assumeRoot(b -> b.targetPrincipal(PROD_PAYMENTS)
        .taskPolicyArn(p -> p.arn(TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn())));
    clients.organizations().listRoots();

    assertThat(aws.calls()).extracting(c -> c.action() + " " + c.httpStatus() + " " + c.errorCode().orElse("-"))
        .containsExactly(
            "sts:AssumeRoot 500 InternalError", "sts:AssumeRoot 200 -",
            "organizations:ListRoots 503 ServiceUnavailableException",
            "organizations:ListRoots 503 ServiceUnavailableException", "organizations:ListRoots 200 -");
  }

  @Test
  void a_fault_for_n_calls_fires_exactly_n_times() {
    var sts = Clients.management(aws).withoutRetries().sts();
    aws.faults().inject("sts:GetCallerIdentity", Fault.throttling().times(3));

    for (int i = 0; i < 5; i++) {
      try {
        sts.getCallerIdentity();
      } catch (AwsServiceException expected) {
        // the first three
      }
    }

    assertThat(aws.calls()).extracting(RecordedCall::refused).containsExactly(true, true, true, false, false);
  }

  @Test
  void a_rate_of_zero_never_fires_and_clear_removes_every_fault() {
    var sts = Clients.management(aws).withoutRetries().sts();
    aws.faults().inject("sts:GetCallerIdentity", Fault.serverError(503).rate(0.0));
    sts.getCallerIdentity();
    aws.faults().inject("sts:*", Fault.serverError(503));
    assertThatThrownBy(sts::getCallerIdentity).isInstanceOfSatisfying(AwsServiceException.class,
        e -> assertThat(e.statusCode()).isEqualTo(503));

    aws.faults().clear();
    sts.getCallerIdentity();

    assertThat(aws.calls()).extracting(RecordedCall::httpStatus).containsExactly(200, 503, 200);
  }

  @Test
  void a_fault_names_an_operation_as_service_colon_operation() {
    assertThatThrownBy(() -> aws.faults().inject("DeleteBucketPolicy", Fault.throttling()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service:Operation");
    assertThatThrownBy(() -> Fault.serverError(502)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.throttling().rate(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertThrottled(Consumer<Clients> call, Clients clients, String code, int status) {
    assertThatThrownBy(() -> call.accept(clients)).isInstanceOfSatisfying(AwsServiceException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.isThrottlingException()).as(code + " is throttling to the SDK").isTrue();
    });
  }
}
