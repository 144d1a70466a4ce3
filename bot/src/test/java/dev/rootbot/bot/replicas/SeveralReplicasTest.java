package dev.rootbot.bot.replicas;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.Postgres;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.store.Store;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three Rootbot JVMs on one PostgreSQL store behind a load balancer, against the simulated AWS and Slack: what
 * a deployment with several replicas must survive. Asserts on AssumeRoot calls, request states and Slack
 * messages. Needs PostgreSQL (mandatory under CI=true).
 */
class SeveralReplicasTest {
  private static final Duration LEASE = Duration.ofSeconds(5);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern REQUEST_ID = Pattern.compile("r-[a-z2-7]{10}");
  private static final String UNLOCK = "unlock bucket payments-audit-logs in account prod-payments because INC-42";
  private static final String AUDIT = "audit account prod-data";

  private ReplicaSet replicas;
  private Store store;

  @BeforeEach
  void threeReplicas() {
    Postgres.require();
    replicas = new ReplicaSet(LEASE);
    replicas.start("r1");
    replicas.start("r2");
    replicas.start("r3");
    store = Store.open(replicas.store, Clock.systemUTC());
    // Slack's 3 s are for the ack, which other tests measure; here several cold JVMs share two cores.
    replicas.sandbox.slack.ackTimeout(Duration.ofSeconds(15));
    for (int i = 0; i < 3; i++) {
      replicas.sandbox.slack.as(ALICE).slashCommand("/root", "help", INCIDENT_42); // one to each replica, to warm it
    }
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    if (replicas != null) {
      replicas.close();
    }
  }

  @Test
  void twenty_approve_clicks_spread_over_three_replicas_run_the_task_once() throws Exception {
    Message card = ask(UNLOCK);
    ExecutorService clickers = Executors.newFixedThreadPool(20);
    try {
      var go = new CountDownLatch(1);
      List<Future<BotResponse>> clicks = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        var who = i % 2 == 0 ? BOB : CAROL;
        clicks.add(clickers.submit(() -> {
          go.await();
          return replicas.sandbox.slack.as(who).click(INCIDENT_42, card.ts(), "approve");
        }));
      }
      go.countDown();
      for (Future<BotResponse> click : clicks) {
        assertThat(click.get().status()).isEqualTo(200);
      }
    } finally {
      clickers.shutdownNow();
    }

