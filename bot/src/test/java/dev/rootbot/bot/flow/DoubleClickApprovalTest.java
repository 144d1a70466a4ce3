package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Twenty Approve clicks at once, from two approvers, run the task exactly once. */
class DoubleClickApprovalTest {
  private final Sandboxed sandbox = Sandboxed.start();
  private final ExecutorService clickers = Executors.newFixedThreadPool(20);

  @AfterEach
  void close() {
    clickers.shutdownNow();
    sandbox.close();
  }

  @Test
  void twenty_concurrent_approve_clicks_give_exactly_one_assume_root() throws Exception {
    Message card = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out", INCIDENT_42));
    var start = new CountDownLatch(1);
    List<Future<BotResponse>> clicks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      var who = i % 2 == 0 ? BOB : CAROL;
      clicks.add(clickers.submit(() -> {
        start.await();
        return sandbox.slack.as(who).click(INCIDENT_42, card.ts(), "approve");
      }));
    }
    start.countDown();
    for (Future<BotResponse> click : clicks) {
      assertThat(click.get().status()).isEqualTo(200);
    }

    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(sandbox.runSessionsSince(card)).hasSize(1);
    assertThat(sandbox.aws.calls().withAction("s3:DeleteBucketPolicy")).hasSize(1);
    assertThat(sandbox.slack.thread(INCIDENT_42, card.ts())).filteredOn(m -> m.allText().contains("Done: ")).hasSize(1);
    assertThat(sandbox.slack.thread(INCIDENT_42, card.ts())).filteredOn(m -> m.allText().contains("approved. Opening"))
        .hasSize(1);
  }
}
