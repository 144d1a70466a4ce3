package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.MutableClock;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.slack.Message;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How requests end when nobody approves, when Rootbot dies mid-task, and when Slack is down. */
class LifecycleTest {
  private static final String UNLOCK =
      "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out";
  private Sandboxed sandbox;

  @AfterEach
  void close() {
    sandbox.close();
  }

  private Message ask() {
    return sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root", UNLOCK, INCIDENT_42));
  }

  @Test
  void a_request_nobody_approves_in_time_expires_and_cannot_be_approved_after() {
    var clock = new MutableClock();
    sandbox = Sandboxed.start(Seed.demo(), Map.of("ROOTBOT_REQUEST_TTL_MINUTES", "5"), clock);
    Message card = ask();
    assertThat(card.allText()).contains("Expires");

    clock.advance(Duration.ofMinutes(6));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("expired"), Sandboxed.WAIT);
    sandbox.awaitCard(card, "Expired");
    sandbox.awaitReply(card, m -> m.allText().contains("expired: nobody approved it within 5 minutes"));
    assertThat(sandbox.runSessionsSince(card)).isEmpty();
  }

  @Test
  void a_bot_killed_mid_task_leaves_it_unknown_and_the_next_start_says_so_without_running_it_again() throws Exception {
    sandbox = Sandboxed.withoutBot();
    sandbox.aws.faults().inject("s3:DeleteBucketPolicy", Fault.latency(Duration.ofSeconds(30)).always());
    int port = Sandboxed.freePort();
    Process child = sandbox.startBotProcess(port);
    RootRequest running;
    Message card;
    try (var store = sandbox.openStore()) {
      card = ask();
      sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
      running = Eventually.within(Sandboxed.WAIT, () -> store.requests().open().stream()
          .filter(r -> r.state() == State.RUNNING && r.accessKeyId().isPresent() && r.backup().isPresent()).findFirst());
    } finally {
      child.destroyForcibly().waitFor(); // SIGKILL while DeleteBucketPolicy is in flight: no hook, no draining
    }

    sandbox.startBot();

    Message notice = sandbox.awaitReply(card, m -> m.allText().contains("outcome is unknown"));
    assertThat(notice.allText()).contains(running.accessKeyId().get(), "will *not* be re-run", "cloudtrailv2");
    sandbox.awaitCard(card, "Outcome unknown");
    assertThat(sandbox.bot.store().requests().find(running.id()).orElseThrow().state()).isEqualTo(State.UNKNOWN);
    assertThat(sandbox.runSessionsSince(card)).hasSize(1); // never re-run
  }

  @Test
  void a_graceful_stop_lets_the_task_in_flight_finish() {
    sandbox = Sandboxed.start();
    sandbox.aws.faults().inject("s3:DeleteBucketPolicy", Fault.latency(Duration.ofSeconds(2)).always());
    Message card = ask();
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitRequest(card, r -> r.state() == State.RUNNING && r.backup().isPresent());

    sandbox.bot.close();
    sandbox.startBot();

    assertThat(sandbox.awaitRequest(card, r -> r.state().isFinal()).state()).isEqualTo(State.SUCCEEDED);
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).isEmpty();
  }

  @Test
  void a_result_finished_during_a_slack_outage_is_posted_once_slack_is_back() {
    sandbox = Sandboxed.start();
    sandbox.aws.faults().inject("s3:DeleteBucketPolicy", Fault.latency(Duration.ofSeconds(1)).always());
    Message card = ask();
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("approved. Opening"));
    sandbox.slack.faults().outage();

    RootRequest done = sandbox.awaitRequest(card, r -> r.state().isFinal());
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(sandbox.slack.thread(INCIDENT_42, card.ts())).noneMatch(m -> m.allText().contains("Done: "));
    assertThat(sandbox.bot.store().outbox().pending()).isPositive();

    sandbox.slack.faults().recover();
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    sandbox.awaitCard(card, "Done");
  }

  @Test
  void a_result_held_back_by_slacks_rate_limit_is_posted_after_retry_after() {
    sandbox = Sandboxed.start();
    Message card = ask();
    sandbox.slack.faults().rateLimit("chat.postMessage", 2, Duration.ofSeconds(1));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(sandbox.slack.calls("chat.postMessage")).anySatisfy(call -> assertThat(call.status()).isEqualTo(429));
  }
}
