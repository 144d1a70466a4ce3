package dev.rootbot.actions;

import static dev.rootbot.actions.Organization.EU_WEST_1;
import static dev.rootbot.actions.Organization.PROD_DATA;
import static dev.rootbot.actions.Organization.PROD_PAYMENTS;
import static dev.rootbot.actions.Organization.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.RestoreBucketPolicy;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.aws.RecordedCall;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BucketTasksTest {
  private final Organization org = Organization.demo();
  private final RecordingObserver observer = new RecordingObserver(org.aws);

  @AfterEach
  void close() {
    org.close();
  }

  @Test
  void unlock_deletes_the_policy_and_returns_it_as_the_backup() {
    String lockedOut = org.aws.buckets().policy("222222222222", "payments-audit-logs").orElseThrow();

    TaskResult result = org.tasks.run(new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(result.backup().orElseThrow().policy().json()).isEqualTo(lockedOut);
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
    String key = result.accessKeyId().orElseThrow();
    assertThat(key).startsWith("ASIA");
    assertThat(org.aws.calls().withAccessKey(key)).extracting(RecordedCall::action)
        .containsExactly("s3:GetBucketPolicy", "s3:DeleteBucketPolicy", "s3:GetBucketPolicy");
    assertThat(observer.callsBeforeBackup).as("the backup is kept before the delete").isEqualTo(1);
    assertThat(result.links()).extracting(l -> l.url().toString()).containsExactly(
        "https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events?EventName=AssumeRoot",
        "https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events?AccessKeyId=" + key);
  }

  @Test
  void a_bucket_in_another_region_is_found_by_following_s3s_redirect_once() {
    TaskResult result = org.tasks.run(new UnlockBucket(PROD_DATA, BucketName.of("data-lake-raw"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(result.report().orElseThrow().eventsRegion()).isEqualTo(EU_WEST_1);
    assertThat(result.backup().orElseThrow().region()).isEqualTo(EU_WEST_1);
    assertThat(org.aws.buckets().policy("333333333333", "data-lake-raw")).isEmpty();
    var calls = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow());
    assertThat(calls).extracting(RecordedCall::region).containsExactly("us-east-1", "eu-west-1", "eu-west-1", "eu-west-1");
    assertThat(calls.get(0).httpStatus()).isEqualTo(301);
    assertThat(result.links().get(1).url().toString()).startsWith("https://eu-west-1.console.aws.amazon.com/");
  }

  @Test
  void a_bucket_without_a_policy_is_reported_and_left_alone() {
    org.aws.buckets().removePolicy("222222222222", "payments-audit-logs");

    TaskResult result = org.tasks.run(new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.headline()).contains("had no bucket policy");
    assertThat(result.backup()).isEmpty();
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow())).extracting(RecordedCall::action)
        .containsExactly("s3:GetBucketPolicy");
  }

  @Test
  void a_missing_bucket_fails_with_words_a_person_can_act_on() {
    TaskResult result = org.tasks.run(new UnlockBucket(PROD_PAYMENTS, BucketName.of("no-such-bucket"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.failure()).contains(TaskFailure.Reason.NOT_FOUND);
    assertThat(result.headline()).contains("There is no bucket no-such-bucket in account 222222222222");
  }

  @Test
  void restore_puts_the_saved_policy_back_and_keeps_the_one_it_replaces() {
    String saved = org.aws.buckets().policy("222222222222", "payments-audit-logs").orElseThrow();
    org.aws.buckets().setPolicy("222222222222", "payments-audit-logs",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");

    TaskResult result = org.tasks.run(new RestoreBucketPolicy(PROD_PAYMENTS, BucketName.of("payments-audit-logs"),
        US_EAST_1, new PolicyDocument(saved)), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).contains(saved);
    assertThat(result.backup().orElseThrow().policy().json()).contains("s3:GetObject");
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow())).extracting(RecordedCall::action)
        .containsExactly("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:GetBucketPolicy");
  }

  @Test
  void throttling_once_is_retried_and_the_task_succeeds() {
    org.aws.faults().inject("s3:DeleteBucketPolicy", Fault.throttling().once());

    TaskResult result = org.tasks.run(new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    var deletes = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow()).withAction("s3:DeleteBucketPolicy");
    assertThat(deletes).extracting(RecordedCall::httpStatus).containsExactly(503, 204);
  }

  @Test
  void a_503_from_s3_and_a_throttled_assume_root_are_retried_and_the_task_succeeds() {
    org.aws.faults().inject("s3:GetBucketPolicy", Fault.serverError(503).once());
    org.aws.faults().inject("sts:AssumeRoot", Fault.throttling().once());

    TaskResult result = org.tasks.run(new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(org.aws.calls().withAction("sts:AssumeRoot")).extracting(RecordedCall::httpStatus).containsExactly(400, 200);
    assertThat(org.aws.calls().withAction("s3:GetBucketPolicy").get(0).httpStatus()).isEqualTo(503);
  }

  @Test
  void when_the_backup_cannot_be_stored_nothing_is_changed() {
    observer.failBackupWith = new IllegalStateException("database is down");

    TaskResult result = org.tasks.run(new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.failure()).contains(TaskFailure.Reason.BACKUP_NOT_STORED);
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).isPresent();
    assertThat(org.aws.calls().withAction("s3:DeleteBucketPolicy")).isEmpty();
  }
}
