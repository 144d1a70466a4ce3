package dev.rootbot.bot.fleet;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.fleet.DeletionReport;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.iam.RootCredentials;
import dev.rootbot.sandbox.slack.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The fleet deletion end to end: an audit of OU Production, its summary's button, the reason form, a card that lists
 * each account and what it has, one approval, then each account deleted bound to what the audit saw.
 */
class FleetDeletionTest {
  @TempDir
  Path folder;
  private Sandboxed sandbox;

  @BeforeEach
  void start() throws IOException {
    sandbox = Sandboxed.start(Seed.generated(100), Map.of("ROOTBOT_APPROVERS", "", "ROOTBOT_POLICY",
        FleetAuditTest.examplePolicy(folder).toString()), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void deletes_exactly_the_audited_credentials_and_skips_an_account_changed_since_the_audit() {
    Message audit = new FleetAuditTest().with(sandbox).fileAudit("audit ou Production");
    Message summary = sandbox.slack.awaitReply(PLATFORM, audit.ts(), m -> m.actionIds().contains("delete_fleet"),
        Duration.ofSeconds(60));
    Map<String, RootCredentials> audited = withCredentials(new FleetAuditTest().with(sandbox)
        .activeMembersUnder("Production"));
    assertThat(summary.allText()).contains("Delete root credentials in the " + audited.size() + " accounts");
    String changed = audited.values().stream().filter(c -> !c.hasPassword()).map(RootCredentials::account)
        .findFirst().orElseThrow();
    givePassword(sandbox.aws, changed); // after the audit: the approver never saw this password
    RootCredentials changedNow = sandbox.aws.rootCredentials(changed);

    sandbox.slack.as(ALICE).click(PLATFORM, summary.ts(), "delete_fleet");
    var form = sandbox.slack.awaitView(ALICE, v -> v.callbackId().equals("delete_fleet_reason"), Sandboxed.WAIT);
    sandbox.slack.as(ALICE).submit(form.id(), Map.of("delete_reason", "SEC-12 no long-term root credentials"));
    Message card = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && m.actionIds().contains("approve")
        && m.allText().contains("delete root credentials in"), Sandboxed.WAIT);
    assertThat(card.allText()).contains("SEC-12 no long-term root credentials", "Accounts and what each has",
        audited.size() + " accounts", changed);
    assertThat(deleteCalls()).as("nothing is deleted before the approval").isEmpty();

    sandbox.slack.as(CAROL).click(PLATFORM, card.ts(), "approve");

    Message end = sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.allText().contains("Fleet deletion complete"),
        Duration.ofSeconds(60));
    assertThat(end.allText()).contains("Skipped, changed since the audit", changed);
    for (var entry : audited.entrySet()) {
      RootCredentials now = sandbox.aws.rootCredentials(entry.getKey());
      if (entry.getKey().equals(changed)) {
        assertThat(now).as("nothing deleted in the changed account").isEqualTo(changedNow);
      } else {
        assertThat(now.none()).as("everything the audit saw is gone from " + entry.getKey()).isTrue();
      }
    }
    assertThat(deleteCalls().stream().map(c -> c.account()).collect(Collectors.toSet()))
        .as("only audited accounts with credentials, never the changed one")
        .isSubsetOf(audited.keySet()).doesNotContain(changed);
    var csv = FleetAuditTest.csvRecords(sandbox.slack.awaitFile(PLATFORM, card.ts(), f -> f.name().endsWith(".csv"),
        Sandboxed.WAIT).text());
    assertThat(csv.get(0)).isEqualTo(DeletionReport.COLUMNS);
    Map<String, String> outcomes = csv.subList(1, csv.size()).stream()
        .collect(Collectors.toMap(row -> row.get(0), row -> row.get(3)));
    assertThat(outcomes.keySet()).isEqualTo(audited.keySet());
    assertThat(outcomes).containsEntry(changed, "changed_since_audit");
    assertThat(outcomes.values().stream().filter("deleted"::equals).count()).isEqualTo(audited.size() - 1);
    var done = sandbox.awaitRequest(card, r -> r.state().isFinal());
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    var events = sandbox.bot.store().audit().of(done.id());
    assertThat(events).extracting(e -> e.event()).as("what the approver saw, and each account's start and outcome,"
        + " are in the chain").contains("preview", "approve", "fleet start", "fleet deleted", "fleet changed since audit");
    assertThat(events).filteredOn(e -> e.event().equals("fleet start")).hasSize(audited.size());
    assertThat(sandbox.bot.store().audit().verify(java.util.Optional.empty()))
        .isInstanceOf(dev.rootbot.bot.audit.Verdict.Intact.class);
  }

