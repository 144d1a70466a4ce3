package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_QUEUE_URL;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * A root session that asks for what its task policy does not allow is told {@code AccessDenied}, in its
 * protocol's shape, whether or not the sandbox implements the operation: AWS authorizes first.
 */
class AccessDeniedFirstTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void list_objects_in_an_s3_unlock_session_is_access_denied_not_not_implemented() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries();

    assertRefused(() -> session.s3(Region.US_EAST_1).listObjectsV2(b -> b.bucket(PAYMENTS_BUCKET)), 403,
        "AccessDenied", "User: arn:aws:iam::222222222222:root is not authorized to perform: s3:ListBucket on "
            + "resource: \"arn:aws:s3:::payments-audit-logs\" because no session policy allows the s3:ListBucket "
            + "action");
    assertRefused(() -> session.s3(Region.US_EAST_1).getObject(b -> b.bucket(PAYMENTS_BUCKET).key("a/b.log")),
        403, "AccessDenied", "s3:GetObject on resource: \"arn:aws:s3:::payments-audit-logs/a/b.log\"");

    assertThat(aws.calls().withAccessKey(session.accessKeyId())).extracting(RecordedCall::action,
        RecordedCall::errorCode).containsExactly(
            org.assertj.core.groups.Tuple.tuple("s3:ListObjectsV2", Optional.of("AccessDenied")),
            org.assertj.core.groups.Tuple.tuple("s3:GetObject", Optional.of("AccessDenied")));
  }

  @Test
  void an_iam_call_outside_the_audit_policy_is_access_denied_in_the_query_shape() {
    Clients session = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).withoutRetries();

    assertRefused(() -> session.iam().listUsers(), 403, "AccessDenied",
        "is not authorized to perform: iam:ListUsers on resource: * because no session policy allows the "
            + "iam:ListUsers action");
    assertRefused(() -> session.iam().deleteAccessKey(b -> b.accessKeyId("AKIA3333ROOTKEYEXMPL")), 403,
        "AccessDenied", "iam:DeleteAccessKey");
    assertThat(aws.rootCredentials(PROD_DATA).accessKeys()).containsExactly("AKIA3333ROOTKEYEXMPL");
  }

  @Test
  void an_sqs_call_outside_the_unlock_policy_is_access_denied_in_the_json_shape() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries();

    assertRefused(() -> session.sqs(Region.US_EAST_1).sendMessage(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .messageBody("hello")), 403, "AccessDenied", "sqs:SendMessage on resource: "
            + "arn:aws:sqs:us-east-1:222222222222:payments-events because no session policy allows");
  }

  @Test
  void a_refused_call_on_a_bucket_that_does_not_exist_is_access_denied_not_no_such_bucket() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries();

    assertRefused(() -> session.s3(Region.US_EAST_1).getBucketLocation(b -> b.bucket("no-such-bucket")), 403,
        "AccessDenied", "s3:GetBucketLocation on resource: \"arn:aws:s3:::no-such-bucket\"");
    assertRefused(() -> session.s3(Region.US_EAST_1).getBucketPolicy(b -> b.bucket("no-such-bucket")), 404,
        "NoSuchBucket", null);
  }

  @Test
  void a_caller_the_operation_is_allowed_to_still_learns_it_is_not_implemented() {
    Clients management = Clients.management(aws).withoutRetries();

    assertRefused(() -> management.s3(Region.US_EAST_1).listObjectsV2(b -> b.bucket(PAYMENTS_BUCKET)), 501,
        "NotImplemented", null);
    assertRefused(() -> management.iam().listUsers(), 400, "InvalidAction", "ListUsers");
  }
}
