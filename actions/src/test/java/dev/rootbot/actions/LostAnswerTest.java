package dev.rootbot.actions;

import static dev.rootbot.actions.Organization.PROD_DATA;
import static dev.rootbot.actions.Organization.PROD_PAYMENTS;
import static dev.rootbot.actions.Organization.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.aws.RecordedCall;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When AWS performs a change but its answer is lost (issue 12, item 3), the outcome is what a re-read in the same
 * root session shows, never "nothing was done" after a change was sent. The answers are lost after the simulated
 * AWS acted, and the SDK's own retries run, as they do for a read timeout.
 */
class LostAnswerTest {
  private static final UnlockBucket UNLOCK = new UnlockBucket(PROD_PAYMENTS, BucketName.of("payments-audit-logs"), US_EAST_1);

  private final LostAnswers answers = new LostAnswers();
  private final Organization org = Organization.demo(answers);
  private final RecordingObserver observer = new RecordingObserver(org.aws);

  @AfterEach
  void close() {
    org.close();
  }

  @Test
  void a_lost_answer_the_sdk_retries_successfully_is_an_ordinary_success() {
    answers.lose("DeleteBucketPolicy", 1);

    TaskResult result = org.tasks.run(UNLOCK, Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
    assertThat(result.headline()).doesNotContain("lost");
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow())).extracting(RecordedCall::action)
        .containsExactly("s3:GetBucketPolicy", "s3:DeleteBucketPolicy", "s3:DeleteBucketPolicy", "s3:GetBucketPolicy");
  }

  @Test
  void a_change_whose_every_answer_was_lost_but_took_effect_succeeds_with_a_note() {
    answers.loseEvery("DeleteBucketPolicy");

    TaskResult result = org.tasks.run(UNLOCK, Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
    assertThat(result.headline()).contains("Removed the bucket policy of payments-audit-logs",
        "The answer to s3:DeleteBucketPolicy was lost (Unable to execute HTTP request: Read timed out",
        "a re-read in the same root session shows the change took effect");
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
    assertThat(result.backup()).isPresent();
    var calls = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow());
    assertThat(calls.withAction("s3:DeleteBucketPolicy")).as("the SDK retried each lost answer")
        .hasSize(4).extracting(RecordedCall::httpStatus).containsOnly(204);
    assertThat(calls).extracting(RecordedCall::action).last().isEqualTo("s3:GetBucketPolicy");
    assertThat(answers.lost()).isEqualTo(4);
  }

  @Test
  void a_check_that_fails_after_an_accepted_change_is_read_again_and_succeeds() {
    observer.afterEachStep = () -> {
      if (observer.steps.get(observer.steps.size() - 1).action().equals("s3:DeleteBucketPolicy")) {
        answers.lose("GetBucketPolicy", 4);
      }
    };

    TaskResult result = org.tasks.run(UNLOCK, Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
    assertThat(result.headline()).contains("Reading the result failed once",
        "a re-read in the same root session shows the change took effect");
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow()).withAction("s3:DeleteBucketPolicy"))
        .hasSize(1);
  }

  @Test
  void a_change_aws_did_not_apply_fails_truthfully_after_the_re_read() {
    org.aws.faults().inject("s3:DeleteBucketPolicy", Fault.serverError(500));

    TaskResult result = org.tasks.run(UNLOCK, Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.FAILED);
    assertThat(result.failure()).contains(TaskFailure.Reason.AWS_ERROR);
    assertThat(result.headline()).contains("Rootbot sent s3:DeleteBucketPolicy but got no clear answer (InternalError (HTTP 500)",
        "A re-read in the same root session shows AWS did not apply it", "still has a policy (1 statement: DenyEveryone)",
        "Nothing was changed.");
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).isPresent();
    var calls = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow());
    assertThat(calls.withAction("s3:DeleteBucketPolicy")).hasSize(4).extracting(RecordedCall::httpStatus).containsOnly(500);
    assertThat(calls.withAction("s3:GetBucketPolicy")).as("the first read and the re-read").hasSize(2);
  }

  @Test
  void when_the_re_read_fails_too_the_outcome_is_unknown_with_the_sessions_cloudtrail_link() {
    answers.loseEvery("DeleteBucketPolicy")
        .onEachLoss(() -> org.aws.faults().inject("s3:GetBucketPolicy", Fault.serverError(500)));

    TaskResult result = org.tasks.run(UNLOCK, Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.UNKNOWN);
    assertThat(result.failure()).contains(TaskFailure.Reason.ANSWER_LOST);
    assertThat(result.headline()).contains("Rootbot sent s3:DeleteBucketPolicy", "Reading it back failed too",
        "whether AWS made the change is unknown", "arn:aws:s3:::payments-audit-logs").doesNotContain("othing was");
    String key = result.accessKeyId().orElseThrow();
    assertThat(result.links()).extracting(l -> l.url().toString())
        .contains("https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events?AccessKeyId=" + key);
  }

  @Test
  void when_the_session_expires_before_the_re_read_the_outcome_is_unknown() {
    answers.loseEvery("DeleteBucketPolicy").onEachLoss(() -> org.aws.clock().advance(Duration.ofMinutes(16)));

    TaskResult result = org.tasks.run(UNLOCK, Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.UNKNOWN);
    assertThat(result.headline()).contains("The root session expired", "whether AWS made the change is unknown");
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).as("the first attempt did it").isEmpty();
  }

  @Test
  void a_failure_before_any_change_call_still_says_nothing_was_changed() {
    answers.loseEvery("GetBucketPolicy");

    TaskResult result = org.tasks.run(UNLOCK, Optional.empty(), observer);

    assertThat(result.status()).isEqualTo(TaskResult.Status.FAILED);
    assertThat(result.headline()).startsWith("Could not reach AWS (").endsWith("Nothing was changed.");
    assertThat(org.aws.calls().withAction("s3:DeleteBucketPolicy")).isEmpty();
    assertThat(org.aws.buckets().policy("222222222222", "payments-audit-logs")).isPresent();
  }

  @Test
  void lost_answers_while_deleting_credentials_are_judged_by_the_re_read() {
    answers.loseEvery("DeleteAccessKey");

    TaskResult result = org.tasks.run(new DeleteRootCredentials(PROD_DATA), Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
    assertThat(result.headline()).contains("access key AKIA3333ROOTKEYEXMPL", "a re-read shows those credentials are gone");
    assertThat(org.aws.rootCredentials("333333333333").none()).isTrue();
    assertThat(org.aws.calls().withAction("iam:DeleteAccessKey")).hasSize(4);
  }

  @Test
  void a_password_recovery_whose_first_answer_was_lost_succeeds_on_the_retry() {
    answers.lose("CreateLoginProfile", 1);

    TaskResult result = org.tasks.run(new AllowPasswordRecovery(PROD_PAYMENTS), Optional.empty(), observer);

    assertThat(result.status()).as(result.headline()).isEqualTo(TaskResult.Status.SUCCEEDED);
    assertThat(result.steps()).extracting(Step::detail).contains("a login profile exists now (an earlier attempt's"
        + " answer was lost)");
    assertThat(org.aws.calls().withAction("iam:CreateLoginProfile")).extracting(RecordedCall::httpStatus)
        .containsExactly(200, 409);
  }
}
