package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.slack.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run tells the truth when AWS's answer is lost, and no approval is ever stranded when the runners are full. */
class TrustedRunTest {
  private Sandboxed sandbox;

  @AfterEach
  void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void a_delete_aws_performed_but_whose_answer_was_lost_is_reported_done_not_nothing_done() {
    sandbox = Sandboxed.start();
    sandbox.aws.faults().inject("s3:DeleteBucketPolicy", Fault.lostAnswer().always());
    Message card = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root",
        "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out", INCIDENT_42));

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    Message result = sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(result.allText()).contains("was lost", "took effect").doesNotContain("Nothing more was done");
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
    assertThat(sandbox.awaitRequest(card, r -> r.state().isFinal()).state()).isEqualTo(State.SUCCEEDED);
  }

  @Test
  void approvals_beyond_what_the_runners_can_take_wait_visibly_and_all_finish() {
    sandbox = Sandboxed.start();
    sandbox.aws.faults().inject("sts:AssumeRoot", Fault.latency(Duration.ofMillis(700)).always());
    List<Message> cards = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      cards.add(sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root",
          "audit account prod-data", INCIDENT_42)));
    }
    for (Message card : cards) {
      sandbox.awaitRequest(card, r -> r.card().isPresent());
      sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    }

    for (Message card : cards) {
      RootRequest done = Eventually.within(Duration.ofSeconds(120),
          () -> sandbox.bot.store().requests().find(sandbox.awaitRequest(card, r -> true).id())
              .filter(r -> r.state().isFinal()));
      assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    }
    // While four ran, the others said so on their cards.
    assertThat(cards).anySatisfy(card -> assertThat(sandbox.slack.message(INCIDENT_42, card.ts()).orElseThrow()
        .revisions()).anySatisfy(revision -> assertThat(revision.text() + revision.blocksJson()).contains("queued,")));
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).hasSize(24);
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
  }
}
