package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_QUEUE;
import static dev.rootbot.sandbox.aws.Demo.PAYMENTS_QUEUE_URL;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** SQS over awsJson1.0 with its query-compatible errors; queues are regional. */
class SqsTest {
  private static final String OPEN_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"222222222222\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"*\"}]}";

  private final SimulatedAws aws = SimulatedAws.start(Seed.demo()
      .withCaller(PROD_PAYMENTS, "deployer", "AKIASANDBOXPAYMENTS1", "payments-secret")
      .withQueue(PROD_PAYMENTS, "payments-dlq", "us-east-1", null)
      .withQueue(PROD_PAYMENTS, "payments-events", "eu-west-1", null));

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void get_queue_url_finds_a_queue_of_the_named_owner() {
    SqsClient root = session(PROD_PAYMENTS);

    String url = root.getQueueUrl(b -> b.queueName(PAYMENTS_QUEUE).queueOwnerAWSAccountId(PROD_PAYMENTS)).queueUrl();

    assertThat(url).isEqualTo(PAYMENTS_QUEUE_URL);
    assertThat(aws.calls().withAction("sqs:GetQueueUrl").get(0).parameters())
        .containsEntry("QueueName", PAYMENTS_QUEUE).containsEntry("QueueOwnerAWSAccountId", PROD_PAYMENTS);
  }

  @Test
  void list_queues_lists_the_accounts_queues_in_the_region_by_prefix_and_page() {
    SqsClient root = session(PROD_PAYMENTS);

    assertThat(root.listQueues().queueUrls()).containsExactly(
        "https://sqs.us-east-1.amazonaws.com/222222222222/payments-dlq", PAYMENTS_QUEUE_URL);
    assertThat(root.listQueues(b -> b.queueNamePrefix("payments-e")).queueUrls()).containsExactly(PAYMENTS_QUEUE_URL);
    var first = root.listQueues(b -> b.maxResults(1));
    var second = root.listQueues(b -> b.maxResults(1).nextToken(first.nextToken()));
    assertThat(first.queueUrls()).hasSize(1);
    assertThat(second.queueUrls()).containsExactly(PAYMENTS_QUEUE_URL);
    assertThat(second.nextToken()).isNull();
    assertThat(session(PROD_DATA).listQueues().queueUrls()).isEmpty();
  }

  @Test
  void a_queue_asked_for_in_another_region_does_not_exist_there() {
    SqsClient root = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries()
        .sqs(Region.US_WEST_2);

    assertThatThrownBy(() -> root.getQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .attributeNames(QueueAttributeName.POLICY)))
        .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
          assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amzn-query-error"))
              .contains("AWS.SimpleQueueService.NonExistentQueue;Sender");
        });
  }

  @Test
  void the_same_name_in_another_region_is_another_queue() {
    String url = session(PROD_PAYMENTS, Region.EU_WEST_1).getQueueUrl(b -> b.queueName(PAYMENTS_QUEUE)).queueUrl();

    assertThat(url).isEqualTo("https://sqs.eu-west-1.amazonaws.com/222222222222/payments-events");
    assertThat(aws.queues().policy(PROD_PAYMENTS, "eu-west-1", PAYMENTS_QUEUE)).isEmpty();
  }

  @Test
  void get_queue_attributes_reports_all_or_the_named_attributes() {
    SqsClient root = session(PROD_PAYMENTS);

    var all = root.getQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL).attributeNames(QueueAttributeName.ALL))
        .attributes();
    var policyOnly = root.getQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .attributeNames(QueueAttributeName.POLICY)).attributes();

    assertThat(all).containsEntry(QueueAttributeName.QUEUE_ARN,
        "arn:aws:sqs:us-east-1:222222222222:payments-events").containsKey(QueueAttributeName.POLICY);
    assertThat(policyOnly).containsOnlyKeys(QueueAttributeName.POLICY);
  }

  @Test
  void setting_an_empty_policy_removes_it_and_a_policy_sets_it() {
    SqsClient root = session(PROD_PAYMENTS);

    root.setQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL).attributes(Map.of(QueueAttributeName.POLICY, "")));
    assertThat(aws.queues().policy(PROD_PAYMENTS, "us-east-1", PAYMENTS_QUEUE)).isEmpty();
    assertThat(root.getQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL).attributeNames(QueueAttributeName.POLICY))
        .attributes()).doesNotContainKey(QueueAttributeName.POLICY);

    root.setQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .attributes(Map.of(QueueAttributeName.POLICY, OPEN_POLICY)));
    assertThat(aws.queues().policy(PROD_PAYMENTS, "us-east-1", PAYMENTS_QUEUE)).contains(OPEN_POLICY);
  }

  @Test
  void a_queue_policy_that_denies_everyone_blocks_ordinary_callers() {
    SqsClient deployer = Clients.as(aws, aws.callerKey(PROD_PAYMENTS)).withoutRetries().sqs(Region.US_EAST_1);

    assertRefused(() -> deployer.getQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .attributeNames(QueueAttributeName.POLICY)), 403, "AccessDenied",
        "User: arn:aws:iam::222222222222:user/deployer is not authorized to perform: sqs:GetQueueAttributes on "
            + "resource: arn:aws:sqs:us-east-1:222222222222:payments-events with an explicit deny in a "
            + "resource-based policy");
    assertThat(deployer.getQueueUrl(b -> b.queueName("payments-dlq")).queueUrl()).endsWith("/payments-dlq");
  }

  @Test
  void an_invalid_policy_or_attribute_is_refused() {
    SqsClient root = Clients.rootSession(aws, PROD_PAYMENTS, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries()
        .sqs(Region.US_EAST_1);

    assertRefused(() -> root.setQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .attributes(Map.of(QueueAttributeName.POLICY, "{not json"))), 400, "InvalidAttributeValue", "Policy");
    assertRefused(() -> root.setQueueAttributes(b -> b.queueUrl(PAYMENTS_QUEUE_URL)
        .attributesWithStrings(Map.of("Colour", "blue"))), 400, "InvalidAttributeName", "Colour");
    assertThat(aws.queues().policy(PROD_PAYMENTS, "us-east-1", PAYMENTS_QUEUE)).isPresent();
  }

  private SqsClient session(String account) {
    return session(account, Region.US_EAST_1);
  }

  private SqsClient session(String account, Region region) {
    return Clients.rootSession(aws, account, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY).withoutRetries().sqs(region);
  }
}
