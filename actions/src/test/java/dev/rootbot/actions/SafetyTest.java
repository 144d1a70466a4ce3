package dev.rootbot.actions;

import static dev.rootbot.actions.Organization.DEV_PLAYGROUND;
import static dev.rootbot.actions.Organization.MANAGEMENT;
import static dev.rootbot.actions.Organization.PROD_DATA;
import static dev.rootbot.actions.Organization.PROD_PAYMENTS;
import static dev.rootbot.actions.Organization.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RestoreBucketPolicy;
import dev.rootbot.actions.task.RestoreQueuePolicy;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.task.UnlockQueue;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules that make a root task safe, each tried against the simulated organization. */
class SafetyTest {
  private static final PolicyDocument ALLOW_READ = new PolicyDocument(
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
  private Organization org = Organization.demo();

  @AfterEach
  void close() {
    org.close();
  }

  static Stream<RootTask> everyTaskIn(AccountId account) {
    return Stream.of(
        new UnlockBucket(account, BucketName.of("payments-audit-logs"), US_EAST_1),
        new RestoreBucketPolicy(account, BucketName.of("payments-audit-logs"), US_EAST_1, ALLOW_READ),
        new UnlockQueue(account, QueueRef.parse("payments-events"), US_EAST_1),
        new RestoreQueuePolicy(account, QueueRef.parse("payments-events"), US_EAST_1,
            new PolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[]}")),
        new AuditRootCredentials(account),
        new DeleteRootCredentials(account),
        new AllowPasswordRecovery(account));
  }

  static Stream<RootTask> everyTaskInProd() {
    return Stream.concat(everyTaskIn(PROD_PAYMENTS), Stream.of(new DeleteRootCredentials(PROD_DATA),
        new AuditRootCredentials(PROD_DATA)));
  }

  static Stream<RootTask> everyTaskInDevPlayground() {
    return everyTaskIn(DEV_PLAYGROUND);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyTaskInProd")
  void no_task_calls_anything_its_task_policy_does_not_allow_or_names_a_user(RootTask task) {
    TaskResult result = org.tasks.run(task, Optional.empty(), new RecordingObserver(org.aws));

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    List<RecordedCall> calls = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow());
    assertThat(calls).isNotEmpty().allSatisfy(call -> {
      assertThat(task.policy().allows(call.action())).as(call.action() + " under " + task.policy()).isTrue();
      assertThat(call.errorCode()).as(call.action()).isNotEqualTo(Optional.of("AccessDenied"));
      assertThat(call.parameters()).as(call.action()).doesNotContainKeys("UserName", "Password");
      assertThat(call.account()).isEqualTo(task.target().value());
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyTaskInDevPlayground")
  void an_scp_without_the_assumed_root_exemption_fails_every_task_with_the_fix(RootTask task) {
    TaskResult result = org.tasks.run(task, Optional.empty(), new RecordingObserver(org.aws));

    assertThat(result.failure()).as(result.headline()).contains(TaskFailure.Reason.SCP_DENIED);
    assertThat(result.headline()).contains("DenyRootUser", "OU Sandbox", "\"Null\": {\"aws:AssumedRoot\": \"true\"}");
    assertThat(result.accessKeyId()).as("the session was issued; the SCP denied its first call").isPresent();
  }

  @Test
  void the_management_account_and_unknown_accounts_are_refused_before_any_assume_root() {
    TaskResult management = org.tasks.run(new AuditRootCredentials(MANAGEMENT), Optional.empty(), new RecordingObserver(org.aws));
    TaskResult unknown = org.tasks.run(new AuditRootCredentials(new AccountId("999999999999")), Optional.empty(), new RecordingObserver(org.aws));

    assertThat(management.failure()).contains(TaskFailure.Reason.MANAGEMENT_ACCOUNT);
    assertThat(management.headline()).contains("management account");
    assertThat(unknown.failure()).contains(TaskFailure.Reason.UNKNOWN_ACCOUNT);
    assertThat(org.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
  }

  @Test
  void a_suspended_account_is_refused_before_any_assume_root() {
    org.close();
    org = new Organization(Seed.demo().withAccountStatus("222222222222", "SUSPENDED"));

    TaskResult result = org.tasks.run(new AuditRootCredentials(PROD_PAYMENTS), Optional.empty(), new RecordingObserver(org.aws));

    assertThat(result.failure()).contains(TaskFailure.Reason.ACCOUNT_NOT_ACTIVE);
    assertThat(org.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
  }

  @Test
  void without_root_sessions_enabled_the_task_names_the_command_that_enables_them() {
    org.aws.features().disable("RootSessions");

    TaskResult result = org.tasks.run(new AuditRootCredentials(PROD_PAYMENTS), Optional.empty(), new RecordingObserver(org.aws));

    assertThat(result.failure()).contains(TaskFailure.Reason.NOT_ENABLED);
    assertThat(result.headline()).contains("aws iam enable-organizations-root-sessions");
    assertThat(org.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
  }

  @Test
  void the_features_are_read_once_a_minute_and_one_turned_on_is_seen_at_once() {
    org.aws.features().disable("RootSessions");
    TaskResult refused = org.tasks.run(new AuditRootCredentials(PROD_PAYMENTS), Optional.empty(),
        new RecordingObserver(org.aws));
    assertThat(refused.failure()).contains(TaskFailure.Reason.NOT_ENABLED);

    org.aws.features().enable("RootSessions");
    for (int i = 0; i < 3; i++) {
      TaskResult result = org.tasks.run(new AuditRootCredentials(PROD_PAYMENTS), Optional.empty(),
          new RecordingObserver(org.aws));
      assertThat(result.status()).isEqualTo(TaskResult.Status.SUCCEEDED);
    }

    // the refusal read twice (the second to be sure), the first run after it read again and saw the feature on,
    // and the two runs after that used that read
    assertThat(org.aws.calls().withAction("iam:ListOrganizationsFeatures")).hasSize(3);
    assertThat(org.aws.calls().withAction("sts:AssumeRoot")).hasSize(3);
  }

  @Test
  void deleting_credentials_needs_root_credentials_management_too() {
    org.aws.features().disable("RootCredentialsManagement");

    TaskResult result = org.tasks.run(new DeleteRootCredentials(PROD_DATA), Optional.empty(), new RecordingObserver(org.aws));

    assertThat(result.failure()).contains(TaskFailure.Reason.NOT_ENABLED);
    assertThat(result.headline()).contains("aws iam enable-organizations-root-credentials-management");
    assertThat(org.aws.rootCredentials("333333333333").hasPassword()).isTrue();
  }

  @Test
  void a_session_that_expires_mid_task_stops_and_says_so() {
    var observer = new RecordingObserver(org.aws);
    observer.afterEachStep = () -> org.aws.clock().advance(Duration.ofMinutes(16));

    TaskResult result = org.tasks.run(new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.failure()).contains(TaskFailure.Reason.SESSION_EXPIRED);
    assertThat(result.headline()).contains("expired").as("AWS refused the delete outright").endsWith("Nothing was changed.");
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).isPresent();
    assertThat(org.aws.calls().withAction("s3:DeleteBucketPolicy")).extracting(RecordedCall::errorCode)
        .containsExactly(Optional.of("ExpiredToken"));
  }

  @Test
  void a_root_session_prints_only_its_account_policy_and_key_id() {
    try (var session = new dev.rootbot.actions.session.RootSessions(org.clients, Duration.ofMinutes(15))
        .open(PROD_PAYMENTS, dev.rootbot.actions.task.TaskPolicy.S3_UNLOCK_BUCKET_POLICY)) {
      assertThat(session.toString()).isEqualTo("RootSession[222222222222, S3UnlockBucketPolicy, " + session.accessKeyId() + "]");
    }
  }

  @Test
  void session_credentials_never_appear_in_a_result() {
    TaskResult result = org.tasks.run(new AuditRootCredentials(PROD_DATA), Optional.empty(), new RecordingObserver(org.aws));

    String printed = result.toString();
    var issued = org.aws.session(result.accessKeyId().orElseThrow()).orElseThrow();
    assertThat(printed).contains(result.accessKeyId().orElseThrow());
    assertThat(printed).doesNotContain("SessionToken", "secretAccessKey", issued.secretAccessKey(), issued.token());
    assertThat(org.aws.trail().events()).filteredOn(e -> e.eventName().equals("AssumeRoot")).singleElement()
        .satisfies(event -> assertThat(event.json()).contains(issued.accessKeyId()));
  }
}
