package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.DATA_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.DENY_EVERYONE_S3;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3 over restXml, path-style: bucket policies, regions and redirects, and who a bucket policy blocks. */
class S3Test {
  private SimulatedAws aws = SimulatedAws.start(Seed.demo()
      .withCaller(PROD_PAYMENTS, "deployer", "AKIASANDBOXPAYMENTS1", "payments-secret")
      .withBucket(PROD_PAYMENTS, "payments-open", "us-east-1", null));

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void a_bucket_policy_that_denies_everyone_blocks_ordinary_callers() {
    S3Client deployer = ordinary(Region.US_EAST_1);

    assertRefused(() -> deployer.getBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET)), 403, "AccessDenied",
        "User: arn:aws:iam::222222222222:user/deployer is not authorized to perform: s3:GetBucketPolicy on "
            + "resource: \"arn:aws:s3:::payments-audit-logs\" with an explicit deny in a resource-based policy");
    assertRefused(() -> deployer.deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET)), 403, "AccessDenied", null);
    assertThat(aws.buckets().policy(PROD_PAYMENTS, PAYMENTS_BUCKET)).isPresent();
  }

  @Test
  void a_root_session_is_not_blocked_by_the_bucket_policy() {
    S3Client root = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).s3(Region.US_EAST_1);

    root.deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET));

    assertThat(aws.buckets().policy(PROD_PAYMENTS, PAYMENTS_BUCKET)).isEmpty();
    assertThat(ordinary(Region.US_EAST_1).listBuckets().buckets()).extracting(b -> b.name())
        .containsExactly("payments-audit-logs", "payments-open");
  }

  @Test
  void an_ordinary_caller_manages_an_unlocked_bucket_policy() {
    S3Client deployer = ordinary(Region.US_EAST_1);

    deployer.putBucketPolicy(b -> b.bucket("payments-open").policy(DENY_EVERYONE_S3));
    assertThat(aws.buckets().policy(PROD_PAYMENTS, "payments-open")).contains(DENY_EVERYONE_S3);

    assertRefused(() -> deployer.getBucketPolicy(b -> b.bucket("payments-open")), 403, "AccessDenied",
        "explicit deny");
  }

  @Test
  void a_bucket_without_a_policy_answers_no_such_bucket_policy() {
    assertThatThrownBy(() -> ordinary(Region.US_EAST_1).getBucketPolicy(b -> b.bucket("payments-open")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
          assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region"))
              .contains("us-east-1");
        });
  }

  @Test
  void a_bucket_that_does_not_exist_answers_no_such_bucket() {
    assertThatThrownBy(() -> ordinary(Region.US_EAST_1).getBucketPolicy(b -> b.bucket("no-such-bucket")))
        .isInstanceOfSatisfying(NoSuchBucketException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void a_request_to_the_wrong_region_is_redirected_with_the_buckets_region() {
    S3Client root = Clients.rootSession(aws, PROD_DATA, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries()
        .s3(Region.US_EAST_1);

    assertThatThrownBy(() -> root.getBucketPolicy(b -> b.bucket(DATA_BUCKET)))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(301);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PermanentRedirect");
          assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region"))
              .contains("eu-west-1");
        });
  }

  @Test
  void the_right_region_answers_with_the_buckets_region_header() {
    S3Client root = Clients.rootSession(aws, PROD_DATA, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).s3(Region.EU_WEST_1);

    var response = root.getBucketPolicy(b -> b.bucket(DATA_BUCKET));

    assertThat(response.policy()).contains("arn:aws:s3:::data-lake-raw");
    assertThat(response.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region")).contains("eu-west-1");
  }

  @Test
  void a_client_with_cross_region_access_follows_the_redirect() {
    var session = Clients.rootSession(aws, PROD_DATA, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);
    try (S3Client s3 = S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true)
        .region(Region.US_EAST_1).crossRegionAccessEnabled(true)
        .credentialsProvider(StaticCredentialsProvider.create(session.credentials())).build()) {

      assertThat(s3.getBucketPolicy(b -> b.bucket(DATA_BUCKET)).policy()).contains("DenyEveryone");
    }
    assertThat(aws.calls().withAccessKey(session.accessKeyId())).extracting(RecordedCall::region)
        .containsExactly("us-east-1", "eu-west-1");
  }

  @Test
  void list_buckets_shows_the_callers_own_buckets_with_their_regions() {
    var buckets = Clients.rootSession(aws, PROD_DATA, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).s3(Region.US_EAST_1)
        .listBuckets().buckets();

    assertThat(buckets).extracting(b -> b.name() + "@" + b.bucketRegion()).containsExactly("data-lake-raw@eu-west-1");
  }

  @Test
  void a_malformed_policy_is_refused() {
    assertRefused(() -> ordinary(Region.US_EAST_1).putBucketPolicy(b -> b.bucket("payments-open").policy("nope")),
        400, "MalformedPolicy", "valid JSON");
    assertThat(aws.buckets().policy(PROD_PAYMENTS, "payments-open")).isEmpty();
  }

  @Test
  void a_wrong_expected_bucket_owner_is_refused() {
    assertRefused(() -> ordinary(Region.US_EAST_1).getBucketPolicy(b -> b.bucket("payments-open")
        .expectedBucketOwner(PROD_DATA)), 403, "AccessDenied", null);
  }

  @Test
  void head_bucket_tells_an_ordinary_caller_the_region() {
    var head = ordinary(Region.US_EAST_1).headBucket(b -> b.bucket("payments-open"));

    assertThat(head.bucketRegion()).isEqualTo("us-east-1");
  }

  private S3Client ordinary(Region region) {
    return Clients.as(aws, aws.callerKey(PROD_PAYMENTS)).withoutRetries().s3(region);
  }
}
