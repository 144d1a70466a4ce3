package dev.rootbot.bot.fleet;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.store.FleetResults;
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
 * A bot killed (SIGKILL) in the middle of {@code /root audit all}: the next start takes the audit up again (it only
 * reads) and audits only the accounts whose results were not stored, so no finished account is audited twice.
 */
class FleetAuditCrashTest {
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
  void a_resumed_audit_does_not_audit_a_finished_account_again() throws Exception {
    sandbox = Sandboxed.withoutBot(Seed.generated(FleetAuditTest.MEMBERS), Map.of("ROOTBOT_APPROVERS", "",
        "ROOTBOT_POLICY", FleetAuditTest.examplePolicy(folder).toString()));
    sandbox.aws.latency(Duration.ofMillis(40)); // long enough an audit to kill it half way
    int port = Sandboxed.freePort();
    Process child = sandbox.startBotProcess(port);
    Message card;
    RequestId id;
    Set<String> finishedBefore;
    try (var store = sandbox.openStore()) {
      try {
        sandbox.slack.as(ALICE).slashCommand("/root", "audit all", PLATFORM);
        card = sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && !m.isReply()
            && m.allText().contains("audit root credentials in"), Sandboxed.WAIT);
        id = FleetAuditTest.requestOf(card);
        Eventually.within(Duration.ofSeconds(60), () -> Optional.of(store.fleet().of(id))
            .filter(rows -> rows.size() >= 40));
      } finally {
        child.destroyForcibly().waitFor(); // no hook, no draining: accounts in flight are lost
      }
      finishedBefore = store.fleet().of(id).stream().filter(FleetResults.Stored::done)
          .map(r -> r.account().value()).collect(Collectors.toSet());
      assertThat(store.requests().find(id).orElseThrow().state()).isEqualTo(State.RUNNING);
    }
    assertThat(finishedBefore).hasSizeBetween(40, FleetAuditTest.MEMBERS - 20);

    sandbox.startBot();

    sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.allText().contains("Audit complete"), Duration.ofSeconds(90));
    assertThat(sandbox.bot.store().requests().find(id).orElseThrow().state()).isEqualTo(State.SUCCEEDED);
    List<List<String>> csv = FleetAuditTest.csvRecords(sandbox.slack.awaitFile(PLATFORM, card.ts(),
        f -> f.name().endsWith(".csv"), Sandboxed.WAIT).text());
    assertThat(csv).hasSize(1 + FleetAuditTest.MEMBERS - FleetAuditTest.MEMBERS / 50);
    Map<String, Long> sessions = sandbox.aws.calls().withAction("sts:AssumeRoot").stream()
        .collect(Collectors.groupingBy(c -> c.parameters().get("TargetPrincipal"), Collectors.counting()));
    for (String account : finishedBefore) {
      assertThat(sessions.get(account)).as("root sessions for finished account " + account).isEqualTo(1L);
    }
    assertThat(sandbox.bot.store().audit().of(id)).extracting(e -> e.event()).contains("resume");
    assertThat(sandbox.slack.thread(PLATFORM, card.ts())).extracting(Message::allText)
        .anyMatch(t -> t.contains("goes on with the accounts whose results were not stored"))
        .noneMatch(t -> t.contains("Nothing was done"));
    System.out.printf("resumed audit: %d accounts finished before the kill, %d root sessions in all for %d accounts%n",
        finishedBefore.size(), sessions.values().stream().mapToLong(Long::longValue).sum(), csv.size() - 1);
  }
}