  @Test
  void delete_in_an_ou_audits_first_then_shows_the_same_card_and_runs_nothing_before_its_approval() {
    sandbox.slack.as(ALICE).slashCommand("/root", "delete root credentials in ou Production because SEC-12 clean-up",
        PLATFORM);

    Message audit = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && !m.isReply()
        && m.allText().contains("audit root credentials in"), Sandboxed.WAIT);
    assertThat(audit.allText()).contains("then files the deletion of what it finds");
    Message card = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && m.actionIds().contains("approve")
        && m.allText().contains("delete root credentials in"), Duration.ofSeconds(60));
    Map<String, RootCredentials> audited = withCredentials(new FleetAuditTest().with(sandbox)
        .activeMembersUnder("Production"));
    assertThat(card.allText()).contains("SEC-12 clean-up", "Accounts and what each has", audited.size() + " accounts",
        "audit " + FleetAuditTest.requestOf(audit).value());
    assertThat(sandbox.awaitRequest(card, r -> true).requester().value()).isEqualTo(ALICE.id());
    assertThat(deleteCalls()).isEmpty();

    sandbox.slack.as(CAROL).click(PLATFORM, card.ts(), "approve");

    sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.allText().contains("Fleet deletion complete"),
        Duration.ofSeconds(60));
    assertThat(audited.keySet()).allSatisfy(account -> assertThat(sandbox.aws.rootCredentials(account).none()).isTrue());
  }

  @Test
  void stop_lets_the_accounts_in_flight_finish_and_starts_no_other() {
    Message audit = new FleetAuditTest().with(sandbox).fileAudit("audit all");
    Message summary = sandbox.slack.awaitReply(PLATFORM, audit.ts(), m -> m.actionIds().contains("delete_fleet"),
        Duration.ofSeconds(60));
    sandbox.slack.as(ALICE).click(PLATFORM, summary.ts(), "delete_fleet");
    var form = sandbox.slack.awaitView(ALICE, v -> v.callbackId().equals("delete_fleet_reason"), Sandboxed.WAIT);
    sandbox.slack.as(ALICE).submit(form.id(), Map.of("delete_reason", "SEC-12 clean-up"));
    Message card = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && m.actionIds().contains("approve")
        && m.allText().contains("delete root credentials in"), Sandboxed.WAIT);
    int withCredentials = withCredentials(new FleetAuditTest().with(sandbox).activeMembersUnder(null)).size();
    sandbox.aws.latency(Duration.ofMillis(40)); // slow enough to click Stop while it runs
    sandbox.slack.as(CAROL).click(PLATFORM, card.ts(), "approve");
    Message progress = sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.actionIds().contains("stop_fleet"),
        Duration.ofSeconds(30));

    sandbox.slack.as(ALICE).click(PLATFORM, progress.ts(), "stop_fleet");

    Message end = sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.allText().contains("Fleet deletion stopped"),
        Duration.ofSeconds(60));
    assertThat(end.allText()).contains("cancelled");
    var csv = FleetAuditTest.csvRecords(sandbox.slack.awaitFile(PLATFORM, card.ts(), f -> f.name().endsWith(".csv"),
        Sandboxed.WAIT).text());
    long started = sandbox.aws.calls().withAction("sts:AssumeRoot").stream()
        .filter(c -> FleetDeletionCrashTest.DELETE_POLICY.equals(c.parameters().get("TaskPolicyArn.arn"))).count();
    assertThat(csv.size() - 1L).as("every account started has its outcome, and only those").isEqualTo(started);
    assertThat(started).as("stopped before the end").isLessThan(withCredentials / 2);
    System.out.printf("fleet deletion stopped: %d of %d accounts started%n", started, withCredentials);
    assertThat(sandbox.awaitRequest(card, r -> r.state().isFinal()).state()).isEqualTo(State.FAILED);
    assertThat(sandbox.slack.message(PLATFORM, progress.ts()).orElseThrow().actionIds()).doesNotContain("stop_fleet");
  }

  private Map<String, RootCredentials> withCredentials(java.util.Set<String> accounts) {
    Map<String, RootCredentials> found = new TreeMap<>();
    for (String account : accounts) {
      RootCredentials credentials = sandbox.aws.rootCredentials(account);
      if (!credentials.none()) {
        found.put(account, credentials);
      }
    }
    return found;
  }

  private List<dev.rootbot.sandbox.aws.RecordedCall> deleteCalls() {
    return sandbox.aws.calls().where(c -> c.action().startsWith("iam:Delete") || c.action().equals(
        "iam:DeactivateMFADevice"));
  }

  /** Sets a password on the root user of {@code account} as a person would, in a root session of its own. */
  static void givePassword(SimulatedAws aws, String account) {
    var key = aws.managementKey();
    var management = StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(),
        key.secretAccessKey()));
    try (var sts = StsClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
        .httpClient(ApacheHttpClient.create()).credentialsProvider(management).build()) {
      var session = sts.assumeRoot(r -> r.targetPrincipal(account)
          .taskPolicyArn(p -> p.arn("arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword"))).credentials();
      try (var iam = IamClient.builder().endpointOverride(aws.endpoint()).region(Region.AWS_GLOBAL)
          .httpClient(ApacheHttpClient.create()).credentialsProvider(StaticCredentialsProvider.create(
              AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())))
          .build()) {
        iam.createLoginProfile(r -> {});
      }
    }
  }
}
