package dev.rootbot.bot.fleet;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fleet audit under {@code ROOTBOT_APPROVERS}: one rule for every task, so it waits for one approval. */
class FleetAuditApprovalTest {
  private Sandboxed sandbox;

  @BeforeEach
  void start() {
    sandbox = Sandboxed.start(); // the demo organization, everything enabled, ROOTBOT_APPROVERS
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void a_mention_in_an_incident_thread_keeps_the_card_the_progress_the_summary_and_the_files_in_that_thread() {
    var incident = sandbox.slack.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> help");
    assertThat(incident.status()).isEqualTo(200);
    Message top = sandbox.slack.messages(INCIDENT_42).stream()
        .filter(m -> m.user().equals(ALICE.id()) && !m.isReply())
        .max(java.util.Comparator.comparing(Message::ts)).orElseThrow();

    sandbox.slack.as(ALICE).mention(INCIDENT_42, "<@U0ROOTBOT> audit all", top.ts());

    Message card = sandbox.slack.awaitReply(INCIDENT_42, top.ts(), m -> m.fromBot() && m.actionIds().contains("approve"),
        Sandboxed.WAIT);
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.slack.awaitReply(INCIDENT_42, top.ts(), m -> m.allText().contains("Audit complete"), Sandboxed.WAIT);
    sandbox.slack.awaitReply(INCIDENT_42, top.ts(), m -> m.allText().contains("Audit done:"), Sandboxed.WAIT);
    var csv = sandbox.slack.awaitFile(INCIDENT_42, top.ts(), f -> f.name().endsWith(".csv"), Sandboxed.WAIT);
    assertThat(FleetAuditTest.csvRecords(csv.text())).hasSize(5); // the header and the demo's four members
    assertThat(sandbox.slack.messages(INCIDENT_42)).filteredOn(m -> m.fromBot() && !m.isReply())
        .as("nothing at the top level of the channel").isEmpty();
  }

  @Test
  void under_rootbot_approvers_an_audit_of_an_ou_waits_for_an_approval_then_reports_its_accounts() {
    Message card = sandbox.nextCard(PLATFORM,
        () -> sandbox.slack.as(ALICE).slashCommand("/root", "audit ou Production", PLATFORM));
    assertThat(card.allText()).contains("2 ACTIVE member accounts", "prod-payments (222222222222)",
        "prod-data (333333333333)");
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).as("nothing read before the approval").isEmpty();

    sandbox.slack.as(CAROL).click(PLATFORM, card.ts(), "approve");

    sandbox.awaitReply(card, m -> m.allText().contains("Audit complete"));
    var csv = FleetAuditTest.csvRecords(sandbox.slack.awaitFile(PLATFORM, card.ts(), f -> f.name().endsWith(".csv"),
        Sandboxed.WAIT).text());
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1).subList(0, 4)).as("sorted by name").containsExactly("333333333333", "prod-data",
        "Production", "yes");
    assertThat(csv.get(2).subList(0, 4)).containsExactly("222222222222", "prod-payments", "Production", "no");
  }

}
