package dev.rootbot.bot.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.task.Finding;
import dev.rootbot.actions.task.Fingerprint;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.bot.request.Briefing;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final UserId ALICE = new UserId("U0ALICE00");
  private static final UserId BOB = new UserId("U0BOB0000");
  private final Card card = new Card(Duration.ofMinutes(15));

  private static RootRequest request(String accountName, Reason reason) {
    var task = new UnlockBucket(new AccountId("222222222222"), BucketName.of("payments-audit-logs"), AwsRegion.US_EAST_1);
    return RootRequest.requested(RequestId.parse("r-abcdefghij"),
        new NewRequest(task, accountName, ALICE, Origin.channel(new ChannelId("C0INCIDENT")), Optional.of(reason),
            Duration.ofMinutes(30)), NOW);
  }

  @Test
  void a_waiting_card_shows_what_an_approver_needs_and_the_three_buttons() {
    SlackMessage rendered = card.render(request("prod-payments", Reason.fromPlainText("INC-42 locked us out")));

    assertThat(rendered.blocks()).contains("<@U0ALICE00>", "unlock bucket payments-audit-logs", "S3UnlockBucketPolicy",
        "prod-payments", "222222222222", "arn:aws:s3:::payments-audit-logs", "us-east-1", "INC-42 locked us out",
        "at most 15 min", "this task only", "<!date^" + NOW.plus(Duration.ofMinutes(30)).getEpochSecond(),
        "Not previewed")
        .as("the task policy in one short line, not its list of actions").doesNotContain("s3:DeleteBucketPolicy");
    var actions = JsonParser.parseString(rendered.blocks()).getAsJsonArray().asList().stream()
        .filter(b -> b.getAsJsonObject().get("type").getAsString().equals("actions")).findFirst().orElseThrow()
        .getAsJsonObject().getAsJsonArray("elements");
    assertThat(actions.asList()).extracting(e -> e.getAsJsonObject().get("action_id").getAsString())
        .containsExactly(Card.APPROVE, Card.DENY, Card.CANCEL);
    assertThat(actions.get(0).getAsJsonObject().has("confirm")).isTrue();
    assertThat(actions.asList()).allSatisfy(e -> assertThat(e.getAsJsonObject().get("value").getAsString())
        .isEqualTo("r-abcdefghij"));
  }

  @Test
  void a_previewed_card_shows_what_will_change_its_fingerprint_and_names_the_approvers() {
    var approving = Approving.by(dev.rootbot.bot.policy.Policies.fixed(dev.rootbot.bot.policy.Policy.fromApprovers(
        dev.rootbot.bot.approval.Approvers.parse("U0BOB0000,S0APPROVE"))));
    String policy = "{\n  \"Statement\": [\n    {\"Sid\": \"DenyEveryone\", \"Effect\": \"Deny\"}\n  ]\n}";
    var snapshot = new Snapshot(new Finding("Will remove the bucket policy of payments-audit-logs in eu-west-1"
        + " (1 statement: DenyEveryone).", List.of(new Finding.Section("Current bucket policy", policy, true))),
        Fingerprint.ofLines("unlock-bucket", "payments-audit-logs", "DenyEveryone"));
    RootRequest request = withBriefing(new Briefing(Optional.of(snapshot), Optional.of("ASIAPREVIEWKEY000001"),
        List.of("The SCP RegionLock (p-1) depends on aws:SourceIp, which is not known before the call")));

    SlackMessage rendered = new Card(Duration.ofMinutes(15), approving).render(request);

    assertThat(rendered.blocks()).contains("What will change", "DenyEveryone", "Current bucket policy",
        "sha256 `" + snapshot.fingerprint().shortForm() + "`", "ASIAPREVIEWKEY000001", "aws:SourceIp",
        "Needs 1 of <!subteam^S0APPROVE>, <@U0BOB0000>").doesNotContain("Not previewed");
    String confirm = JsonParser.parseString(rendered.blocks()).getAsJsonArray().asList().stream()
        .filter(b -> b.getAsJsonObject().get("type").getAsString().equals("actions")).findFirst().orElseThrow()
        .getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject().getAsJsonObject("confirm")
        .getAsJsonObject("text").get("text").getAsString();
    assertThat(confirm).contains("Will remove the bucket policy of payments-audit-logs", "1 statement",
        snapshot.fingerprint().shortForm(), "prod-payments");
  }

  @Test
  void a_long_policy_is_cut_on_the_card_and_whole_in_the_thread() {
    String policy = "{\"Statement\": [" + "{\"Sid\": \"S\", \"Effect\": \"Deny\"},".repeat(200) + "]}";
    var snapshot = new Snapshot(new Finding("Will remove it.", List.of(new Finding.Section("Current bucket policy",
        policy, true))), Fingerprint.ofLines("a long policy"));
    RootRequest request = withBriefing(new Briefing(Optional.of(snapshot), Optional.empty(), List.of()));

    assertThat(card.render(request).blocks()).contains("Cut here").hasSizeLessThan(policy.length());
    SlackMessage full = ThreadReplies.fullPreview(request).orElseThrow();
    assertThat(JsonParser.parseString(full.blocks()).getAsJsonArray().asList().stream()
        .map(b -> b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
        .filter(t -> t.startsWith("```")).map(t -> t.substring(3, t.length() - 3)).reduce("", String::concat))
        .isEqualTo(Mrkdwn.escape(policy));
    assertThat(ThreadReplies.fullPreview(request("prod-payments", Reason.fromPlainText("INC-42 x")))).isEmpty();
  }

  @Test
  void a_denial_shows_who_denied_and_why() {
    RootRequest denied = request("prod-payments", Reason.fromPlainText("INC-42 locked us out"))
        .after(Transition.deny(BOB, Outcome.of("not during the release freeze")), NOW);

    assertThat(card.render(denied).blocks()).contains("Denied", "<@U0BOB0000>: not during the release freeze");
    assertThat(ThreadReplies.ended(denied).blocks()).contains("denied this request: not during the release freeze");
  }

  private static RootRequest withBriefing(Briefing briefing) {
    var task = new UnlockBucket(new AccountId("222222222222"), BucketName.of("payments-audit-logs"),
        AwsRegion.parse("eu-west-1"));
    return RootRequest.requested(RequestId.parse("r-abcdefghij"), new NewRequest(task, "prod-payments", ALICE,
        Origin.channel(new ChannelId("C0INCIDENT")), Optional.of(Reason.fromPlainText("INC-42 locked us out")),
        Duration.ofMinutes(30), briefing, Optional.empty(),
        Optional.of(dev.rootbot.bot.policy.Policy.APPROVERS_RULE), Optional.empty()), NOW);
  }

  @Test
  void text_from_people_and_aws_can_neither_ping_nor_plant_links() {
    RootRequest request = request("evil <!channel> & <https://evil.example|co>",
        Reason.fromSlack("please <!here> see <https://evil.example|the runbook> &lt;script&gt;"));
    RootRequest failed = request.after(Transition.approve(BOB), NOW).after(Transition.start(), NOW)
        .after(Transition.fail(Outcome.of("AWS said <!everyone> <https://phish.example|reset>")), NOW);

    for (SlackMessage rendered : new SlackMessage[] {card.render(request), card.render(failed)}) {
      String all = rendered.text() + rendered.blocks();
      assertThat(all).doesNotContain("<!channel>", "<!here>", "<!everyone>", "|co>", "|the runbook>", "|reset>",
          "<script>");
      assertThat(all).contains("evil &lt;!channel&gt; &amp;");
    }
    assertThat(card.render(failed).blocks()).contains("AWS said &lt;!everyone&gt;");
  }

  @Test
  void each_end_state_replaces_the_buttons_with_what_happened() {
    RootRequest waiting = request("prod-payments", Reason.fromPlainText("INC-42 locked us out"));
    assertThat(card.render(waiting.after(Transition.deny(BOB, dev.rootbot.bot.request.Outcome.of("not during the freeze")), NOW)).blocks()).contains("Denied", "<@U0BOB0000>")
        .doesNotContain(Card.APPROVE);
    assertThat(card.render(waiting.after(Transition.cancel(ALICE), NOW)).blocks()).contains("Cancelled");
    assertThat(card.render(waiting.after(Transition.expire(), NOW)).blocks()).contains("Expired");
    RootRequest running = waiting.after(Transition.approve(BOB), NOW).after(Transition.start(), NOW);
    assertThat(card.render(running).blocks()).contains("Running");
    assertThat(card.render(running.after(Transition.interrupt(Outcome.of("stopped")), NOW)).blocks())
        .contains("Outcome unknown", "will not be re-run");
    assertThat(card.render(running.after(Transition.succeed(Outcome.of("Removed it.")), NOW)).blocks())
        .contains("Done", "Removed it.");
  }

  @Test
  void deleting_credentials_warns_that_they_cannot_be_restored() {
    var task = new DeleteRootCredentials(new AccountId("333333333333"));
    RootRequest request = RootRequest.requested(RequestId.parse("r-abcdefghij"), new NewRequest(task, "prod-data", ALICE,
        Origin.channel(new ChannelId("C0INCIDENT")), Optional.of(Reason.fromPlainText("SEC-12 key leaked")),
        Duration.ofMinutes(30)), NOW);

    assertThat(card.render(request).blocks()).contains("cannot be restored", "IAMDeleteRootUserCredentials");
  }
}
