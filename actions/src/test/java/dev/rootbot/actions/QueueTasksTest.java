package dev.rootbot.actions;

import static dev.rootbot.actions.Organization.EU_WEST_1;
import static dev.rootbot.actions.Organization.PROD_PAYMENTS;
import static dev.rootbot.actions.Organization.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RestoreQueuePolicy;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.UnlockQueue;
import dev.rootbot.sandbox.aws.RecordedCall;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueueTasksTest {
  private final Organization org = Organization.demo();
  private final RecordingObserver observer = new RecordingObserver(org.aws);

  @AfterEach
  void close() {
    org.close();
  }

  @Test
  void unlock_removes_the_queue_policy_and_keeps_it_as_the_backup() {
    String lockedOut = org.aws.queues().policy("222222222222", "payments-events").orElseThrow();

    TaskResult result = org.tasks.run(new UnlockQueue(PROD_PAYMENTS, QueueRef.parse("payments-events"), US_EAST_1), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(result.backup().orElseThrow().policy().json()).isEqualTo(lockedOut);
    assertThat(org.aws.queues().policy("222222222222", "payments-events")).isEmpty();
    var calls = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow());
    assertThat(calls).extracting(RecordedCall::action).containsExactly(
        "sqs:GetQueueUrl", "sqs:GetQueueAttributes", "sqs:SetQueueAttributes", "sqs:GetQueueAttributes");
    assertThat(calls.get(0).parameters()).containsEntry("QueueOwnerAWSAccountId", "222222222222");
    assertThat(observer.callsBeforeBackup).isEqualTo(2);
    assertThat(result.headline()).contains("up to 60 seconds");
  }

  @Test
  void a_queue_given_by_url_is_found_in_its_own_region() {
    String url = org.aws.queues().url("222222222222", "payments-events");
    TaskResult result = org.tasks.run(new UnlockQueue(PROD_PAYMENTS, QueueRef.parse(url), US_EAST_1), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(org.aws.queues().policy("222222222222", "payments-events")).isEmpty();
  }

  @Test
  void a_queue_asked_for_in_the_wrong_region_is_not_found_and_nothing_changes() {
    TaskResult result = org.tasks.run(new UnlockQueue(PROD_PAYMENTS, QueueRef.parse("payments-events"), EU_WEST_1), Optional.empty(), observer);

    assertThat(result.failure()).contains(TaskFailure.Reason.NOT_FOUND);
    assertThat(result.headline()).contains("no queue payments-events in account 222222222222 in eu-west-1");
    assertThat(org.aws.queues().policy("222222222222", "payments-events")).isPresent();
  }

  @Test
  void restore_sets_the_saved_policy_back() {
    String saved = org.aws.queues().policy("222222222222", "payments-events").orElseThrow();
    org.aws.queues().removePolicy("222222222222", "payments-events");

    TaskResult result = org.tasks.run(new RestoreQueuePolicy(PROD_PAYMENTS, QueueRef.parse("payments-events"), US_EAST_1,
        new PolicyDocument(saved)), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(org.aws.queues().policy("222222222222", "payments-events")).contains(saved);
    assertThat(result.backup()).as("there was nothing to keep").isEmpty();
  }
}
