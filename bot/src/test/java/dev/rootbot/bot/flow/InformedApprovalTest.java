package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.slack.Ephemeral;
import dev.rootbot.sandbox.slack.Message;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The approver sees exactly what will change, nothing doomed reaches an approver, and only what was approved
 * runs: end to end over the sandbox, with assertions on AWS calls and Slack messages.
 */
class InformedApprovalTest {
  private static final String UNLOCK = "unlock bucket payments-audit-logs in account prod-payments because INC-42";
  /** A correct policy someone puts in place of the locking one after the request was filed. */
  private static final String FIXED = "{\"Version\":\"2012-10-17\",\"Statement\":["
      + "{\"Sid\":\"AllowAuditRole\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:role/audit\"},"
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::payments-audit-logs/*\"},"
      + "{\"Sid\":\"DenyInsecure\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
      + "\"Resource\":\"arn:aws:s3:::payments-audit-logs/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

  private Sandboxed sandbox = Sandboxed.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void the_unlock_card_shows_the_policy_with_its_statement_ids_and_its_fingerprint() {
    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(UNLOCK));

    assertThat(card.allText()).contains("What will change", "Will remove the bucket policy of payments-audit-logs",
        "DenyEveryone", "sha256", "Needs 1 of <!subteam^S0APPROVE>, <@U0BOB0000>");
    RootRequest filed = sandbox.awaitRequest(card, r -> r.briefing().snapshot().isPresent());
    assertThat(card.allText()).contains(filed.briefing().snapshot().orElseThrow().fingerprint().shortForm(),
        filed.briefing().previewKey().orElseThrow());
    assertThat(sandbox.aws.calls().withAccessKey(filed.briefing().previewKey().orElseThrow()))
        .extracting(c -> c.action()).containsOnly("s3:GetBucketPolicy"); // the preview only reads
    assertThat(sandbox.bot.store().audit().of(filed.id())).extracting(e -> e.event()).containsExactly("request", "preview");
  }

  @Test
  void a_policy_replaced_after_the_request_and_before_the_approval_is_not_deleted_and_the_thread_shows_both() {
    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(UNLOCK));
    sandbox.awaitRequest(card, r -> r.card().isPresent());
    sandbox.aws.buckets().setPolicy("222222222222", "payments-audit-logs", FIXED);

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    Message result = sandbox.awaitReply(card, m -> m.allText().contains("Changed since approval"));
    assertThat(result.allText()).contains("Approved", "DenyEveryone", "There now", "AllowAuditRole", "DenyInsecure");
    assertThat(result.actionIds()).contains("file_again");
    assertThat(sandbox.aws.calls().withAction("s3:DeleteBucketPolicy")).isEmpty();
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).hasValueSatisfying(
        policy -> assertThat(policy).contains("AllowAuditRole"));
    assertThat(sandbox.awaitRequest(card, r -> r.state().isFinal()).state()).isEqualTo(State.FAILED);
  }

  @Test
  void a_request_an_scp_would_refuse_is_answered_with_the_scp_and_its_fix_before_any_card_or_root_session() {
    ask("unlock bucket sandbox-bucket in account 444444444444 because INC-9");

    Ephemeral answer = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("service control policy"),
        Sandboxed.WAIT);
    assertThat(answer.allText()).contains("DenyRootUser", "OU Sandbox", "aws:AssumedRoot");
    assertThat(sandbox.slack.messages(INCIDENT_42)).noneMatch(m -> m.fromBot() && m.actionIds().contains("approve"));
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
  }

  @Test
  void a_missing_bucket_or_queue_is_answered_at_once_with_no_card() {
    ask("unlock bucket no-such-bucket in account prod-payments because INC-9");
    sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("no-such-bucket"), Sandboxed.WAIT);
    ask("unlock queue no-such-queue in account prod-payments because INC-9");
    Ephemeral queue = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("no-such-queue"), Sandboxed.WAIT);

    assertThat(queue.allText()).contains("Nothing was filed");
    assertThat(sandbox.slack.messages(INCIDENT_42)).noneMatch(m -> m.fromBot() && m.actionIds().contains("approve"));
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
  }

  @Test
  void a_delete_card_lists_the_exact_credentials_it_will_remove() {
    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(
        "delete root credentials in account prod-data because SEC-12 the root key leaked"));

    assertThat(card.allText()).contains("AKIA3333ROOTKEYEXMPL", "EXAMPLE3333ROOTSIGNINGCERT000001",
        "arn:aws:iam::333333333333:mfa/root-account-mfa-device", "Password");
  }

  @Test
  void a_bucket_asked_without_its_region_shows_the_region_it_is_really_in() {
    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(
        "unlock bucket data-lake-raw in account prod-data because INC-7"));

    assertThat(card.allText()).contains("eu-west-1");
    RootRequest filed = sandbox.awaitRequest(card, r -> true);
    assertThat(filed.rootTask().orElseThrow().eventsRegion().code()).isEqualTo("eu-west-1");
  }

  @Test
  void nothing_to_do_is_answered_at_once_with_no_card() {
    sandbox.aws.buckets().removePolicy("222222222222", "payments-audit-logs");

    ask(UNLOCK);

    Ephemeral answer = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("Nothing to do"), Sandboxed.WAIT);
    assertThat(answer.allText()).contains("no policy");
    assertThat(sandbox.slack.messages(INCIDENT_42)).noneMatch(m -> m.fromBot() && m.actionIds().contains("approve"));
    assertThat(sandbox.bot.store().audit().latest(5)).anySatisfy(e -> assertThat(e.event()).isEqualTo("preview"));
  }

  @Test
  void a_restore_filed_twice_is_refused_the_second_time() {
    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(UNLOCK));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    Message result = sandbox.awaitReply(card, m -> m.allText().contains("Done: ") && m.actionIds().contains("restore"));

    Message restore = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).click(INCIDENT_42, result.ts(), "restore"));
    assertThat(restore.allText()).contains("Policy to put back", "DenyEveryone");
    sandbox.slack.as(ALICE).click(INCIDENT_42, result.ts(), "restore");

    Ephemeral refused = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("already being put back"),
        Sandboxed.WAIT);
    assertThat(refused.allText()).contains(sandbox.awaitRequest(restore, r -> true).id().value());
    assertThat(sandbox.bot.store().requests().open()).hasSize(1);
  }

  @Test
  void with_previews_turned_off_the_card_says_so_and_no_root_session_opens_before_the_approval() {
    sandbox.close();
    sandbox = Sandboxed.start(Seed.demo(), Map.of("ROOTBOT_PREVIEW", "off"), Clock.systemUTC());

    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(UNLOCK));

    assertThat(card.allText()).contains("Not previewed");
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
  }

  private void ask(String words) {
    sandbox.slack.as(ALICE).slashCommand("/root", words, INCIDENT_42);
  }
}
