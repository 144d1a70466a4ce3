package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.DENY_ROOT_WITH_EXEMPTION;
import static dev.rootbot.sandbox.aws.Demo.DEV_PLAYGROUND;
import static dev.rootbot.sandbox.aws.Demo.MANAGEMENT;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static dev.rootbot.sandbox.aws.Demo.SECURITY_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** SCPs apply to member accounts' principals, root sessions included, and never to the management account. */
class ServiceControlPolicyTest {
  private SimulatedAws aws;

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void the_demo_scp_without_the_exemption_denies_root_sessions_in_dev_playground() {
    aws = SimulatedAws.start(Seed.demo());
    var session = Clients.rootSession(aws, DEV_PLAYGROUND, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
        .withoutRetries();

    assertRefused(() -> session.iam().getUser(), 403, "AccessDenied",
        "User: arn:aws:iam::444444444444:root is not authorized to perform: iam:GetUser on resource: "
            + "arn:aws:iam::444444444444:root with an explicit deny in a service control policy");
    assertThat(aws.calls().withAccessKey(session.accessKeyId()).get(0).errorCode()).contains("AccessDenied");
  }

  @Test
  void an_scp_denial_comes_before_whether_the_queue_exists() {
    aws = SimulatedAws.start(Seed.demo());
    var session = Clients.rootSession(aws, DEV_PLAYGROUND, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries();

    assertRefused(() -> session.sqs(software.amazon.awssdk.regions.Region.US_EAST_1).getQueueUrl(r -> r.queueName("no-such-queue")), 403, "AccessDenied",
        "with an explicit deny in a service control policy");
  }

  @Test
  void fixing_the_demo_scp_with_the_exemption_lets_root_sessions_into_dev_playground() {
    JsonObject seed = JsonParser.parseString(Seed.demo().toJson()).getAsJsonObject();
    JsonObject condition = seed.getAsJsonObject("organization").getAsJsonArray("serviceControlPolicies").get(0)
        .getAsJsonObject().getAsJsonObject("content").getAsJsonArray("Statement").get(0).getAsJsonObject()
        .getAsJsonObject("Condition");
    condition.add("Null", JsonParser.parseString("{\"aws:AssumedRoot\": \"true\"}"));
    String fixed = seed.toString();
    aws = SimulatedAws.start(Seed.fromJson(fixed));

    var user = Clients.rootSession(aws, DEV_PLAYGROUND, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).iam().getUser();

    assertThat(user.user().arn()).isEqualTo("arn:aws:iam::444444444444:root");
  }

  @Test
  void the_same_scp_with_the_assumed_root_exemption_allows_them() {
    aws = SimulatedAws.start(Seed.demo().withServiceControlPolicy("DenyRootUserExceptAssumeRoot", "Production",
        DENY_ROOT_WITH_EXEMPTION));

    var user = Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).iam().getUser().user();

    assertThat(user.arn()).isEqualTo("arn:aws:iam::333333333333:root");
  }

  @Test
  void an_scp_attached_to_the_root_reaches_every_member_but_not_the_management_account() {
    aws = SimulatedAws.start(Seed.demo()
        .withServiceControlPolicy("DenyS3Everywhere", "Root", "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")
        .withBucket(MANAGEMENT, "management-bucket", "us-east-1", null));

    assertRefused(() -> Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries()
        .s3(Region.US_EAST_1).listBuckets(), 403, "AccessDenied", "explicit deny in a service control policy");
    assertThat(Clients.management(aws).s3(Region.US_EAST_1).listBuckets().buckets()).extracting(b -> b.name())
        .containsExactly("management-bucket");
  }

  @Test
  void an_scp_attached_to_an_account_applies_to_that_account_only() {
    aws = SimulatedAws.start(Seed.demo().withServiceControlPolicy("NoQueues", PROD_DATA,
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sqs:List*\","
            + "\"Resource\":\"*\"}]}"));

    assertRefused(() -> Clients.rootSession(aws, PROD_DATA, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries()
        .sqs(Region.US_EAST_1).listQueues(), 403, "AccessDenied", "service control policy");
    assertThat(Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).sqs(Region.US_EAST_1)
        .listQueues().queueUrls()).hasSize(1);
  }

  @Test
  void not_action_denies_everything_it_does_not_name() {
    aws = SimulatedAws.start(Seed.demo().withServiceControlPolicy("OnlyIam", "Production",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"iam:*\","
            + "\"Resource\":\"*\"}]}"));

    assertRefused(() -> Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY).withoutRetries()
        .s3(Region.US_EAST_1).listBuckets(), 403, "AccessDenied", "service control policy");
    assertThat(Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).iam()
        .listAccessKeys(b -> { }).accessKeyMetadata()).hasSize(1);
  }

  @Test
  void scps_govern_a_delegated_administrators_own_assume_root_call() {
    aws = SimulatedAws.start(Seed.demo()
        .withCaller(SECURITY_TOOLING, "rootbot", "AKIASANDBOXDELEGATED", "delegated-secret")
        .withDelegatedAdministrator(SECURITY_TOOLING, "iam.amazonaws.com")
        .withServiceControlPolicy("NoAssumeRoot", SECURITY_TOOLING, "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRoot\",\"Resource\":\"*\","
            + "\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}]}"));
    var delegated = Clients.as(aws, aws.callerKey(SECURITY_TOOLING)).withoutRetries().sts();

    assertRefused(() -> delegated.assumeRoot(b -> b.targetPrincipal(PROD_PAYMENTS)
        .taskPolicyArn(p -> p.arn(TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn()))), 403, "AccessDenied",
        "explicit deny in a service control policy");
  }
}
