package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.DATA_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_BUCKET;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_QUEUE;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_QUEUE_URL;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A root session can call only what its task policy allows, and only in its own account. */
class TaskPolicyTest {
  private final SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void s3_unlock_allows_the_bucket_policy_calls_and_listing_buckets() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY);
    S3Client s3 = session.s3(Region.US_EAST_1);

    String locked = s3.getBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET)).policy();
    s3.deleteBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET));
    s3.putBucketPolicy(b -> b.bucket(PAYMENTS_BUCKET).policy(locked));
    var buckets = s3.listBuckets().buckets();

    assertThat(locked).contains("DenyEveryone");
    assertThat(buckets).extracting(b -> b.name()).containsExactly(PAYMENTS_BUCKET);
    assertThat(aws.buckets().policy(PROD_PAYMENTS, PAYMENTS_BUCKET)).contains(locked);
    assertThat(aws.calls().withAccessKey(session.accessKeyId())).extracting(RecordedCall::action).containsExactly(
        "s3:GetBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketPolicy", "s3:ListBuckets");
  }

  @Test
  void s3_unlock_refuses_anything_else() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries();
    // The locked bucket's own deny is evaluated first, as in AWS; without it the session policy is the reason.
    assertRefused(() -> session.s3(Region.US_EAST_1).getBucketLocation(b -> b.bucket(PAYMENTS_BUCKET)), 403,
        "AccessDenied", "with an explicit deny in a resource-based policy");
    aws.buckets().removePolicy(PROD_PAYMENTS, PAYMENTS_BUCKET);

    assertRefused(() -> session.s3(Region.US_EAST_1).getBucketLocation(b -> b.bucket(PAYMENTS_BUCKET)), 403,
        "AccessDenied", "User: arn:aws:iam::222222222222:root is not authorized to perform: s3:GetBucketLocation "
            + "on resource: \"arn:aws:s3:::payments-audit-logs\" because no session policy allows the "
            + "s3:GetBucketLocation action");
    assertRefused(() -> session.s3(Region.US_EAST_1).headBucket(b -> b.bucket(PAYMENTS_BUCKET)), 403, null, null);
    assertRefused(() -> session.sqs(Region.US_EAST_1).listQueues(), 403, "AccessDenied",
        "because no session policy allows the sqs:ListQueues action");
  }

  @Test
  void sqs_unlock_allows_finding_the_queue_and_replacing_its_policy() {
    SqsClient sqs = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).sqs(Region.US_EAST_1);

    String url = sqs.getQueueUrl(b -> b.queueName(PAYMENTS_QUEUE)).queueUrl();
    var listed = sqs.listQueues().queueUrls();
    String policy = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.POLICY))
        .attributes().get(QueueAttributeName.POLICY);
    sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, "")));

    assertThat(url).isEqualTo(PAYMENTS_QUEUE_URL);
    assertThat(listed).containsExactly(PAYMENTS_QUEUE_URL);
    assertThat(policy).contains("DenyEveryone");
    assertThat(aws.queues().policy(PROD_PAYMENTS, PAYMENTS_QUEUE)).isEmpty();
  }

  @Test
  void sqs_unlock_refuses_anything_else() {
    Clients session = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries();

    assertRefused(() -> session.s3(Region.US_EAST_1).listBuckets(), 403, "AccessDenied",
        "because no session policy allows the s3:ListAllMyBuckets action");
    assertRefused(() -> session.iam().getUser(), 403, "AccessDenied",
        "because no session policy allows the iam:GetUser action");
  }

  @Test
  void iam_audit_allows_reading_every_root_credential_and_the_account_summary() {
    IamClient iam = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).iam();

    assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::333333333333:root");
    assertThat(iam.getLoginProfile(b -> { }).loginProfile().createDate()).isNotNull();
    String key = iam.listAccessKeys(b -> { }).accessKeyMetadata().get(0).accessKeyId();
    assertThat(iam.getAccessKeyLastUsed(b -> b.accessKeyId(key)).accessKeyLastUsed().serviceName()).isEqualTo("N/A");
    assertThat(iam.listSigningCertificates(b -> { }).certificates()).hasSize(1);
    assertThat(iam.listMFADevices(b -> { }).mfaDevices()).hasSize(1);
    assertThat(iam.getAccountSummary(b -> { }).summaryMapAsStrings()).containsEntry("AccountMFAEnabled", 1)
        .containsEntry("AccountAccessKeysPresent", 1).containsEntry("AccountSigningCertificatesPresent", 1);
  }

  @Test
  void iam_audit_refuses_deleting() {
    IamClient iam = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
        .withoutRetries().iam();

    assertRefused(() -> iam.deleteLoginProfile(b -> { }), 403, "AccessDenied",
        "User: arn:aws:iam::333333333333:root is not authorized to perform: iam:DeleteLoginProfile on resource: "
            + "arn:aws:iam::333333333333:root because no session policy allows the iam:DeleteLoginProfile action");
    assertThat(aws.rootCredentials(PROD_DATA).hasPassword()).isTrue();
  }

  @Test
  void iam_delete_allows_reading_and_deleting_root_credentials_but_not_the_account_summary() {
    IamClient iam = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS)
        .withoutRetries().iam();

    assertThat(iam.getUser().user().userId()).isEqualTo(PROD_DATA);
    iam.deleteLoginProfile(b -> { });
    assertRefused(() -> iam.getAccountSummary(b -> { }), 403, "AccessDenied",
        "because no session policy allows the iam:GetAccountSummary action");
    assertThat(aws.rootCredentials(PROD_DATA).hasPassword()).isFalse();
  }

  @Test
  void iam_create_password_allows_creating_and_reading_the_login_profile_only() {
    IamClient iam = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD)
        .withoutRetries().iam();

    iam.createLoginProfile(b -> { });
    assertThat(iam.getLoginProfile(b -> { }).loginProfile().createDate()).isNotNull();
    assertRefused(() -> iam.listAccessKeys(b -> { }), 403, "AccessDenied",
        "because no session policy allows the iam:ListAccessKeys action");
    assertThat(aws.rootCredentials(PROD_PAYMENTS).hasPassword()).isTrue();
  }

  @Test
  void a_session_cannot_reach_another_accounts_bucket_or_queue() {
    Clients payments = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries();
    Clients data = Clients.rootSession(aws, PROD_DATA, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries();

    assertRefused(() -> payments.s3(Region.EU_WEST_1).deleteBucketPolicy(b -> b.bucket(DATA_BUCKET)), 403,
        "AccessDenied", "because no resource-based policy allows the s3:DeleteBucketPolicy action");
    assertRefused(() -> data.sqs(Region.US_EAST_1).getQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .attributeNames(QueueAttributeName.POLICY)), 403, "AccessDenied",
        "because no resource-based policy allows the sqs:GetQueueAttributes action");
    assertThat(aws.buckets().policy(PROD_DATA, DATA_BUCKET)).isPresent();
  }
}