    RootRequest done = await(idOf(card), r -> r.state() == State.SUCCEEDED);
    assertThat(replicas.served("r1")).isPositive();
    assertThat(replicas.served("r2")).isPositive();
    assertThat(replicas.served("r3")).isPositive();
    assertThat(replicas.sandbox.runSessionsSince(card)).hasSize(1);
    assertThat(replicas.sandbox.aws.calls().withAction("s3:DeleteBucketPolicy")).hasSize(1);
    awaitReplies(card, "Done: ", 1);
    assertThat(replies(card, "approved. Opening")).hasSize(1);
    assertThat(cards(done.id())).hasSize(1);
  }

  @Test
  void a_signed_command_replayed_to_every_replica_files_one_request() {
    BotResponse sent = replicas.sandbox.slack.as(ALICE).slashCommand("/root", UNLOCK, INCIDENT_42);
    Message card = replicas.sandbox.slack.awaitMessage(INCIDENT_42,
        m -> m.fromBot() && m.actionIds().contains("approve"), WAIT);

    replicas.sandbox.slack.replay(sent, 20); // spread over the three by the load balancer

    RequestId id = idOf(card);
    assertThat(replicas.served("r1") + replicas.served("r2") + replicas.served("r3")).isGreaterThanOrEqualTo(24);
    Eventually.within(WAIT, () -> java.util.Optional.of(store.audit().latest(200)).filter(entries -> entries.stream()
        .filter(e -> e.event().equals("request")).count() >= 1));
    assertThat(store.requests().open()).extracting(RootRequest::id).containsExactly(id);
    assertThat(cards(id)).hasSize(1);
  }

  @Test
  void restarting_a_replica_while_another_runs_a_task_leaves_that_task_alone() throws Exception {
    replicas.sandbox.aws.faults().inject("s3:DeleteBucketPolicy", Fault.latency(Duration.ofSeconds(8)).always());
    Message card = ask(UNLOCK);
    replicas.sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    RequestId id = idOf(card);
    RootRequest running = await(id, r -> r.state() == State.RUNNING && r.backup().isPresent());
    String runner = replicas.runnerOf(id.value()).orElseThrow();
    String other = List.of("r1", "r2", "r3").stream().filter(r -> !r.equals(runner)).findFirst().orElseThrow();

    replicas.stop(other);
    replicas.start(other); // a restart with the same ID while the runner is mid-task

    RootRequest done = await(id, r -> r.state().isFinal());
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.backup()).isEqualTo(running.backup());
    awaitReplies(card, "Done: ", 1);
    assertThat(replies(card, "Done: ").get(0).actionIds()).contains("restore");
    assertThat(cards(id)).hasSize(1);
    assertThat(replicas.sandbox.runSessionsSince(card)).hasSize(1);
  }

  @Test
  void killing_the_replica_running_a_task_while_another_restarts_leaves_that_request_alone_unknown() throws Exception {
    replicas.sandbox.aws.faults().inject("s3:DeleteBucketPolicy", Fault.latency(Duration.ofSeconds(60)).always());
    Message unlock = ask(UNLOCK);
    Message waiting = ask(AUDIT);
    replicas.sandbox.slack.as(BOB).click(INCIDENT_42, unlock.ts(), "approve");
    RequestId running = idOf(unlock);
    await(running, r -> r.state() == State.RUNNING && r.backup().isPresent());
    String runner = replicas.runnerOf(running.value()).orElseThrow();
    String other = List.of("r1", "r2", "r3").stream().filter(r -> !r.equals(runner)).findFirst().orElseThrow();
    Message audit = ask(AUDIT);

    replicas.kill(runner);
    Instant killed = Instant.now();
    replicas.sandbox.slack.as(BOB).click(INCIDENT_42, audit.ts(), "approve"); // approved right after the crash
    replicas.stop(other);
    replicas.start(other);

    RootRequest unknown = await(running, r -> r.state().isFinal());
    Duration takeover = Duration.between(killed, Instant.now());
    System.out.println("takeover: the killed replica's task was declared UNKNOWN " + takeover.toMillis()
        + " ms after the kill (lease " + LEASE.toSeconds() + " s)");
    assertThat(unknown.state()).isEqualTo(State.UNKNOWN);
    assertThat(takeover).isLessThan(LEASE.multipliedBy(4));
    assertThat(await(idOf(audit), r -> r.state().isFinal()).state()).isEqualTo(State.SUCCEEDED);
    assertThat(store.requests().find(idOf(waiting)).orElseThrow().state()).isEqualTo(State.REQUESTED);
    awaitReplies(unlock, "outcome is unknown", 1);
    awaitReplies(audit, "Done: ", 1);
    assertThat(cards(running)).hasSize(1);
    assertThat(cards(idOf(audit))).hasSize(1);
    assertThat(replicas.sandbox.runSessionsSince(unlock)).hasSize(2); // never re-run
  }

  @Test
  void a_rolling_restart_during_a_stream_of_fifty_requests_loses_and_repeats_nothing() throws Exception {
    ExecutorService deploy = Executors.newSingleThreadExecutor();
    List<Message> cards = new ArrayList<>();
    try {
      Future<?> rolling = deploy.submit(() -> {
        for (String[] step : new String[][] {{"r4", "r1"}, {"r5", "r2"}, {"r6", "r3"}}) {
          replicas.start(step[0]);
          replicas.stop(step[1]);
        }
        return null;
      });
      for (int i = 0; i < 50; i++) {
        Message card = ask(AUDIT);
        cards.add(card);
        replicas.sandbox.slack.as(i % 2 == 0 ? BOB : CAROL).click(INCIDENT_42, card.ts(), "approve");
      }
      rolling.get();
    } finally {
      deploy.shutdownNow();
    }

    for (Message card : cards) {
      RootRequest request = await(idOf(card), r -> r.state().isFinal());
      assertThat(request.state()).as(request.id().value()).isEqualTo(State.SUCCEEDED);
    }
    for (Message card : cards) {
      awaitReplies(card, "Done: ", 1);
      assertThat(replies(card, "approved. Opening")).as(idOf(card).value()).hasSize(1);
      assertThat(cards(idOf(card))).as(idOf(card).value()).hasSize(1);
    }
    assertThat(replicas.sandbox.aws.calls().withAction("sts:AssumeRoot")).hasSize(50);
    assertThat(replicas.served("r4") + replicas.served("r5") + replicas.served("r6")).isPositive();
  }

  /** Files a request as alice and returns its card, once posted. */
  private Message ask(String words) {
    return nextCard(() -> replicas.sandbox.slack.as(ALICE).slashCommand("/root", words, INCIDENT_42));
  }

  private Message nextCard(Runnable action) {
    String before = replicas.sandbox.slack.messages(INCIDENT_42).stream().map(Message::ts).max(String::compareTo)
        .orElse("0");
    action.run();
    return replicas.sandbox.slack.awaitMessage(INCIDENT_42,
        m -> m.fromBot() && m.actionIds().contains("approve") && m.ts().compareTo(before) > 0, WAIT);
  }

  private static RequestId idOf(Message card) {
    Matcher id = REQUEST_ID.matcher(card.allText());
    assertThat(id.find()).as("a request ID on the card").isTrue();
    return RequestId.parse(id.group());
  }

  private RootRequest await(RequestId id, java.util.function.Predicate<RootRequest> matching) {
    return Eventually.within(WAIT, () -> store.requests().find(id).filter(matching));
  }

  /** The top-level messages that are a card of request {@code id}. */
  private List<Message> cards(RequestId id) {
    return replicas.sandbox.slack.messages(INCIDENT_42).stream()
        .filter(m -> m.fromBot() && !m.isReply() && m.allText().contains("Root task request " + id.value()))
        .toList();
  }

  private List<Message> replies(Message card, String text) {
    return replicas.sandbox.slack.thread(INCIDENT_42, card.ts()).stream()
        .filter(m -> m.isReply() && m.allText().contains(text)).toList();
  }

  private void awaitReplies(Message card, String text, int count) {
    Eventually.within(Sandboxed.WAIT, () -> java.util.Optional.of(replies(card, text)).filter(r -> r.size() >= count));
    assertThat(replies(card, text)).hasSize(count);
  }
}
