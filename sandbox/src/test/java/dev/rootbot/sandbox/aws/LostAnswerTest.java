package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rootbot.sandbox.aws.cloudtrail.TrailEvent;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link Fault#lostAnswer()}: AWS did the work, recorded it in CloudTrail, and the answer never arrived. The
 * SDK sees the connection closed without a response.
 */
class LostAnswerTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void the_policy_is_deleted_but_the_sdk_sees_a_client_exception() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries();
    aws.faults().inject("s3:DeleteBucketPolicy", Fault.lostAnswer());
    S3Client s3 = session.s3(Region.US_EAST_1);

    assertThatThrownBy(() -> s3.deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET)))
        .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(IOException.class);

    assertThat(aws.buckets().policy(PROD_PAYMENTS, PAYMENTS_BUCKET)).isEmpty();
    assertThat(aws.calls().withAction("s3:DeleteBucketPolicy")).singleElement().satisfies(call -> {
      assertThat(call.answerLost()).isTrue();
      assertThat(call.refused()).isFalse();
      assertThat(call.httpStatus()).isEqualTo(204);
    });
    assertThat(aws.trail().events(PROD_PAYMENTS, "us-east-1"))
        .filteredOn(e -> e.eventName().equals("DeleteBucketPolicy"))
        .extracting(TrailEvent::errorCode, TrailEvent::accessKeyId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Optional.empty(), session.accessKeyId()));
  }

  @Test
  void always_loses_every_attempt_the_sdk_retries_and_each_one_took_effect() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);
    aws.faults().inject("s3:DeleteBucketPolicy", Fault.lostAnswer().always());

    SdkClientException failure = catchThrowableOfType(SdkClientException.class,
        () -> session.s3(Region.US_EAST_1).deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET)));

    assertThat(failure.numAttempts()).isGreaterThan(1);
    assertThat(aws.calls().withAction("s3:DeleteBucketPolicy")).hasSize(failure.numAttempts())
        .allSatisfy(call -> assertThat(call.answerLost()).isTrue());
    assertThat(aws.buckets().policy(PROD_PAYMENTS, PAYMENTS_BUCKET)).isEmpty();
  }

  @Test
  void once_loses_the_first_answer_and_the_retry_is_answered() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);
    aws.faults().inject("s3:DeleteBucketPolicy", Fault.lostAnswer().once());

    session.s3(Region.US_EAST_1).deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET));

    assertThat(aws.calls().withAction("s3:DeleteBucketPolicy")).extracting(RecordedCall::answerLost)
        .containsExactly(true, false);
  }

  @Test
  void a_retry_of_a_lost_delete_finds_nothing_left_to_delete() {
    IamClient iam = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS).iam();
    aws.faults().inject("iam:DeleteAccessKey", Fault.lostAnswer().times(1));

    // The key is gone after the first attempt; the SDK's retry is told there is no such key.
    assertThatThrownBy(() -> iam.deleteAccessKey(b -> b.accessKeyId("AKIA3333ROOTKEYEXMPL")))
        .isInstanceOf(NoSuchEntityException.class);

    assertThat(aws.rootCredentials(PROD_DATA).accessKeys()).isEmpty();
    assertThat(aws.calls().withAction("iam:DeleteAccessKey")).extracting(RecordedCall::answerLost,
        RecordedCall::errorCode).containsExactly(org.assertj.core.groups.Tuple.tuple(true, Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(false, Optional.of("NoSuchEntity")));
  }

  @Test
  void a_lost_answer_in_a_json_protocol_is_a_client_exception_too() {
    aws.faults().inject("organizations:EnableAWSServiceAccess", Fault.lostAnswer());

    assertThatThrownBy(() -> Clients.management(aws).withoutRetries().organizations()
        .enableAWSServiceAccess(b -> b.servicePrincipal("cloudtrail.amazonaws.com")))
        .isInstanceOf(SdkClientException.class);

    assertThat(aws.organization().trusts("cloudtrail.amazonaws.com")).isTrue();
  }
}
