package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.MutableClock;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.store.AuditEntry;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.Person;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The approval policy over the real wire, with a policy file: a quorum of two, refusals that name the rule, a
 * rule that needs no approval, break-glass with its review, and an approver removed from the approving group.
 */
class ApprovalPolicyTest {
  /** bob by ID and carol through the sandbox's user group approve; only alice may ask to delete credentials. */
  static final String POLICY = String.join("\n",
      "version: 1",
      "groups:",
      "  approvers: [U0BOB0000, " + SlackWorkspace.APPROVERS + "]",
      "rules:",
      "  - name: production credential changes need two",
      "    tasks: [delete-root-credentials, allow-password-recovery]",
      "    accounts: [\"ou:Production\"]",
      "    requesters: [U0ALICE00]",
      "    approvers: [approvers]",
      "    quorum: 2",
      "    reason: \"^(INC|SEC)-[0-9]+\"",
      "    channels: [" + INCIDENT_42 + "]",
      "  - name: unlocks",
      "    tasks: [unlock-bucket, unlock-queue, restore-bucket-policy, restore-queue-policy]",
      "    accounts: [\"*\"]",
      "    requesters: [\"*\"]",
      "    approvers: [approvers]",
      "    quorum: 1",
      "    break_glass:",
      "      who: [U0BOB0000]",
      "      review_within_hours: 4",
      "      announce: [" + PLATFORM + "]",
      "  - name: audits run without approval",
      "    tasks: [audit-root-credentials]",
      "    accounts: [\"*\"]",
      "    requesters: [\"*\"]",
      "    quorum: 0",
      "");
  private static final String DELETE =
      "delete root credentials in account prod-data because SEC-12 the root access key leaked";
  private static final String UNLOCK =
      "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out";

  @TempDir
  Path folder;
  private final MutableClock clock = new MutableClock();
  private Sandboxed sandbox;
  private ExecutorService clickers;

  @BeforeEach
  void start() throws IOException {
    Path policy = folder.resolve("policy.yaml");
    Files.writeString(policy, POLICY);
    sandbox = Sandboxed.start(Seed.demo(), Map.of("ROOTBOT_APPROVERS", "", "ROOTBOT_POLICY", policy.toString()),
        clock);
  }

  @AfterEach
  void close() {
    if (clickers != null) {
      clickers.shutdownNow();
    }
    sandbox.close();
  }

