package dev.rootbot.actions;

import static dev.rootbot.actions.Organization.DEV_PLAYGROUND;
import static dev.rootbot.actions.Organization.EU_WEST_1;
import static dev.rootbot.actions.Organization.PROD_DATA;
import static dev.rootbot.actions.Organization.PROD_PAYMENTS;
import static dev.rootbot.actions.Organization.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.Finding;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RestoreBucketPolicy;
import dev.rootbot.actions.task.RestoreQueuePolicy;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.task.UnlockQueue;
import dev.rootbot.sandbox.aws.RecordedCall;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A preview reads what a task would change, in a root session of its own policy, and changes nothing. */
class PreviewTest {
  private static final PolicyDocument EMPTY = new PolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
  private static final BucketName AUDIT_LOGS = BucketName.of("payments-audit-logs");
  private static final QueueRef EVENTS = QueueRef.parse("payments-events");

  private final Organization org = Organization.demo();
  private final RecordingObserver observer = new RecordingObserver(org.aws);

  @AfterEach
  void close() {
    org.close();
  }

  static Stream<RootTask> everyChangingTask() {
    return Stream.of(
        new UnlockBucket(PROD_PAYMENTS, AUDIT_LOGS, US_EAST_1),
        new UnlockBucket(PROD_DATA, BucketName.of("data-lake-raw"), US_EAST_1),
        new RestoreBucketPolicy(PROD_PAYMENTS, AUDIT_LOGS, US_EAST_1, EMPTY),
        new UnlockQueue(PROD_PAYMENTS, EVENTS, US_EAST_1),
        new RestoreQueuePolicy(PROD_PAYMENTS, EVENTS, US_EAST_1, EMPTY),
        new DeleteRootCredentials(PROD_DATA),
        new AllowPasswordRecovery(PROD_PAYMENTS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyChangingTask")
  void a_preview_makes_only_read_calls_its_task_policy_allows_and_changes_nothing(RootTask task) {
    String before = org.aws.buckets().all().toString() + org.aws.queues().all()
        + org.aws.rootCredentials("333333333333") + org.aws.rootCredentials("222222222222");

    Preview preview = org.tasks.preview(task, observer);

    assertThat(preview.status()).as(preview.headline()).isEqualTo(Preview.Status.WILL_CHANGE);
    String key = preview.accessKeyId().orElseThrow();
    assertThat(observer.sessionKey).as("the observer hears the key, for the audit log").contains(key);
    assertThat(org.aws.calls().withAction("sts:AssumeRoot").get(0).parameters())
        .containsEntry("TaskPolicyArn.arn", task.policy().arn());
    List<RecordedCall> calls = org.aws.calls().withAccessKey(key);
    assertThat(calls).isNotEmpty().allSatisfy(call -> {
      assertThat(task.policy().allows(call.action())).as(call.action() + " under " + task.policy()).isTrue();
      assertThat(call.action()).as("a read").matches("(s3|sqs|iam):(Get|List)\\w+");
      assertThat(call.parameters()).doesNotContainKeys("UserName", "Password");
    });
    assertThat(org.aws.buckets().all().toString() + org.aws.queues().all()
        + org.aws.rootCredentials("333333333333") + org.aws.rootCredentials("222222222222")).isEqualTo(before);
    assertThat(preview.fingerprint()).isPresent();
    assertThat(preview.links()).extracting(l -> l.url().toString()).anyMatch(url -> url.endsWith("AccessKeyId=" + key));
  }

  @Test
  void a_bucket_given_without_its_region_is_previewed_in_its_real_region_with_a_stable_fingerprint() {
    var asked = new UnlockBucket(PROD_DATA, BucketName.of("data-lake-raw"), US_EAST_1);

    Preview first = org.tasks.preview(asked, observer);
    Preview second = org.tasks.preview(asked, observer);

    assertThat(first.task()).isEqualTo(new UnlockBucket(PROD_DATA, BucketName.of("data-lake-raw"), EU_WEST_1));
    assertThat(first.headline()).contains("in eu-west-1").doesNotContain("us-east-1");
    assertThat(first.snapshot().orElseThrow().finding().sections()).extracting(Finding.Section::title)
        .containsExactly("Region", "Current bucket policy");
    assertThat(first.fingerprint()).isPresent().isEqualTo(second.fingerprint());
    assertThat(first.accessKeyId()).isNotEqualTo(second.accessKeyId());
    assertThat(first.links().get(1).url().toString()).startsWith("https://eu-west-1.console.aws.amazon.com/");
  }

  @Test
  void an_unlock_preview_shows_the_policy_pretty_printed_and_its_statement_ids() {
    org.aws.buckets().setPolicy("222222222222", "payments-audit-logs", BindingTest.CORRECT_POLICY);

    Preview preview = org.tasks.preview(new UnlockBucket(PROD_PAYMENTS, AUDIT_LOGS, US_EAST_1), observer);

    assertThat(preview.headline()).isEqualTo("Will remove the bucket policy of payments-audit-logs in us-east-1"
        + " (2 statements: AllowAuditRole, DenyInsecure).");
    Finding.Section policy = preview.snapshot().orElseThrow().finding().sections().get(0);
    assertThat(policy.verbatim()).isTrue();
    assertThat(policy.text()).startsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\":"
        + " \"AllowAuditRole\"");
  }

  @Test
  void a_delete_preview_lists_every_credential_it_will_remove() {
    var seeded = org.aws.rootCredentials("333333333333");

    Preview preview = org.tasks.preview(new DeleteRootCredentials(PROD_DATA), observer);

    assertThat(preview.headline()).isEqualTo("Will delete the password, 1 access key, 1 signing certificate and 1 MFA"
        + " device of the root user of 333333333333. Deleted credentials cannot be put back.");
    assertThat(preview.snapshot().orElseThrow().finding().text()).contains("Password: yes (created 2024-01-15)",
        seeded.accessKeys().get(0), seeded.signingCertificates().get(0), seeded.mfaDevices().get(0));
    assertThat(org.aws.calls().withAccessKey(preview.accessKeyId().orElseThrow())).extracting(RecordedCall::action)
        .contains("iam:GetUser", "iam:GetAccessKeyLastUsed");
  }

  @Test
  void a_restore_preview_shows_the_policy_it_puts_back_and_what_is_there_now() {
    Preview preview = org.tasks.preview(new RestoreBucketPolicy(PROD_PAYMENTS, AUDIT_LOGS, US_EAST_1,
        new PolicyDocument(BindingTest.CORRECT_POLICY)), observer);

    assertThat(preview.headline()).isEqualTo("Will put back the saved bucket policy of payments-audit-logs in us-east-1"
        + " (2 statements: AllowAuditRole, DenyInsecure), replacing the current one (1 statement: DenyEveryone).");
    assertThat(preview.snapshot().orElseThrow().finding().sections()).extracting(Finding.Section::title,
        s -> s.text().contains("AllowAuditRole"), s -> s.text().contains("DenyEveryone"))
        .containsExactly(tuple("Policy to put back", true, false),
            tuple("There now", false, true));
  }

  static Stream<Arguments> nothingToDoOrMissing() {
    Consumer<Organization> asSeeded = org -> {};
    String saved = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyEveryone\",\"Effect\":\"Deny\","
        + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::payments-audit-logs\","
        + "\"arn:aws:s3:::payments-audit-logs/*\"]}]}";
    return Stream.of(
        Arguments.of("an unlock of a bucket without a policy", new UnlockBucket(PROD_PAYMENTS, AUDIT_LOGS, US_EAST_1),
            (Consumer<Organization>) org -> org.aws.buckets().removePolicy("222222222222", "payments-audit-logs"),
            Preview.Status.NOTHING_TO_DO, "There is no policy on bucket payments-audit-logs in us-east-1; there is nothing to unlock."),
        Arguments.of("an unlock of a bucket that does not exist",
            new UnlockBucket(PROD_PAYMENTS, BucketName.of("no-such-bucket"), US_EAST_1), asSeeded,
            Preview.Status.MISSING, "There is no bucket no-such-bucket in account 222222222222"),
        Arguments.of("an unlock of a queue without a policy", new UnlockQueue(PROD_PAYMENTS, EVENTS, US_EAST_1),
            (Consumer<Organization>) org -> org.aws.queues().removePolicy("222222222222", "payments-events"),
            Preview.Status.NOTHING_TO_DO, "There is no policy on queue payments-events in us-east-1"),
        Arguments.of("an unlock of a queue that does not exist",
            new UnlockQueue(PROD_PAYMENTS, QueueRef.parse("no-such-queue"), US_EAST_1), asSeeded,
            Preview.Status.MISSING, "There is no queue no-such-queue in account 222222222222 in us-east-1"),
        Arguments.of("a delete where the root user has no credentials", new DeleteRootCredentials(PROD_PAYMENTS),
            asSeeded, Preview.Status.NOTHING_TO_DO, "has no long-term credentials; there is nothing to delete"),
        Arguments.of("a password recovery where a password is set", new AllowPasswordRecovery(PROD_DATA), asSeeded,
            Preview.Status.NOTHING_TO_DO, "already has a password (set 2024-01-15); there is nothing to allow"),
        Arguments.of("a restore of the policy the bucket holds",
            new RestoreBucketPolicy(PROD_PAYMENTS, AUDIT_LOGS, US_EAST_1, new PolicyDocument(saved)), asSeeded,
            Preview.Status.NOTHING_TO_DO, "already holds the saved policy; there is nothing to restore"),
        Arguments.of("a restore on a bucket that does not exist",
            new RestoreBucketPolicy(PROD_PAYMENTS, BucketName.of("no-such-bucket"), US_EAST_1, EMPTY), asSeeded,
            Preview.Status.MISSING, "There is no bucket no-such-bucket"),
        Arguments.of("a restore of the policy the queue holds",
            new RestoreQueuePolicy(PROD_PAYMENTS, EVENTS, US_EAST_1, EMPTY),
            (Consumer<Organization>) org -> org.aws.queues().setPolicy("222222222222", "payments-events", EMPTY.json()),
            Preview.Status.NOTHING_TO_DO, "already holds the saved policy"),
        Arguments.of("a restore on a queue that does not exist",
            new RestoreQueuePolicy(PROD_PAYMENTS, QueueRef.parse("no-such-queue"), US_EAST_1, EMPTY), asSeeded,
            Preview.Status.MISSING, "There is no queue no-such-queue"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nothingToDoOrMissing")
  void nothing_to_do_and_missing_are_their_own_answers(String description, RootTask task, Consumer<Organization> setUp,
      Preview.Status expected, String words) {
    setUp.accept(org);

    Preview preview = org.tasks.preview(task, observer);

    assertThat(preview.status()).as(preview.headline()).isEqualTo(expected);
    assertThat(preview.headline()).contains(words);
    assertThat(preview.fingerprint()).isEmpty();
    assertThat(preview.failure()).isEqualTo(expected == Preview.Status.MISSING
        ? java.util.Optional.of(TaskFailure.Reason.NOT_FOUND) : java.util.Optional.empty());
    assertThat(org.aws.calls().withAccessKey(preview.accessKeyId().orElseThrow()))
        .allSatisfy(call -> assertThat(call.action()).matches("(s3|sqs|iam):(Get|List)\\w+"));
  }

  @Test
  void a_preview_an_scp_denies_fails_with_the_fix() {
    Preview preview = org.tasks.preview(new DeleteRootCredentials(DEV_PLAYGROUND), observer);

    assertThat(preview.status()).isEqualTo(Preview.Status.FAILED);
    assertThat(preview.failure()).contains(TaskFailure.Reason.SCP_DENIED);
    assertThat(preview.headline()).contains("DenyRootUser", "\"Null\": {\"aws:AssumedRoot\": \"true\"}");
  }

  @Test
  void a_task_that_changes_nothing_has_no_preview() {
    assertThatThrownBy(() -> org.tasks.preview(new AuditRootCredentials(PROD_DATA), observer))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audit-root-credentials changes nothing");
    assertThat(org.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
  }

  @Test
  void a_read_only_session_refuses_a_change_call_before_sending_it() {
    try (var session = new RootSessions(org.clients, Duration.ofMinutes(15))
        .openReadOnly(PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY)) {
      var s3 = session.s3(US_EAST_1);

      assertThatThrownBy(() -> s3.deleteBucketPolicy(r -> r.bucket("payments-audit-logs")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused s3:DeleteBucketPolicy before sending it");
      assertThat(s3.getBucketPolicy(r -> r.bucket("payments-audit-logs")).policy()).contains("DenyEveryone");
      assertThat(org.aws.calls().withAccessKey(session.accessKeyId())).extracting(RecordedCall::action)
          .containsExactly("s3:GetBucketPolicy");
      assertThat(session.changes().sent()).isEmpty();
    }
  }
}
