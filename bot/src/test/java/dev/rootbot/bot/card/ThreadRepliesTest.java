package dev.rootbot.bot.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.Step;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskReport;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.trail.TrailLinks;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadRepliesTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final AccountId ACCOUNT = new AccountId("222222222222");
  private static final UnlockBucket UNLOCK = new UnlockBucket(ACCOUNT, BucketName.of("payments-audit-logs"), AwsRegion.US_EAST_1);
  private static final RootRequest REQUEST = RootRequest.requested(RequestId.parse("r-abcdefghij"),
      new NewRequest(UNLOCK, "prod-payments", new UserId("U0ALICE00"), Origin.channel(new ChannelId("C0INCIDENT")),
          Optional.of(Reason.fromPlainText("INC-42 locked us out")), Duration.ofMinutes(30)), NOW);

  private static TaskResult unlocked(String policy) {
    var backup = new Backup(Backup.Kind.BUCKET_POLICY, ACCOUNT, "payments-audit-logs", AwsRegion.US_EAST_1,
        new PolicyDocument(policy));
    return new TaskResult(UNLOCK, TaskResult.Status.SUCCEEDED, Optional.empty(), "Removed the bucket policy.",
        Optional.of(new TaskReport("Removed the bucket policy.", policy, "no bucket policy", AwsRegion.US_EAST_1)),
        Optional.empty(), Optional.empty(), List.of(new Step(NOW, "s3:DeleteBucketPolicy", "deleted the bucket policy")),
        Optional.of(backup),
        Optional.of("ASIAEXAMPLEKEY000001"), List.of(TrailLinks.sessionCalls(ACCOUNT, AwsRegion.US_EAST_1, "ASIAEXAMPLEKEY000001")),
        NOW, NOW.plusMillis(420));
  }

  @Test
  void a_result_shows_steps_backup_links_and_offers_a_restore() {
    SlackMessage reply = ThreadReplies.result(REQUEST, unlocked("{\"Statement\":[{\"Effect\":\"Deny\"}]}"));

    assertThat(reply.blocks()).contains("Done: unlock bucket payments-audit-logs", "s3:DeleteBucketPolicy",
        "kept as the backup of request", "```{\\\"Statement\\\"", "AccessKeyId=ASIAEXAMPLEKEY000001",
        "aws cloudtrail lookup-events", "\"action_id\":\"restore\"", "\"value\":\"r-abcdefghij\"", "took 420 ms");
  }

  @Test
  void a_policy_too_long_for_one_message_is_cut_and_said_to_be_kept_whole() {
    String big = "{\"Statement\":[],\"Pad\":\"" + "x".repeat(6000) + "\"}";

    SlackMessage reply = ThreadReplies.result(REQUEST, unlocked(big));

    assertThat(reply.blocks()).contains("Cut here: it has " + big.length() + " characters", "kept in Rootbot's store");
    assertThat(reply.blocks().length()).isLessThan(12_000);
  }

  @Test
  void a_failure_offers_no_restore_and_escapes_what_aws_said() {
    var failed = new TaskResult(UNLOCK, TaskResult.Status.FAILED, Optional.of(TaskFailure.Reason.SCP_DENIED),
        "A service control policy denies it. AWS said: <!channel> <https://x.example|y>", Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
        Optional.of("ASIAEXAMPLEKEY000001"), List.of(), NOW, NOW);

    SlackMessage reply = ThreadReplies.result(REQUEST, failed);

    assertThat(reply.blocks()).contains("Failed: unlock bucket", "&lt;!channel&gt;").doesNotContain("\"restore\"", "<!channel>");
    assertThat(reply.text()).doesNotContain("<!channel>");
  }
}
