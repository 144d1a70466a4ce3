package dev.rootbot.bot.fleet;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.store.FleetResults;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.slack.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot killed (SIGKILL) in the middle of a fleet deletion: at the next start the accounts that were in flight are
 * reported UNKNOWN and never run again, and the approved rest continue.
 */
class FleetDeletionCrashTest {
  static final String DELETE_POLICY = "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials";

  @TempDir
  Path folder;
  private Sandboxed sandbox;

  @AfterEach
  void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void accounts_in_flight_at_a_crash_end_unknown_and_are_never_run_again_while_the_rest_continue() throws Exception {
    sandbox = Sandboxed.withoutBot(Seed.generated(100), Map.of("ROOTBOT_APPROVERS", "", "ROOTBOT_POLICY",
        FleetAuditTest.examplePolicy(folder).toString()));
    int port = Sandboxed.freePort();
    Process child = sandbox.startBotProcess(port);
    Message card;
    RequestId id;
    Set<String> inFlight;
    Set<String> doneBefore;
    try (var store = sandbox.openStore()) {
      try {
        Message audit = new FleetAuditTest().with(sandbox).fileAudit("audit ou Production");
        Message summary = sandbox.slack.awaitReply(PLATFORM, audit.ts(), m -> m.actionIds().contains("delete_fleet"),
            Duration.ofSeconds(60));
        sandbox.slack.as(ALICE).click(PLATFORM, summary.ts(), "delete_fleet");
        var form = sandbox.slack.awaitView(ALICE, v -> v.callbackId().equals("delete_fleet_reason"), Sandboxed.WAIT);
        sandbox.slack.as(ALICE).submit(form.id(), Map.of("delete_reason", "SEC-12 clean-up"));
        card = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && m.actionIds().contains("approve")
            && m.allText().contains("delete root credentials in"), Sandboxed.WAIT);
        id = FleetAuditTest.requestOf(card);
        // Every account with a password hangs at its delete: they fill the places in flight; the others finish.
        sandbox.aws.faults().inject("iam:DeleteLoginProfile", Fault.latency(Duration.ofSeconds(60)).always());
        sandbox.slack.as(CAROL).click(PLATFORM, card.ts(), "approve");
        try {
          Eventually.within(Duration.ofSeconds(60), () -> Optional.of(store.fleet().of(id))
              .filter(rows -> rows.stream().filter(r -> !r.done()).count() >= 2 && rows.stream().anyMatch(r -> r.done())));
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "; the bot's log:\n" + java.nio.file.Files.readString(
              sandbox.childLog()) + "\nrows: " + store.fleet().of(id), e);
        }
      } finally {
        child.destroyForcibly().waitFor(); // SIGKILL with deletes in flight: no hook, no draining
      }
      List<FleetResults.Stored> rows = store.fleet().of(id);
      inFlight = rows.stream().filter(r -> !r.done()).map(r -> r.account().value()).collect(Collectors.toSet());
      doneBefore = rows.stream().filter(FleetResults.Stored::done).map(r -> r.account().value())
          .collect(Collectors.toSet());
    }
    assertThat(inFlight).isNotEmpty();
    sandbox.aws.faults().clear();

    sandbox.startBot();

    Message end = sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.allText().contains("Fleet deletion complete"),
        Duration.ofSeconds(60));
    assertThat(end.allText()).contains("Unknown, not run again");
    assertThat(sandbox.slack.thread(PLATFORM, card.ts())).extracting(Message::allText)
        .anyMatch(t -> t.contains("reported *unknown* and will *not* be run again"))
        .noneMatch(t -> t.contains("Nothing was done"));
    assertThat(sandbox.bot.store().requests().find(id).orElseThrow().state())
        .as("the request tells the truth: some accounts' outcome is unknown").isEqualTo(State.UNKNOWN);
    Map<String, Long> sessions = sandbox.aws.calls().withAction("sts:AssumeRoot").stream()
        .filter(c -> DELETE_POLICY.equals(c.parameters().get("TaskPolicyArn.arn")))
        .collect(Collectors.groupingBy(c -> c.parameters().get("TargetPrincipal"), Collectors.counting()));
    assertThat(sessions.values()).as("no account was run twice").allMatch(n -> n == 1L);
    var csv = FleetAuditTest.csvRecords(sandbox.slack.awaitFile(PLATFORM, card.ts(), f -> f.name().endsWith(".csv"),
        Sandboxed.WAIT).text());
    Map<String, String> outcomes = csv.subList(1, csv.size()).stream()
        .collect(Collectors.toMap(row -> row.get(0), row -> row.get(3)));
    for (String account : inFlight) {
      assertThat(outcomes).containsEntry(account, "unknown");
    }
    Set<String> continued = outcomes.keySet().stream().filter(a -> !inFlight.contains(a) && !doneBefore.contains(a))
        .collect(Collectors.toSet());
    assertThat(continued).as("accounts not started before the crash ran after it").isNotEmpty();
    for (String account : continued) {
      assertThat(outcomes).containsEntry(account, "deleted");
      assertThat(sandbox.aws.rootCredentials(account).none()).isTrue();
    }
    System.out.printf("fleet deletion crash: %d done before, %d in flight (unknown), %d continued after%n",
        doneBefore.size(), inFlight.size(), continued.size());
  }
}
