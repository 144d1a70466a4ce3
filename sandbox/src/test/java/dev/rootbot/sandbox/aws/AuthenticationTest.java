package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_QUEUE;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.regions.Region;

/** Callers are identified by access key and SigV4 signatures are verified, in each service's protocol. */
class AuthenticationTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void a_request_signed_with_the_wrong_secret_is_refused_in_each_protocol() {
    Clients wrong = Clients.withCredentials(aws,
        AwsBasicCredentials.create(aws.managementKey().accessKeyId(), "not-the-secret")).withoutRetries();

    assertRefused(() -> wrong.sts().getCallerIdentity(), 403, "SignatureDoesNotMatch", "signature");
    assertRefused(() -> wrong.iam().getUser(), 403, "SignatureDoesNotMatch", "signature");
    assertRefused(() -> wrong.s3(Region.US_EAST_1).listBuckets(), 403, "SignatureDoesNotMatch", "signature");
    assertRefused(() -> wrong.sqs(Region.US_EAST_1).listQueues(), 403, "SignatureDoesNotMatch", "signature");
    assertRefused(() -> wrong.organizations().listRoots(), 400, "InvalidSignatureException", "signature");
    assertRefused(() -> wrong.cloudTrail(Region.US_EAST_1).lookupEvents(), 400, "InvalidSignatureException",
        "signature");
  }

  @Test
  void the_right_secret_is_accepted() {
    assertThat(Clients.management(aws).sts().getCallerIdentity().arn())
        .isEqualTo("arn:aws:iam::111111111111:user/rootbot");
    assertThat(aws.calls()).extracting(RecordedCall::errorCode).containsExactly(Optional.empty());
  }

  @Test
  void an_unknown_access_key_is_refused_in_each_protocol() {
    Clients unknown = Clients.withCredentials(aws, AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "x"))
        .withoutRetries();

    assertRefused(() -> unknown.sts().getCallerIdentity(), 403, "InvalidClientTokenId", "security token");
    assertRefused(() -> unknown.iam().getUser(), 403, "InvalidClientTokenId", "security token");
    assertRefused(() -> unknown.s3(Region.US_EAST_1).listBuckets(), 403, "InvalidAccessKeyId", "does not exist");
    assertRefused(() -> unknown.sqs(Region.US_EAST_1).listQueues(), 403, "InvalidClientTokenId", "security token");
    assertRefused(() -> unknown.organizations().listRoots(), 400, "UnrecognizedClientException", "security token");
    assertRefused(() -> unknown.cloudTrail(Region.US_EAST_1).lookupEvents(), 400, "UnrecognizedClientException",
        "security token");
    assertThat(aws.calls().withAccessKey("AKIAUNKNOWNKEY000000")).hasSize(6)
        .allSatisfy(call -> assertThat(call.account()).isEmpty());
    assertThat(aws.trail().events()).isEmpty();
  }

  @Test
  void a_session_key_needs_its_own_session_token() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY);
    var forged = AwsSessionCredentials.create(session.accessKeyId(), "whatever", "not-the-token");

    assertRefused(() -> Clients.withCredentials(aws, forged).withoutRetries().sqs(Region.US_EAST_1).listQueues(),
        403, "InvalidClientTokenId", "security token");
    assertRefused(() -> Clients.withCredentials(aws, forged).withoutRetries().s3(Region.US_EAST_1).listBuckets(),
        400, "InvalidToken", "token");
    assertThat(session.sqs(Region.US_EAST_1).listQueues().queueUrls()).hasSize(1);
  }

  @Test
  void an_expired_session_is_refused_as_expired_in_each_protocol() {
    Clients s3 = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries();
    Clients sqs = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries();
    Clients iam = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
        .withoutRetries();
    assertThat(s3.s3(Region.US_EAST_1).getBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET)).policy()).isNotEmpty();

    aws.clock().advance(Duration.ofSeconds(900));

    assertRefused(() -> s3.s3(Region.US_EAST_1).getBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET)), 400,
        "ExpiredToken", "expired");
    assertRefused(() -> sqs.sqs(Region.US_EAST_1).getQueueUrl(b -> b.queueName(PAYMENTS_QUEUE)), 403,
        "ExpiredToken", "expired");
    assertRefused(() -> iam.iam().getUser(), 403, "ExpiredToken", "expired");
  }

  @Test
  void an_unsigned_request_is_refused() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(aws.endpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("<Code>MissingAuthenticationToken</Code>");
  }

  @Test
  void s3_refuses_a_body_that_does_not_match_its_signed_payload_hash() throws Exception {
    var signer = AwsV4HttpSigner.create();
    String policy = Demo.DENY_EVERYONE_S3;
    SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
        .uri(URI.create(aws.endpoint() + "/" + PAYMENTS_BUCKET + "?policy")).build();
    SignedRequest signed = signer.sign(r -> r.request(unsigned)
        .payload(() -> new ByteArrayInputStream(policy.getBytes(StandardCharsets.UTF_8)))
        .identity(AwsBasicCredentials.create(aws.managementKey().accessKeyId(),
            aws.managementKey().secretAccessKey()))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false));
    var request = HttpRequest.newBuilder(signed.request().getUri())
        .PUT(HttpRequest.BodyPublishers.ofString(policy.replace("Deny", "Allow")));
    signed.request().forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        values.forEach(v -> request.header(name, v));
      }
    });

    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("<Code>XAmzContentSHA256Mismatch</Code>");
    assertThat(aws.buckets().policy(PROD_PAYMENTS, PAYMENTS_BUCKET)).hasValueSatisfying(
        p -> assertThat(p).contains("DenyEveryone"));
  }
}
