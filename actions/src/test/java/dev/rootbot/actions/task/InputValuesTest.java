package dev.rootbot.actions.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InputValuesTest {

  @ParameterizedTest(name = "account ID {0} is refused")
  @ValueSource(strings = {"", "1234", "11112222333", "1111222233334", "11112222333a", "١١١١٢٢٢٢٣٣٣٣", " "})
  void account_ids_are_exactly_twelve_ascii_digits(String text) {
    assertThatThrownBy(() -> AccountId.parse(text))
        .isInstanceOf(InvalidInput.class)
        .hasMessageStartingWith("an account ID is 12 digits");
  }

  @Test
  void account_ids_may_be_typed_with_the_consoles_dashes() {
    assertThat(AccountId.parse(" 1111-2222-3333 ").value()).isEqualTo("111122223333");
  }

  @ParameterizedTest(name = "bucket {0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "ab|has 2 characters",
      "Prod-Logs|has uppercase letters",
      "prod_logs|has a character S3 does not allow",
      "-prod-logs|has a character S3 does not allow",
      "prod-logs.|has a character S3 does not allow",
      "prod..logs|has two dots in a row",
      "192.168.5.4|looks like an IP address",
      "xn--prod|starts with the reserved prefix xn--",
      "sthree-logs|starts with the reserved prefix sthree-",
      "logs-s3alias|ends with the reserved suffix -s3alias",
      "logs--ol-s3|ends with the reserved suffix --ol-s3",
      "logs.mrap|ends with the reserved suffix .mrap",
      "logs--x-s3|ends with the reserved suffix --x-s3",
  })
  void bucket_names_follow_s3_naming_rules(String name, String problem) {
    assertThatThrownBy(() -> BucketName.of(name)).isInstanceOf(InvalidInput.class).hasMessageContaining(problem);
  }

  @Test
  void a_bucket_name_of_63_characters_is_allowed_and_64_is_not() {
    String max = "a".repeat(63);
    assertThat(BucketName.of(max).value()).isEqualTo(max);
    assertThatThrownBy(() -> BucketName.of(max + "a")).hasMessageContaining("has 64 characters");
    assertThat(BucketName.of("payments-audit-logs").arn()).isEqualTo("arn:aws:s3:::payments-audit-logs");
  }

  @Test
  void regions_are_real_region_codes_not_pseudo_regions() {
    assertThat(AwsRegion.parse(" EU-West-1 ").code()).isEqualTo("eu-west-1");
    for (String bad : new String[] {"aws-global", "us-east-9", "useast1", "", "eu-west-1a", "s3"}) {
      assertThatThrownBy(() -> AwsRegion.parse(bad)).as(bad).isInstanceOf(InvalidInput.class)
          .hasMessageStartingWith("a region is an AWS region code");
    }
  }

  @Test
  void a_queue_is_named_by_name_url_or_arn() {
    assertThat(QueueRef.parse("payments-events")).isEqualTo(
        new QueueRef("payments-events", Optional.empty(), Optional.empty()));
    assertThat(QueueRef.parse("https://sqs.eu-west-1.amazonaws.com/222222222222/payments-events")).isEqualTo(
        new QueueRef("payments-events", Optional.of(new AccountId("222222222222")), Optional.of(AwsRegion.parse("eu-west-1"))));
    assertThat(QueueRef.parse("https://queue.amazonaws.com/222222222222/orders.fifo").region())
        .contains(AwsRegion.US_EAST_1);
    assertThat(QueueRef.parse("https://ap-south-1.queue.amazonaws.com/222222222222/q").region())
        .contains(AwsRegion.parse("ap-south-1"));
    assertThat(QueueRef.parse("http://localhost:4566/222222222222/q").region()).isEmpty();
    assertThat(QueueRef.parse("arn:aws:sqs:us-west-2:333333333333:jobs")).isEqualTo(
        new QueueRef("jobs", Optional.of(new AccountId("333333333333")), Optional.of(AwsRegion.parse("us-west-2"))));
  }

  @ParameterizedTest(name = "queue {0} is refused")
  @ValueSource(strings = {"bad queue", "arn:aws:sqs:us-east-1:12:q", "https://sqs.us-east-1.amazonaws.com/q",
      "q<script>", "arn:aws:s3:::bucket",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void malformed_queues_are_refused_with_a_message(String text) {
    assertThatThrownBy(() -> QueueRef.parse(text)).isInstanceOf(InvalidInput.class).hasMessageContaining("queue");
  }

  @Test
  void a_queue_of_another_account_or_region_cannot_be_the_target_of_a_task() {
    var target = new AccountId("222222222222");
    var other = QueueRef.parse("arn:aws:sqs:us-east-1:333333333333:jobs");
    assertThatThrownBy(() -> new UnlockQueue(target, other, AwsRegion.US_EAST_1))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("belongs to account 333333333333");
    var elsewhere = QueueRef.parse("arn:aws:sqs:eu-west-1:222222222222:jobs");
    assertThatThrownBy(() -> new UnlockQueue(target, elsewhere, AwsRegion.US_EAST_1))
        .isInstanceOf(InvalidInput.class).hasMessageContaining("says region eu-west-1");
    assertThat(new UnlockQueue(target, elsewhere, AwsRegion.parse("eu-west-1")).resource())
        .isEqualTo("arn:aws:sqs:eu-west-1:222222222222:jobs");
  }

  @Test
  void a_policy_must_be_json_with_a_statement_and_fit_s3() {
    assertThatThrownBy(() -> new PolicyDocument("{not json")).hasMessageContaining("valid JSON");
    assertThatThrownBy(() -> new PolicyDocument("{\"Version\":\"2012-10-17\"}")).hasMessageContaining("Statement");
    String big = "{\"Statement\":[],\"Pad\":\"" + "x".repeat(PolicyDocument.S3_MAX_BYTES) + "\"}";
    var account = new AccountId("222222222222");
    assertThatThrownBy(() -> new RestoreBucketPolicy(account, BucketName.of("b-1"), AwsRegion.US_EAST_1, new PolicyDocument(big)))
        .hasMessageContaining("at most 20480 bytes");
  }

  @Test
  void a_backup_restores_to_the_same_resource_and_region() {
    var account = new AccountId("222222222222");
    var policy = new PolicyDocument("{\"Statement\":[]}");
    var eu = AwsRegion.parse("eu-west-1");
    assertThat(new Backup(Backup.Kind.BUCKET_POLICY, account, "data-lake-raw", eu, policy).restoreTask())
        .isEqualTo(new RestoreBucketPolicy(account, BucketName.of("data-lake-raw"), eu, policy));
    assertThat(new Backup(Backup.Kind.QUEUE_POLICY, account,
        "https://sqs.eu-west-1.amazonaws.com/222222222222/payments-events", eu, policy).restoreTask())
        .isEqualTo(new RestoreQueuePolicy(account, QueueRef.parse("https://sqs.eu-west-1.amazonaws.com/222222222222/payments-events"), eu, policy));
  }

  @Test
  void every_task_policy_has_its_documented_arn_and_actions() {
    assertThat(TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn()).isEqualTo("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy");
    assertThat(TaskPolicy.fromArn("arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword"))
        .isEqualTo(TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD);
    assertThat(TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS.allows("iam:GetAccountSummary")).isFalse();
    assertThat(TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS.allows("iam:GetAccountSummary")).isTrue();
    assertThatThrownBy(() -> TaskPolicy.fromArn("arn:aws:iam::aws:policy/AdministratorAccess"))
        .isInstanceOf(InvalidInput.class);
  }
}
