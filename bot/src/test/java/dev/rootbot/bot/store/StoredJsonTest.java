package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RequestId;
import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.bot.request.FleetTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RestoreBucketPolicy;
import dev.rootbot.actions.task.RestoreQueuePolicy;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskKind;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.task.UnlockQueue;
import dev.rootbot.bot.request.Work;
import dev.rootbot.bot.request.Outcome;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tasks, backups and outcomes survive the trip to a text column and back, field for field. */
class StoredJsonTest {
  private static final AccountId MEMBER = new AccountId("222222222222");
  private static final AwsRegion EU = AwsRegion.parse("eu-west-1");
  /** Odd spacing and key order on purpose: a restore must put back these exact bytes. */
  private static final PolicyDocument SAVED = new PolicyDocument(
      "{ \"Statement\" : [ {\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\"} ],\n \"Version\":\"2012-10-17\" }");

  static Stream<RootTask> everyKindOfTask() {
    return Stream.of(
        new UnlockBucket(MEMBER, BucketName.of("payments-audit-logs"), AwsRegion.US_EAST_1),
        new RestoreBucketPolicy(MEMBER, BucketName.of("payments-audit-logs"), EU, SAVED),
        new UnlockQueue(MEMBER, QueueRef.parse("payments-events"), EU),
        new UnlockQueue(MEMBER, QueueRef.parse("https://sqs.eu-west-1.amazonaws.com/222222222222/orders.fifo"), EU),
        new RestoreQueuePolicy(MEMBER, QueueRef.parse("http://localhost:4566/222222222222/payments-events"), EU, SAVED),
        new AuditRootCredentials(MEMBER),
        new DeleteRootCredentials(MEMBER),
        new AllowPasswordRecovery(MEMBER));
  }

  @ParameterizedTest
  @MethodSource("everyKindOfTask")
  void a_task_reads_back_equal(RootTask task) {
    String json = StoredJson.task(task);

    assertThat(StoredJson.task(json)).isEqualTo(Work.of(task));
    assertThat(json).contains("\"kind\":\"" + StoredJson.kind(task) + "\"");
  }

  @Test
  void every_kind_of_root_task_has_a_stored_form() {
    List<String> covered = everyKindOfTask().map(task -> task.getClass().getName()).distinct().toList();

    assertThat(covered).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(RootTask.class.getPermittedSubclasses()).map(Class::getName).toList());
    assertThat(everyKindOfTask().map(RootTask::kind).distinct()).containsExactlyInAnyOrder(TaskKind.values());
  }

  /** Rows written by Rootbot 0.1 (schema version 1), byte for byte: an upgraded store must read them. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"kind\":\"unlock_bucket\",\"target\":\"222222222222\",\"bucket\":\"payments-audit-logs\",\"region\":\"us-east-1\"}",
      "{\"kind\":\"unlock_queue\",\"target\":\"222222222222\",\"queue\":{\"name\":\"orders.fifo\",\"owner\":\"222222222222\",\"region\":\"eu-west-1\"},\"region\":\"eu-west-1\"}",
      "{\"kind\":\"unlock_queue\",\"target\":\"222222222222\",\"queue\":{\"name\":\"payments-events\"},\"region\":\"us-east-1\"}",
      "{\"kind\":\"restore_bucket_policy\",\"target\":\"222222222222\",\"bucket\":\"data-lake-raw\",\"region\":\"eu-west-1\",\"saved\":\"{\\\"Statement\\\":[]}\"}",
      "{\"kind\":\"restore_queue_policy\",\"target\":\"222222222222\",\"queue\":{\"name\":\"q\"},\"region\":\"eu-west-1\",\"saved\":\"{\\\"Statement\\\":[]}\"}",
      "{\"kind\":\"audit_root_credentials\",\"target\":\"333333333333\"}",
      "{\"kind\":\"delete_root_credentials\",\"target\":\"333333333333\"}",
      "{\"kind\":\"allow_password_recovery\",\"target\":\"444444444444\"}"})
  void a_task_stored_by_version_1_reads_and_is_written_back_the_same(String stored) {
    assertThat(StoredJson.task(StoredJson.task(stored))).isEqualTo(stored);
  }

  @Test
  void a_stored_task_missing_a_field_is_reported_with_its_kind() {
    assertThatThrownBy(() -> StoredJson.task("{\"kind\":\"unlock_bucket\",\"target\":\"222222222222\",\"region\":\"us-east-1\"}"))
        .isInstanceOf(StoreFailure.class).hasMessageContaining("unlock_bucket").hasMessageContaining("\"bucket\"");
  }

  @Test
  void every_task_over_the_organization_reads_back_equal_under_its_kinds_stored_name() {
    AccountId management = new AccountId("111111111111");
    for (Work work : List.<Work>of(new FleetTask.EnableRootAccess(management, false),
        new FleetTask.EnableRootAccess(management, true), new FleetTask.AuditFleet(management, FleetScope.all()),
        new FleetTask.AuditFleet(management, FleetScope.ou("Production \"EU\"")),
        new FleetTask.DeleteCredentialsFleet(management, FleetScope.ou("ou-ab12-cd34ef56"),
            RequestId.parse("r-abcdefghij")))) {
      String json = StoredJson.task(work);

      assertThat(StoredJson.task(json)).isEqualTo(work);
      assertThat(json).contains("\"kind\":\"" + ((FleetTask) work).kind().storedName() + "\"",
          "\"target\":\"111111111111\"");
    }
  }

  @Test
  void a_restore_keeps_the_exact_bytes_of_the_saved_policy() {
    RootTask restore = StoredJson.task(StoredJson.task(new RestoreBucketPolicy(MEMBER,
        BucketName.of("payments-audit-logs"), EU, SAVED))).rootTask().orElseThrow();

    assertThat(((RestoreBucketPolicy) restore).saved().json()).isEqualTo(SAVED.json());
  }

  @Test
  void a_backup_and_an_outcome_read_back_equal() {
    var backup = new Backup(Backup.Kind.QUEUE_POLICY, MEMBER,
        "https://sqs.eu-west-1.amazonaws.com/222222222222/payments-events", EU, SAVED);
    var outcome = new Outcome("Removed the queue policy.", List.of(
        new Outcome.Step("sqs:GetQueueAttributes", "read \"it\"\nall"), new Outcome.Step("sqs:SetQueueAttributes", "")));

    assertThat(StoredJson.backup(StoredJson.backup(backup))).isEqualTo(backup);
    assertThat(StoredJson.outcome(StoredJson.outcome(outcome))).isEqualTo(outcome);
    assertThat(StoredJson.outcome(StoredJson.outcome(Outcome.of("nothing to do")))).isEqualTo(Outcome.of("nothing to do"));
  }

  @Test
  void a_task_kind_from_a_newer_rootbot_is_reported_not_guessed() {
    assertThatThrownBy(() -> StoredJson.task("{\"kind\":\"reboot_account\",\"target\":\"222222222222\"}"))
        .isInstanceOf(StoreFailure.class).hasMessageContaining("unknown task kind \"reboot_account\"");
  }
}