  private Message ask(Person person, String words) {
    return sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(person).slashCommand("/root", words, INCIDENT_42));
  }

  @Test
  void a_quorum_of_two_runs_only_on_the_second_persons_approval_and_counts_each_person_once() {
    Message card = ask(ALICE, DELETE);
    assertThat(card.allText()).contains("Rule “production credential changes need two”", "Needs 2 of",
        "<!subteam^" + SlackWorkspace.APPROVERS + ">", "0/2");

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitCard(card, "1/2: <@U0BOB0000>");
    sandbox.awaitReply(card, m -> m.allText().contains("<@U0BOB0000> approved.") && m.allText().contains("1/2"));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("already approved"), Sandboxed.WAIT);
    assertThat(sandbox.runSessionsSince(card)).isEmpty();
    assertThat(sandbox.awaitRequest(card, r -> true).state()).isEqualTo(State.REQUESTED);

    sandbox.slack.as(CAROL).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    RootRequest done = sandbox.awaitRequest(card, r -> r.state() == State.SUCCEEDED);
    assertThat(done.clearance().approvals()).containsExactly(new dev.rootbot.bot.request.UserId(BOB.id()),
        new dev.rootbot.bot.request.UserId(CAROL.id()));
    assertThat(sandbox.runSessionsSince(card)).hasSize(1);
    assertThat(sandbox.current(card).allText()).contains("approved by <@U0BOB0000>, <@U0CAROL00>");
    assertThat(sandbox.bot.store().audit().of(done.id())).extracting(AuditEntry::event)
        .containsSubsequence("request", "approval", "refused approve", "approval", "approve", "start", "succeed");
  }

  @Test
  void twenty_concurrent_clicks_by_two_approvers_run_the_task_once() throws Exception {
    Message card = ask(ALICE, DELETE);
    clickers = Executors.newFixedThreadPool(20);
    var go = new CountDownLatch(1);
    List<Future<BotResponse>> clicks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Person who = i % 2 == 0 ? BOB : CAROL;
      clicks.add(clickers.submit(() -> {
        go.await();
        return sandbox.slack.as(who).click(INCIDENT_42, card.ts(), "approve");
      }));
    }
    go.countDown();
    for (Future<BotResponse> click : clicks) {
      assertThat(click.get().status()).isEqualTo(200);
    }

    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    RootRequest done = sandbox.awaitRequest(card, r -> r.state() == State.SUCCEEDED);
    assertThat(sandbox.runSessionsSince(card)).hasSize(1);
    assertThat(sandbox.aws.calls().withAction("iam:DeleteAccessKey")).hasSize(1);
    assertThat(done.clearance().approvals()).hasSize(2);
    assertThat(sandbox.bot.store().audit().of(done.id())).filteredOn(e -> e.event().equals("approval")).hasSize(2);
    assertThat(sandbox.bot.store().audit().of(done.id())).filteredOn(e -> e.event().equals("approve")).hasSize(1);
  }

  @Test
  void a_request_that_fails_its_rules_conditions_is_refused_with_the_rule_named_and_nothing_filed() {
    sandbox.slack.as(BOB).slashCommand("/root", DELETE, INCIDENT_42);
    sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("Under rule “production credential changes need two”,"
        + " only <@U0ALICE00> may ask for this"), Sandboxed.WAIT);

    sandbox.slack.as(ALICE).slashCommand("/root", "delete root credentials in account prod-data because the key"
        + " leaked", INCIDENT_42);
    sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("the reason must match `^(INC|SEC)-[0-9]+`"),
        Sandboxed.WAIT);

    sandbox.slack.as(ALICE).slashCommand("/root", DELETE, PLATFORM);
    sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("can only be asked in <#" + INCIDENT_42 + ">"),
        Sandboxed.WAIT);

    assertThat(sandbox.bot.store().requests().open()).isEmpty();
    assertThat(sandbox.slack.messages(INCIDENT_42)).noneMatch(Message::fromBot);
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).as("no preview either").isEmpty();
    assertThat(sandbox.bot.store().audit().latest(10)).filteredOn(e -> e.event().equals("refused request"))
        .hasSize(3).allSatisfy(e -> assertThat(e.detail()).doesNotContain("ROOTBOT_"));
  }

  @Test
  void a_rule_with_a_quorum_of_zero_runs_without_any_click() {
    sandbox.slack.as(ALICE).slashCommand("/root", "audit account prod-data", INCIDENT_42);

    Message card = sandbox.slack.awaitMessage(INCIDENT_42, m -> m.fromBot() && m.allText().contains("Root task"),
        Sandboxed.WAIT);
    assertThat(card.actionIds()).doesNotContain("approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    sandbox.awaitReply(card, m -> m.allText().contains("No approval is needed under rule “audits run without approval”"));
    RootRequest done = sandbox.awaitRequest(card, r -> r.state() == State.SUCCEEDED);
    assertThat(done.decidedBy()).isEmpty();
    assertThat(sandbox.bot.store().audit().of(done.id())).extracting(AuditEntry::event)
        .containsSubsequence("request", "admit", "start", "succeed");
  }

  @Test
  void break_glass_runs_at_once_is_announced_reminded_when_overdue_and_a_not_justified_review_is_announced() {
    sandbox.slack.as(ALICE).slashCommand("/root", "break-glass " + UNLOCK, INCIDENT_42);
    sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("only <@U0BOB0000> may break glass"), Sandboxed.WAIT);

    sandbox.slack.as(BOB).slashCommand("/root", "break-glass " + UNLOCK, INCIDENT_42);
    Message card = sandbox.slack.awaitMessage(INCIDENT_42, m -> m.fromBot() && m.allText().contains("Break-glass root task"),
        Sandboxed.WAIT);
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
    sandbox.slack.awaitMessage(INCIDENT_42, m -> m.fromBot() && m.allText().contains("*Break-glass:* <@U0BOB0000> ran"),
        Sandboxed.WAIT);
    Message notice = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && m.allText().contains("*Break-glass:*"),
        Sandboxed.WAIT);
    assertThat(notice.allText()).contains("INC-42 locked us out", "<@U0BOB0000>", "review it on its card");
    Message ran = sandbox.awaitCard(card, "Review needed");
    assertThat(ran.actionIds()).containsExactly("review_justified", "review_not_justified");
    assertThat(sandbox.bot.metrics().value(Metrics.BREAK_GLASS_RUNS, "rule", "unlocks")).isEqualTo(1);

    clock.advance(Duration.ofHours(4).plusMinutes(1));
    Message reminder = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && m.allText().contains("Review overdue"),
        Sandboxed.WAIT);
    assertThat(reminder.allText()).contains(sandbox.awaitRequest(card, r -> true).id().value());

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "review_justified");
    var own = sandbox.slack.awaitView(BOB, v -> v.callbackId().equals("review_justified"), Sandboxed.WAIT);
    sandbox.slack.as(BOB).submit(own.id(), Map.of());
    sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("someone else must review it"), Sandboxed.WAIT);

    sandbox.slack.as(CAROL).click(INCIDENT_42, card.ts(), "review_not_justified");
    var form = sandbox.slack.awaitView(CAROL, v -> v.callbackId().equals("review_not_justified"), Sandboxed.WAIT);
    sandbox.slack.as(CAROL).submit(form.id(), Map.of("review_comment", "bob was online <!channel> and could have asked"));
    sandbox.awaitCard(card, "Reviewed: not justified");
    Message announced = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && m.allText().contains("*not justified*"),
        Sandboxed.WAIT);
    assertThat(announced.allText()).contains("<@U0CAROL00>", "bob was online").doesNotContain("<!channel>");
    RootRequest reviewed = sandbox.awaitRequest(card, r -> r.clearance().breakGlass().orElseThrow().reviewed());
    assertThat(sandbox.bot.store().audit().of(reviewed.id())).extracting(AuditEntry::event)
        .containsSubsequence("request", "break_glass", "start", "succeed", "review");
  }

  @Test
  void someone_removed_from_the_approving_group_cannot_approve_thirty_seconds_later() {
    sandbox.slack.as(CAROL).slashCommand("/root", "policy", INCIDENT_42);
    sandbox.slack.awaitEphemeral(CAROL, e -> e.allText().contains("What you may ask for"), Sandboxed.WAIT);
    Message card = ask(ALICE, UNLOCK);

    sandbox.slack.removeFromGroup(SlackWorkspace.APPROVERS, CAROL);
    clock.advance(Duration.ofSeconds(31));
    sandbox.slack.as(CAROL).click(INCIDENT_42, card.ts(), "approve");

    sandbox.slack.awaitEphemeral(CAROL, e -> e.allText().contains("Under rule “unlocks”, only"), Sandboxed.WAIT);
    assertThat(sandbox.runSessionsSince(card)).isEmpty();
    assertThat(sandbox.awaitRequest(card, r -> true).state()).isEqualTo(State.REQUESTED);
  }

  @Test
  void the_policy_tells_each_person_what_they_may_ask_for_and_who_approves_a_request() {
    sandbox.slack.as(BOB).slashCommand("/root", "policy", INCIDENT_42);
    String overall = sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("What you may ask for"),
        Sandboxed.WAIT).allText();
    assertThat(overall).contains("“unlocks”", "“audits run without approval”", "You may break glass", "1 more rule")
        .doesNotContain("“production credential changes need two”:");

    sandbox.slack.as(ALICE).slashCommand("/root", "policy delete root credentials in account prod-data", PLATFORM);
    String one = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("applies"), Sandboxed.WAIT).allText();
    assertThat(one).contains("`delete-root-credentials` in *prod-data (333333333333)*",
        "rule “production credential changes need two” applies", "needs 2 of", "only in <#" + INCIDENT_42 + ">",
        "You could not ask for it here");
  }
}
