package dev.rootbot.bot.store;

import dev.rootbot.bot.request.Briefing;
import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.bot.request.FleetTask;
import static dev.rootbot.bot.request.SampleRequests.ALICE;
import static dev.rootbot.bot.request.SampleRequests.BOB;
import static dev.rootbot.bot.request.SampleRequests.CAROL;
import static dev.rootbot.bot.request.SampleRequests.INCIDENTS;
import static dev.rootbot.bot.request.SampleRequests.NOON;
import static dev.rootbot.bot.request.SampleRequests.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.BucketName;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.RestoreBucketPolicy;
import dev.rootbot.bot.audit.Anchor;
import dev.rootbot.bot.audit.BreakKind;
import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.audit.ChainedEntry;
import dev.rootbot.bot.audit.Facts;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.Verdict;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.SampleRequests;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, run against SQLite and PostgreSQL by the two subclasses. Each test gets an
 * empty database of its own.
 */
abstract class StoreContract {
  static final Outcome DONE = new Outcome("Removed the bucket policy.",
      List.of(new Outcome.Step("s3:GetBucketPolicy", "read it"), new Outcome.Step("s3:DeleteBucketPolicy", "deleted")));
  static final Backup BACKUP = new Backup(Backup.Kind.BUCKET_POLICY, new AccountId("222222222222"),
      "payments-audit-logs", AwsRegion.US_EAST_1, policyOf(1));

  static final ReplicaId SENDER = new ReplicaId("replica-a");
  static final ReplicaId OTHER = new ReplicaId("replica-b");
  static final Duration LEASE = Duration.ofSeconds(30);

  final FakeClock clock = new FakeClock(NOON);
  Store store;

  /** A store on a fresh, empty database, opened with {@code connections} connections. */
  abstract Store openEmpty(FakeClock clock, int connections);

  /** Another store on the same database as the last {@link #openEmpty}: a second replica. */
  abstract Store openAgain(FakeClock clock, int connections);

  /** A plain connection to that database, bypassing the store. */
  abstract Connection rawConnection() throws SQLException;

  /**
   * Makes the database of the next {@link #openAgain} one that Rootbot 0.1 (schema version 1, before
   * migrations) wrote: {@code store/v1.db} or {@code store/v1-postgres.sql}, made with that release's code.
   * It holds a succeeded unlock of a bucket, a waiting delete of root credentials and a running unlock of a queue.
   */
  abstract void replaceWithVersion1Store() throws Exception;

  @BeforeEach
  void openStore() {
    store = openEmpty(clock, 4);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void a_filed_request_reads_back_equal_and_waits_for_approval() {
    var asked = new NewRequest(SampleRequests.UNLOCK, "prod-payments", ALICE,
        Origin.thread(INCIDENTS, new MessageTs("1712345678.000100")), SampleRequests.asked().reason(), TTL);

    RootRequest filed = store.requests().file(asked);

    assertThat(filed.id().value()).matches("r-[a-z2-7]{10}");
    assertThat(filed.state()).isEqualTo(State.REQUESTED);
    assertThat(filed.createdAt()).isEqualTo(NOON);
    assertThat(filed.expiresAt()).isEqualTo(NOON.plus(TTL));
    assertThat(store.requests().find(filed.id())).contains(filed);
  }

  @Test
  void a_fleet_audit_request_reads_back_equal_and_its_accounts_results_are_kept_as_they_complete() {
    var audit = new FleetTask.AuditFleet(new AccountId("111111111111"), FleetScope.ou("Production"));
    RootRequest filed = store.requests().fileCleared(new NewRequest(audit, "organization o-exampleorg1", ALICE,
        Origin.channel(INCIDENTS), Optional.empty(), TTL, Briefing.none(), Optional.empty(), Optional.of("audits"),
        Optional.empty()), Transition.admit(), Report.NOTHING);
    store.requests().claimNext(SENDER, Report.NOTHING).orElseThrow();

    store.fleet().read(filed.id(), new AccountId("333333333333"), "{\"n\":1}");
    store.fleet().read(filed.id(), new AccountId("222222222222"), "{\"n\":2}");
    store.fleet().read(filed.id(), new AccountId("222222222222"), "{\"n\":3}"); // a repeat keeps the first

    assertThat(store.requests().find(filed.id()).orElseThrow().work()).isEqualTo(audit);
    assertThat(store.fleet().of(filed.id())).extracting(r -> r.account().value() + "=" + r.result().orElseThrow())
        .containsExactly("222222222222={\"n\":2}", "333333333333={\"n\":1}");
    assertThat(store.fleet().of(filed.id())).allMatch(r -> r.done() && r.completedAt().isPresent());
    assertThat(store.fleet().progressMessage(filed.id())).isEmpty();
    store.fleet().progressPosted(filed.id(), new MessageTs("1712345678.000900"));
    assertThat(store.fleet().progressMessage(filed.id())).contains(new MessageTs("1712345678.000900"));
    assertThat(store.audit().verify(Optional.empty())).isInstanceOf(Verdict.Intact.class);
  }

  @Test
  void a_fleet_change_is_started_once_per_account_and_its_outcome_is_chained() {
    var enable = new FleetTask.EnableRootAccess(new AccountId("111111111111"), true);
    RootRequest filed = store.requests().file(new NewRequest(enable, "organization o-exampleorg1", ALICE,
        Origin.channel(INCIDENTS), Optional.empty(), TTL, Briefing.none(), Optional.empty(), Optional.empty(),
        Optional.empty()));
    AccountId member = new AccountId("333333333333");

    store.fleet().started(filed.id(), member, "deleting in prod-data");
    assertThatThrownBy(() -> store.fleet().started(filed.id(), member, "again")).isInstanceOf(StoreFailure.class);
    assertThat(store.fleet().of(filed.id())).singleElement().satisfies(row -> assertThat(row.done()).isFalse());
    store.fleet().changed(filed.id(), member, "{\"status\":\"DELETED\"}", "fleet deleted", "prod-data: deleted");

    assertThat(store.requests().find(filed.id()).orElseThrow().work()).isEqualTo(enable);
    assertThat(store.fleet().of(filed.id())).singleElement().satisfies(row -> assertThat(row.done()).isTrue());
    assertThat(store.audit().of(filed.id())).extracting(AuditEntry::event).contains("fleet start", "fleet deleted");
    assertThat(store.audit().of(filed.id())).extracting(AuditEntry::event).as("no card briefing, no preview entry")
        .doesNotContain("preview");
    assertThat(store.audit().verify(Optional.empty())).isInstanceOf(Verdict.Intact.class);
  }

  @Test
  void a_fleet_audit_whose_replica_is_gone_goes_back_to_the_runners_while_other_work_becomes_unknown() {
    var audit = new FleetTask.AuditFleet(new AccountId("111111111111"), FleetScope.all());
    RootRequest fleet = store.requests().fileCleared(new NewRequest(audit, "organization o-exampleorg1", ALICE,
        Origin.channel(INCIDENTS), Optional.empty(), TTL, Briefing.none(), Optional.empty(), Optional.of("audits"),
        Optional.empty()), Transition.admit(), Report.NOTHING);
    store.requests().claimNext(SENDER, Report.NOTHING).orElseThrow();
    store.replicas().stopped(SENDER);

    List<RootRequest> recovered = store.requests().recoverOrphans(LEASE, Duration.ofHours(1), Report.NOTHING);

    assertThat(recovered).extracting(RootRequest::id).containsExactly(fleet.id());
    assertThat(store.requests().find(fleet.id()).orElseThrow().state()).isEqualTo(State.APPROVED);
    assertThat(store.requests().claimNext(OTHER, Report.NOTHING)).isPresent();
    assertThat(store.audit().verify(Optional.empty())).isInstanceOf(Verdict.Intact.class);
  }

  @Test
  void a_request_that_went_all_the_way_reads_back_with_every_field() {
    RootRequest filed = store.requests().file(SampleRequests.asked());
    store.requests().cardPosted(filed.id(), new MessageTs("1712345678.000200"));
    clock.advance(Duration.ofMinutes(2));
    store.requests().move(filed.id(), Transition.approve(BOB));
    clock.advance(Duration.ofSeconds(1));
    store.requests().move(filed.id(), Transition.start());
    store.requests().sessionStarted(filed.id(), "ASIAROOTSESSION0001");
    store.requests().keepBackup(filed.id(), BACKUP);
    clock.advance(Duration.ofSeconds(5));

    RootRequest done = store.requests().move(filed.id(), Transition.succeed(DONE)).orElseThrow();

    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.card()).contains(new MessageTs("1712345678.000200"));
    assertThat(done.approver()).contains(BOB);
    assertThat(done.decidedAt()).contains(NOON.plusSeconds(120));
    assertThat(done.startedAt()).contains(NOON.plusSeconds(121));
    assertThat(done.finishedAt()).contains(NOON.plusSeconds(126));
    assertThat(done.accessKeyId()).contains("ASIAROOTSESSION0001");
    assertThat(done.backup()).contains(BACKUP);
    assertThat(done.outcome()).contains(DONE);
    assertThat(store.requests().find(filed.id())).contains(done);
  }

  @Test
  void a_move_happens_only_from_the_state_its_action_starts_from() {
    RootRequest filed = store.requests().file(SampleRequests.asked());

    assertThat(store.requests().move(filed.id(), Transition.start())).isEmpty();
    assertThat(store.requests().move(filed.id(), Transition.approve(BOB))).isPresent();
    assertThat(store.requests().move(filed.id(), Transition.approve(CAROL))).isEmpty();
    assertThat(store.requests().move(filed.id(), Transition.deny(CAROL, dev.rootbot.bot.request.Outcome.of("not during the freeze")))).isEmpty();
    assertThat(store.requests().move(new RequestId("r-nosuchreqq"), Transition.approve(BOB))).isEmpty();
    assertThat(store.requests().find(filed.id()).orElseThrow().decidedBy()).contains(BOB);
  }

  @Test
  void twenty_approvers_clicking_at_once_approve_a_request_exactly_once() throws Exception {
    RootRequest filed = store.requests().file(SampleRequests.asked());
    // Two replicas on one database, ten connections each: the database, not a lock in Java, must decide.
    try (Store replicaA = openAgain(clock, 10); Store replicaB = openAgain(clock, 10)) {
      ExecutorService clickers = Executors.newFixedThreadPool(20);
      var ready = new CountDownLatch(20);
      var go = new CountDownLatch(1);
      var clicks = new ArrayList<Future<Optional<RootRequest>>>();
      for (int i = 0; i < 20; i++) {
        Store replica = i % 2 == 0 ? replicaA : replicaB;
        UserId approver = new UserId(String.format("U0APPROVER%02d", i));
        clicks.add(clickers.submit(() -> {
          ready.countDown();
          go.await();
          return replica.requests().move(filed.id(), Transition.approve(approver));
        }));
      }
      ready.await(10, TimeUnit.SECONDS);
      go.countDown();
      var winners = new ArrayList<RootRequest>();
      for (Future<Optional<RootRequest>> click : clicks) {
        click.get(60, TimeUnit.SECONDS).ifPresent(winners::add);
      }
      clickers.shutdown();

      assertThat(winners).hasSize(1);
      RootRequest stored = store.requests().find(filed.id()).orElseThrow();
      assertThat(stored.state()).isEqualTo(State.APPROVED);
      assertThat(stored.decidedBy()).isEqualTo(winners.get(0).decidedBy());
      assertThat(store.audit().of(filed.id())).filteredOn(e -> e.event().equals("approve")).hasSize(1);
    }
  }

  @Test
  void open_requests_are_those_waiting_approved_or_running_oldest_first() {
    RootRequest running = fileAndMove(Transition.approve(BOB), Transition.start());
    RootRequest approved = fileAndMove(Transition.approve(BOB));
    RootRequest waiting = fileAndMove();
    fileAndMove(Transition.deny(BOB, dev.rootbot.bot.request.Outcome.of("not during the freeze")));
    fileAndMove(Transition.approve(BOB), Transition.start(), Transition.fail(DONE));

    assertThat(store.requests().open()).extracting(RootRequest::id)
        .containsExactly(running.id(), approved.id(), waiting.id());
  }

  @Test
  void every_move_is_in_the_audit_log_with_who_when_and_what() {
    RootRequest filed = store.requests().file(SampleRequests.asked());
    clock.advance(Duration.ofMinutes(1));
    store.requests().move(filed.id(), Transition.approve(BOB));
    store.requests().move(filed.id(), Transition.start());
    store.requests().sessionStarted(filed.id(), "ASIAROOTSESSION0001");
    store.requests().keepBackup(filed.id(), BACKUP);
    store.requests().move(filed.id(), Transition.succeed(DONE));

    List<AuditEntry> log = store.audit().of(filed.id());

    assertThat(log).extracting(AuditEntry::event)
        .containsExactly("request", "approve", "start", "session", "backup", "succeed");
    assertThat(log).extracting(AuditEntry::actor)
        .containsExactly("U0ALICE", "U0BOB", "rootbot", "rootbot", "rootbot", "rootbot");
    assertThat(log.get(0).at()).isEqualTo(NOON);
    assertThat(log.get(1).at()).isEqualTo(NOON.plusSeconds(60));
    assertThat(log.get(0).detail()).contains("unlock bucket payments-audit-logs in prod-payments (222222222222)")
        .contains("because INC-42 locked us out");
    assertThat(log.get(1).detail()).isEqualTo("REQUESTED → APPROVED");
    assertThat(log.get(3).detail()).contains("ASIAROOTSESSION0001");
    assertThat(log.get(5).detail()).isEqualTo("RUNNING → SUCCEEDED: Removed the bucket policy.");
    assertThat(log).extracting(AuditEntry::seq).isSorted();
  }

  @Test
  void a_refusal_is_in_the_audit_log_with_who_tried_what_and_why() {
    RootRequest filed = store.requests().file(SampleRequests.asked());

    store.audit().refused(Optional.of(filed.id()), ALICE, "approve", "you asked for this");
    store.audit().refused(Optional.empty(), CAROL, "request", "guests cannot ask");

    assertThat(store.audit().of(filed.id())).last()
        .extracting(AuditEntry::actor, AuditEntry::event, AuditEntry::detail)
        .containsExactly("U0ALICE", "refused approve", "you asked for this");
    assertThat(store.audit().latest(1)).singleElement()
        .extracting(AuditEntry::request, AuditEntry::event).containsExactly(Optional.empty(), "refused request");
  }

  @Test
  void the_database_refuses_to_change_or_delete_the_audit_log() throws SQLException {
    RootRequest filed = store.requests().file(SampleRequests.asked());
    List<AuditEntry> before = store.audit().of(filed.id());

    try (Connection raw = rawConnection(); Statement sql = raw.createStatement()) {
      assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_log SET actor = 'U0MALLORY'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
      assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }
    assertThat(store.audit().of(filed.id())).isEqualTo(before);
  }

  @Test
  void a_backup_is_kept_whole_whatever_its_size_and_gives_the_restore_task() {
    RootRequest running = fileAndMove(Transition.approve(BOB), Transition.start());
    var big = new Backup(Backup.Kind.BUCKET_POLICY, new AccountId("222222222222"), "payments-audit-logs",
        AwsRegion.US_EAST_1, policyOf(4_000));
    assertThat(big.policy().sizeInBytes()).isGreaterThan(300_000);

    store.requests().keepBackup(running.id(), big);

    Backup stored = store.requests().find(running.id()).flatMap(RootRequest::backup).orElseThrow();
    assertThat(stored.policy().json()).isEqualTo(big.policy().json());
    assertThat(stored).isEqualTo(big);
    assertThat(new Backup(Backup.Kind.BUCKET_POLICY, BACKUP.account(), BACKUP.resource(), BACKUP.region(),
        BACKUP.policy()).restoreTask()).isEqualTo(new RestoreBucketPolicy(new AccountId("222222222222"),
        BucketName.of("payments-audit-logs"), AwsRegion.US_EAST_1, BACKUP.policy()));
  }

  @Test
  void a_backup_is_refused_unless_the_request_is_running_and_has_none_yet() {
    RootRequest waiting = fileAndMove();
    RootRequest running = fileAndMove(Transition.approve(BOB), Transition.start());
    store.requests().keepBackup(running.id(), BACKUP);
    var other = new Backup(Backup.Kind.BUCKET_POLICY, BACKUP.account(), "other-bucket", BACKUP.region(), policyOf(2));

    assertThatThrownBy(() -> store.requests().keepBackup(waiting.id(), BACKUP))
        .isInstanceOf(StoreFailure.class).hasMessageContaining("is waiting for approval, not running");
    assertThatThrownBy(() -> store.requests().keepBackup(running.id(), other))
        .isInstanceOf(StoreFailure.class).hasMessageContaining("already keeps a backup");
    assertThatThrownBy(() -> store.requests().keepBackup(new RequestId("r-nosuchreqq"), BACKUP))
        .isInstanceOf(StoreFailure.class).hasMessageContaining("there is no request r-nosuchreqq");
    assertThat(store.requests().find(waiting.id()).orElseThrow().backup()).isEmpty();
    assertThat(store.requests().find(running.id()).orElseThrow().backup()).contains(BACKUP);
  }

  @Test
  void the_session_key_is_recorded_only_while_running() {
    RootRequest approved = fileAndMove(Transition.approve(BOB));

    assertThatThrownBy(() -> store.requests().sessionStarted(approved.id(), "ASIAROOTSESSION0001"))
        .isInstanceOf(StoreFailure.class).hasMessageContaining("not running");
    store.requests().move(approved.id(), Transition.start());
    store.requests().sessionStarted(approved.id(), "ASIAROOTSESSION0001");

    assertThat(store.requests().find(approved.id()).orElseThrow().accessKeyId()).contains("ASIAROOTSESSION0001");
  }

  @Test
  void due_requests_expire_once_and_come_back_to_update_their_cards() {
    RootRequest early = fileAndMove();
    clock.advance(Duration.ofMinutes(10));
    RootRequest late = fileAndMove();
    clock.advance(TTL.minusMinutes(10));

    List<RootRequest> expired = store.requests().expireDue(after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, "")));

    assertThat(expired).extracting(RootRequest::id).containsExactly(early.id());
    assertThat(expired.get(0).state()).isEqualTo(State.EXPIRED);
    assertThat(expired.get(0).finishedAt()).contains(clock.instant());
    assertThat(store.requests().find(late.id()).orElseThrow().state()).isEqualTo(State.REQUESTED);
    assertThat(store.requests().expireDue()).isEmpty();
    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(Delivery::request)
        .containsExactly(early.id());
  }

  @Test
  void a_runner_claims_the_longest_approved_request_and_owns_it() {
    RootRequest first = fileAndMove(Transition.approve(BOB));
    RootRequest second = fileAndMove(Transition.approve(CAROL));
    fileAndMove(); // waiting for approval: not for runners

    assertThat(store.requests().anyApproved()).isTrue();
    assertThat(store.requests().approvedAhead(second.id())).isEqualTo(1);
    RootRequest claimed = store.requests().claimNext(SENDER,
        after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, "running"))).orElseThrow();

    assertThat(claimed.id()).isEqualTo(first.id());
    assertThat(claimed.state()).isEqualTo(State.RUNNING);
    assertThat(claimed.startedAt()).contains(clock.instant());
    assertThat(store.requests().approvedAhead(second.id())).isZero();
    assertThat(store.audit().of(first.id())).extracting(AuditEntry::event).containsExactly("request", "approve", "start");
    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(d -> d.message().body())
        .containsExactly("running");
    assertThat(store.requests().claimNext(OTHER, Report.NOTHING).map(RootRequest::id)).contains(second.id());
    assertThat(store.requests().claimNext(OTHER, Report.NOTHING)).isEmpty();
    assertThat(store.requests().anyApproved()).isFalse();
  }

  @Test
  void runners_claiming_at_once_never_claim_the_same_request() throws Exception {
    List<RootRequest> approved = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      approved.add(fileAndMove(Transition.approve(BOB)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try (Store otherReplica = openAgain(clock, 3)) {
      List<Future<List<RequestId>>> claims = new ArrayList<>();
      CountDownLatch go = new CountDownLatch(1);
      for (int t = 0; t < 6; t++) {
        Store by = t % 2 == 0 ? store : otherReplica;
        ReplicaId runner = new ReplicaId("runner-" + t);
        claims.add(pool.submit(() -> {
          go.await();
          List<RequestId> mine = new ArrayList<>();
          Optional<RootRequest> next;
          while ((next = by.requests().claimNext(runner, Report.NOTHING)).isPresent()) {
            mine.add(next.get().id());
          }
          return mine;
        }));
      }
      go.countDown();
      List<RequestId> all = new ArrayList<>();
      for (Future<List<RequestId>> claim : claims) {
        all.addAll(claim.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
          approved.stream().map(RootRequest::id).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_running_request_is_left_alone_while_its_replica_is_alive_and_unknown_once_it_is_gone() {
    store.replicas().heartbeat(SENDER);
    fileAndMove(Transition.approve(BOB));
    RootRequest running = store.requests().claimNext(SENDER, Report.NOTHING).orElseThrow();
    store.requests().sessionStarted(running.id(), "ASIAROOTSESSION0001");

    clock.advance(Duration.ofSeconds(20));
    store.replicas().heartbeat(SENDER);
    clock.advance(Duration.ofSeconds(25));
    assertThat(store.requests().recoverOrphans(LEASE, Duration.ofMinutes(30), Report.NOTHING)).isEmpty();

    clock.advance(Duration.ofSeconds(6)); // 31 s since the last heartbeat
    List<RootRequest> recovered = store.requests().recoverOrphans(LEASE, Duration.ofMinutes(30),
        after -> List.of(new Outgoing(Outgoing.Kind.THREAD_REPLY, "unknown")));

    assertThat(recovered).extracting(RootRequest::id).containsExactly(running.id());
    RootRequest unknown = store.requests().find(running.id()).orElseThrow();
    assertThat(unknown.state()).isEqualTo(State.UNKNOWN);
    assertThat(unknown.outcome().orElseThrow().text()).contains("will not be run again").contains("ASIAROOTSESSION0001");
    assertThat(store.requests().claimNext(OTHER, Report.NOTHING)).isEmpty(); // never re-run
  }

  @Test
  void a_replica_that_says_it_stopped_is_gone_at_once() {
    store.replicas().heartbeat(SENDER);
    fileAndMove(Transition.approve(BOB));
    RootRequest running = store.requests().claimNext(SENDER, Report.NOTHING).orElseThrow();

    store.replicas().stopped(SENDER);

    assertThat(store.requests().recoverOrphans(LEASE, Duration.ofMinutes(30), Report.NOTHING))
        .extracting(RootRequest::id).containsExactly(running.id());
  }

  @Test
  void an_approval_no_runner_took_in_time_fails_having_done_nothing() {
    RootRequest approved = fileAndMove(Transition.approve(BOB));
    RootRequest waiting = fileAndMove();

    assertThat(store.requests().recoverOrphans(LEASE, Duration.ofMinutes(30), Report.NOTHING)).isEmpty();
    clock.advance(Duration.ofMinutes(30));
    List<RootRequest> recovered = store.requests().recoverOrphans(LEASE, Duration.ofMinutes(30), Report.NOTHING);

    assertThat(recovered).extracting(RootRequest::id, RootRequest::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(approved.id(), State.FAILED));
    assertThat(recovered.get(0).outcome().orElseThrow().text()).contains("nothing was done in AWS");
    assertThat(store.requests().find(waiting.id()).orElseThrow().state()).isEqualTo(State.REQUESTED);
  }

  @Test
  void a_runner_stores_its_outcome_even_after_its_request_was_wrongly_declared_unknown() {
    store.replicas().heartbeat(SENDER);
    fileAndMove(Transition.approve(BOB));
    RootRequest running = store.requests().claimNext(SENDER, Report.NOTHING).orElseThrow();
    clock.advance(Duration.ofMinutes(1)); // silent for longer than a lease, yet still working
    store.requests().recoverOrphans(LEASE, Duration.ofMinutes(30), Report.NOTHING);

    Requests.Finish refusedToOthers = store.requests().finish(running.id(), OTHER, Transition.succeed(DONE),
        Report.NOTHING);
    Requests.Finish late = store.requests().finish(running.id(), SENDER, Transition.succeed(DONE),
        after -> List.of(new Outgoing(Outgoing.Kind.THREAD_REPLY, "the real outcome")));

    assertThat(refusedToOthers.kind()).isEqualTo(Requests.Finish.Kind.REFUSED);
    assertThat(late.kind()).isEqualTo(Requests.Finish.Kind.LATE);
    assertThat(late.request().state()).isEqualTo(State.SUCCEEDED);
    assertThat(late.request().outcome()).contains(DONE);
    assertThat(store.audit().of(running.id())).extracting(AuditEntry::event)
        .containsExactly("request", "approve", "start", "interrupt", "outcome refused", "late_succeed");
  }

  @Test
  void an_outcome_that_cannot_be_stored_is_still_audited_and_told() {
    RootRequest denied = fileAndMove(Transition.deny(CAROL, dev.rootbot.bot.request.Outcome.of("not during the freeze")));

    Requests.Finish finish = store.requests().finish(denied.id(), SENDER, Transition.fail(DONE),
        after -> List.of(new Outgoing(Outgoing.Kind.THREAD_REPLY, "what really happened")));

    assertThat(finish.kind()).isEqualTo(Requests.Finish.Kind.REFUSED);
    assertThat(store.requests().find(denied.id()).orElseThrow().state()).isEqualTo(State.DENIED);
    assertThat(store.audit().of(denied.id())).last().extracting(AuditEntry::event).isEqualTo("outcome refused");
    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(d -> d.message().body())
        .contains("what really happened");
  }

  @Test
  void a_finished_session_waits_for_its_cloudtrail_confirmation_until_confirmed() {
    store.replicas().heartbeat(SENDER);
    fileAndMove(Transition.approve(BOB));
    RootRequest running = store.requests().claimNext(SENDER, Report.NOTHING).orElseThrow();
    store.requests().sessionStarted(running.id(), "ASIAROOTSESSION0001");
    Instant started = store.requests().find(running.id()).orElseThrow().startedAt().orElseThrow();
    clock.advance(Duration.ofSeconds(3));
    store.requests().finish(running.id(), SENDER, Transition.succeed(DONE), Report.NOTHING);

    List<Requests.TrailWait> due = store.requests().trailDue(10);
    assertThat(due).containsExactly(new Requests.TrailWait(running.id(), "ASIAROOTSESSION0001", started,
        clock.instant()));
    store.requests().trailRetryAt(running.id(), clock.instant().plusSeconds(10));
    assertThat(store.requests().trailDue(10)).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    store.requests().trailConfirmed(running.id(), "event-1", new Outgoing(Outgoing.Kind.THREAD_REPLY, "confirmed"));
    store.requests().trailConfirmed(running.id(), "event-1", new Outgoing(Outgoing.Kind.THREAD_REPLY, "twice"));

    assertThat(store.requests().trailDue(10)).isEmpty();
    assertThat(store.audit().of(running.id())).last().extracting(AuditEntry::event, AuditEntry::detail)
        .containsExactly("trail confirmed", "CloudTrail delivered the AssumeRoot event event-1");
    assertThat(store.audit().chainOf(running.id())).last().extracting(e -> e.record().facts().json()).isEqualTo(
        "{\"trail_events\":[{\"access_key_id\":\"ASIAROOTSESSION0001\",\"event_id\":\"event-1\"}]}");
    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(d -> d.message().body())
        .containsExactly("confirmed");
  }

  @Test
  void a_periodic_job_runs_on_one_replica_at_a_time_and_moves_when_its_holder_is_gone() {
    assertThat(store.replicas().acquireJob("expiry", SENDER, Duration.ofSeconds(15))).isTrue();
    try (Store otherReplica = openAgain(clock, 1)) {
      assertThat(otherReplica.replicas().acquireJob("expiry", OTHER, Duration.ofSeconds(15))).isFalse();
      assertThat(otherReplica.replicas().acquireJob("trail", OTHER, Duration.ofSeconds(5))).isTrue();
      assertThat(store.replicas().acquireJob("expiry", SENDER, Duration.ofSeconds(15))).isTrue(); // the holder again

      clock.advance(Duration.ofSeconds(15));
      assertThat(otherReplica.replicas().acquireJob("expiry", OTHER, Duration.ofSeconds(15))).isTrue();
      assertThat(store.replicas().acquireJob("expiry", SENDER, Duration.ofSeconds(15))).isFalse();

      otherReplica.replicas().stopped(OTHER);
      assertThat(store.replicas().acquireJob("expiry", SENDER, Duration.ofSeconds(15))).isTrue();
    }
  }

  @Test
  void messages_reported_with_a_move_are_stored_in_the_same_transaction() {
    RootRequest filed = store.requests().file(SampleRequests.asked(),
        request -> List.of(new Outgoing(Outgoing.Kind.POST_CARD, "card for " + request.id())));

    assertThatThrownBy(() -> store.requests().move(filed.id(), Transition.approve(BOB), request -> {
      throw new IllegalStateException("the card could not be rendered");
    })).hasMessageContaining("could not be rendered");

    assertThat(store.requests().find(filed.id()).orElseThrow().state()).isEqualTo(State.REQUESTED);
    assertThat(store.audit().of(filed.id())).extracting(AuditEntry::event).containsExactly("request");
    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).singleElement()
        .extracting(d -> d.message().body()).isEqualTo("card for " + filed.id());
  }

  @Test
  void messages_about_one_request_go_out_in_order_and_others_are_not_held_up() {
    RootRequest first = fileAndMove();
    RootRequest second = fileAndMove();
    long card = store.outbox().enqueue(first.id(), new Outgoing(Outgoing.Kind.POST_CARD, "card"));
    long reply = store.outbox().enqueue(first.id(), new Outgoing(Outgoing.Kind.THREAD_REPLY, "reply"));
    long other = store.outbox().enqueue(second.id(), new Outgoing(Outgoing.Kind.POST_CARD, "other card"));

    List<Delivery> due = store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1));
    assertThat(due).extracting(Delivery::id).containsExactly(card, other);
    assertThat(due.get(0).attempts()).isEqualTo(1);
    assertThat(due.get(0).enqueuedAt()).isEqualTo(clock.instant());
    store.outbox().delivered(card);
    store.outbox().delivered(other);

    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(Delivery::id).containsExactly(reply);
    store.outbox().delivered(reply);
    assertThat(store.outbox().pending()).isZero();
  }

  @Test
  void a_failed_message_waits_until_its_retry_time_and_holds_back_the_next_one() {
    RootRequest request = fileAndMove();
    long card = store.outbox().enqueue(request.id(), new Outgoing(Outgoing.Kind.POST_CARD, "card"));
    long reply = store.outbox().enqueue(request.id(), new Outgoing(Outgoing.Kind.THREAD_REPLY, "reply"));
    store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1));

    store.outbox().retryAt(card, NOON.plusSeconds(30), "rate limited, Retry-After: 30");

    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    List<Delivery> again = store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1));
    assertThat(again).extracting(Delivery::id, Delivery::attempts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(card, 2));
    assertThat(store.outbox().pending()).isEqualTo(2);
    assertThat(reply).isGreaterThan(card);
  }

  @Test
  void a_claimed_message_is_not_claimed_again_until_its_lease_runs_out() {
    RootRequest request = fileAndMove();
    long card = store.outbox().enqueue(request.id(), new Outgoing(Outgoing.Kind.POST_CARD, "card"));
    try (Store otherReplica = openAgain(clock, 2)) {
      assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(Delivery::id).containsExactly(card);
      assertThat(otherReplica.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).isEmpty();

      clock.advance(Duration.ofMinutes(1));
      assertThat(otherReplica.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(Delivery::attempts)
          .containsExactly(2);
    }
  }

  @Test
  void the_claims_of_a_gone_replica_are_released_and_a_live_one_keeps_its_own() {
    store.replicas().heartbeat(SENDER);
    store.replicas().heartbeat(OTHER);
    RootRequest first = fileAndMove();
    RootRequest second = fileAndMove();
    long mine = store.outbox().enqueue(first.id(), new Outgoing(Outgoing.Kind.POST_CARD, "card"));
    store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1));
    long theirs = store.outbox().enqueue(second.id(), new Outgoing(Outgoing.Kind.POST_CARD, "other card"));
    store.outbox().claimDue(OTHER, 10, Duration.ofMinutes(1));

    assertThat(store.outbox().releaseClaimsOfGone(LEASE)).isZero(); // both alive
    store.replicas().stopped(OTHER);
    assertThat(store.outbox().releaseClaimsOfGone(LEASE)).isEqualTo(1);

    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(Delivery::id, Delivery::attempts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(theirs, 2));
    assertThat(mine).isLessThan(theirs);
  }

  @Test
  void giving_up_on_a_message_lets_the_next_one_go_and_is_audited() {
    RootRequest request = fileAndMove();
    long card = store.outbox().enqueue(request.id(), new Outgoing(Outgoing.Kind.POST_CARD, "card"));
    long reply = store.outbox().enqueue(request.id(), new Outgoing(Outgoing.Kind.THREAD_REPLY, "reply"));
    store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1));

    store.outbox().giveUp(card, "channel_not_found");
    store.outbox().delivered(card); // too late: stays given up

    assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(Delivery::id).containsExactly(reply);
    assertThat(store.audit().of(request.id())).last().extracting(AuditEntry::event, AuditEntry::detail)
        .containsExactly("message dropped", "POST_CARD #" + card + " not sent: channel_not_found");
  }

  @Test
  void every_entry_follows_the_one_before_and_an_untouched_store_verifies() {
    RootRequest done = finishedUnlock();
    store.audit().refused(Optional.of(done.id()), ALICE, "approve", "you asked for this");
    fileAndMove(Transition.deny(BOB, Outcome.of("not during the freeze")));

    List<ChainedEntry> chain = store.audit().read(entries -> {
      var all = new ArrayList<ChainedEntry>();
      entries.forEachRemaining(all::add);
      return all;
    });
    Head head = store.audit().head();

    assertThat(chain).extracting(ChainedEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    for (int i = 0; i < chain.size(); i++) {
      assertThat(chain.get(i).intact()).as("entry %d", i + 1).isTrue();
      assertThat(chain.get(i).prev()).isEqualTo(i == 0 ? Chain.GENESIS : chain.get(i - 1).hash());
    }
    assertThat(head).isEqualTo(chain.get(8).head());
    assertThat(store.audit().verify(Optional.empty())).isEqualTo(new Verdict.Intact(9, head.hash()));
    assertThat(store.audit().verify(Optional.of(head.anchor()))).isInstanceOf(Verdict.Intact.class);
    assertThat(store.audit().verify(Optional.of(new Anchor(chain.get(2).hash(), 4))))
        .isInstanceOfSatisfying(Verdict.Broken.class, b -> assertThat(b.kind()).isEqualTo(BreakKind.REWRITTEN));
    assertThat(store.audit().verify(Optional.of(new Anchor(head.hash(), 10))))
        .isInstanceOfSatisfying(Verdict.Broken.class, b -> assertThat(b.kind()).isEqualTo(BreakKind.MISSING));
  }

  @Test
  void each_entry_carries_the_facts_it_establishes_about_its_request() {
    RootRequest done = finishedUnlock();

    List<String> facts = store.audit().chainOf(done.id()).stream().map(e -> e.record().event() + " "
        + e.record().facts().json()).toList();

    String task = "sha256:" + sha256(StoredJson.task(SampleRequests.UNLOCK));
    assertThat(facts).containsExactly(
        "request {\"account\":\"222222222222\",\"reason\":\"INC-42 locked us out\",\"requester\":\"U0ALICE\","
            + "\"state\":\"REQUESTED\",\"task\":\"" + task + "\"}",
        "approve {\"decided_by\":\"U0BOB\",\"from\":\"REQUESTED\",\"state\":\"APPROVED\"}",
        "start {\"from\":\"APPROVED\",\"state\":\"RUNNING\"}",
        "session {\"access_key_id\":\"ASIAROOTSESSION0001\"}",
        "backup {\"backup\":\"sha256:" + sha256(StoredJson.backup(BACKUP)) + "\"}",
        "succeed {\"from\":\"RUNNING\",\"outcome\":\"sha256:" + sha256(StoredJson.outcome(DONE))
            + "\",\"state\":\"SUCCEEDED\"}");
  }

  @Test
  void appends_from_two_replicas_at_once_make_one_chain() throws Exception {
    RootRequest filed = store.requests().file(SampleRequests.asked());
    try (Store replicaA = openAgain(clock, 4); Store replicaB = openAgain(clock, 4)) {
      ExecutorService writers = Executors.newFixedThreadPool(4);
      var go = new CountDownLatch(1);
      var done = new ArrayList<Future<?>>();
      for (Store replica : List.of(replicaA, replicaB, replicaA, replicaB)) {
        done.add(writers.submit(() -> {
          go.await();
          for (int i = 0; i < 10; i++) {
            replica.audit().refused(Optional.of(filed.id()), CAROL, "approve", "not an approver");
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> writer : done) {
        writer.get(60, TimeUnit.SECONDS);
      }
      writers.shutdown();
    }

    assertThat(store.audit().verify(Optional.empty())).isEqualTo(new Verdict.Intact(41, store.audit().head().hash()));
  }

  @Test
  void expiring_many_requests_while_people_click_on_them_keeps_one_chain_and_never_deadlocks() throws Exception {
    var filed = new ArrayList<RootRequest>();
    for (int i = 0; i < 20; i++) {
      filed.add(store.requests().file(SampleRequests.asked()));
    }
    clock.advance(TTL.minusMillis(1)); // clicks still count; then the sweep expires whatever is left
    try (Store replica = openAgain(clock, 4)) {
      ExecutorService clickers = Executors.newFixedThreadPool(5);
      var go = new CountDownLatch(1);
      var done = new ArrayList<Future<?>>();
      done.add(clickers.submit(() -> {
        go.await();
        clock.advance(Duration.ofMillis(1));
        return store.requests().expireDue();
      }));
      for (int c = 0; c < 4; c++) {
        int offset = c;
        done.add(clickers.submit(() -> {
          go.await();
          for (int i = filed.size() - 1 - offset; i >= 0; i -= 4) { // in the sweep's opposite order
            replica.requests().move(filed.get(i).id(), Transition.approve(BOB));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> each : done) {
        each.get(60, TimeUnit.SECONDS); // a deadlock would surface here as a StoreFailure
      }
      clickers.shutdown();
    }

    for (RootRequest request : filed) {
      assertThat(store.requests().find(request.id()).orElseThrow().state()).isIn(State.APPROVED, State.EXPIRED);
    }
    assertThat(store.audit().verify(Optional.empty())).isEqualTo(new Verdict.Intact(40, store.audit().head().hash()));
  }

  @Test
  void a_heartbeat_gets_through_while_every_shared_connection_is_busy() throws Exception {
    try (Store one = openAgain(clock, 1)) {
      var reading = new CountDownLatch(1);
      var release = new CountDownLatch(1);
      ExecutorService reader = Executors.newSingleThreadExecutor();
      Future<?> read = reader.submit(() -> one.audit().read(entries -> {
        reading.countDown();
        try {
          return release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }));
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue(); // the store's only shared connection is taken

      ExecutorService beat = Executors.newSingleThreadExecutor();
      Future<?> heartbeat = beat.submit(() -> one.replicas().heartbeat(SENDER));
      heartbeat.get(5, TimeUnit.SECONDS); // not the 30 s a shared connection would take to be free

      release.countDown();
      read.get(10, TimeUnit.SECONDS);
      reader.shutdown();
      beat.shutdown();
    }
    try (Connection raw = rawConnection(); Statement sql = raw.createStatement();
        var row = sql.executeQuery("SELECT count(*) FROM replicas WHERE id = '" + SENDER.value() + "'")) {
      row.next();
      assertThat(row.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void a_request_row_changed_outside_rootbot_is_found() throws SQLException {
    RootRequest done = finishedUnlock();
    try (Connection raw = rawConnection(); Statement sql = raw.createStatement()) {
      sql.executeUpdate("UPDATE requests SET decided_by = 'U0MALLORY' WHERE id = '" + done.id() + "'");
    }

    Verdict verdict = store.audit().verify(Optional.empty());

    assertThat(verdict).isInstanceOfSatisfying(Verdict.Broken.class, broken -> {
      assertThat(broken.kind()).isEqualTo(BreakKind.REQUEST_DIFFERS);
      assertThat(broken.seq()).isEqualTo(2); // the approve entry that set decided_by
      assertThat(broken.explanation()).contains("U0MALLORY", "U0BOB");
    });
  }

  /** Filed, approved, run with a session and a backup, succeeded: six entries. */
  private RootRequest finishedUnlock() {
    RootRequest filed = store.requests().file(SampleRequests.asked());
    store.requests().move(filed.id(), Transition.approve(BOB));
    store.requests().move(filed.id(), Transition.start());
    store.requests().sessionStarted(filed.id(), "ASIAROOTSESSION0001");
    store.requests().keepBackup(filed.id(), BACKUP);
    clock.advance(Duration.ofSeconds(1));
    return store.requests().move(filed.id(), Transition.succeed(DONE)).orElseThrow();
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void a_slack_event_is_new_only_the_first_time_until_it_is_forgotten() {
    assertThat(store.events().firstSighting("Ev0PV52K21")).isTrue();
    assertThat(store.events().firstSighting("Ev0PV52K21")).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(store.events().firstSighting("Ev0PV52K22")).isTrue();

    assertThat(store.events().forgetBefore(NOON.plusSeconds(60))).isEqualTo(1);

    assertThat(store.events().firstSighting("Ev0PV52K21")).isTrue();
    assertThat(store.events().firstSighting("Ev0PV52K22")).isFalse();
  }

  @Test
  void opening_again_keeps_everything_and_creates_nothing_twice() {
    RootRequest filed = store.requests().file(SampleRequests.asked());

    try (Store reopened = openAgain(clock, 1)) {
      assertThat(reopened.requests().find(filed.id())).contains(filed);
      assertThat(reopened.audit().of(filed.id())).hasSize(1);
    }
  }

  @Test
  void a_version_1_store_is_upgraded_in_place_and_keeps_everything() throws Exception {
    store.close();
    replaceWithVersion1Store();

    store = openAgain(clock, 2);

    RootRequest done = store.requests().find(idInState("SUCCEEDED")).orElseThrow();
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.rootTask()).contains(SampleRequests.UNLOCK);
    assertThat(done.card()).contains(new MessageTs("1700000000.000100"));
    assertThat(done.accessKeyId()).contains("ASIAV1SESSIONKEY0001");
    assertThat(done.backup().orElseThrow().policy().json()).contains("DenyEveryone");
    assertThat(done.outcome().orElseThrow().text()).isEqualTo("Removed the bucket policy.");
    assertThat(store.requests().open()).extracting(RootRequest::id).containsExactly(idInState("REQUESTED"),
        idInState("RUNNING"));
    assertThat(store.audit().of(done.id())).extracting(AuditEntry::event)
        .containsExactly("request", "approve", "start", "session", "backup", "succeed", "sealed");
    // The 11 entries of 0.1 are chained as they were, and each of the three requests is sealed with its row's facts.
    assertThat(store.audit().latest(100)).hasSize(14).extracting(AuditEntry::seq)
        .isSortedAccordingTo(java.util.Comparator.reverseOrder()).contains(1L, 14L);
    assertThat(store.audit().chainOf(done.id())).last().satisfies(sealed -> {
      assertThat(sealed.record().actor()).isEqualTo("rootbot");
      assertThat(sealed.record().facts().text("decided_by")).contains("U0BOB0000");
      assertThat(sealed.record().facts().text("access_key_id")).contains("ASIAV1SESSIONKEY0001");
      assertThat(sealed.record().facts().text("state")).contains("SUCCEEDED");
    });
    assertThat(store.audit().chainOf(done.id()).get(1).record().facts()).isEqualTo(Facts.NONE);
    assertThat(store.audit().verify(Optional.empty())).isEqualTo(new Verdict.Intact(14, store.audit().head().hash()));

    // New rows continue the old ones, and the upgraded chain verifies with them.
    RootRequest filed = store.requests().file(SampleRequests.asked());
    assertThat(store.audit().latest(1).get(0).seq()).isEqualTo(15);
    store.requests().move(idInState("RUNNING"), Transition.interrupt(DONE));
    assertThat(store.audit().verify(Optional.empty())).isInstanceOf(Verdict.Intact.class);
    assertThat(store.requests().find(filed.id())).contains(filed);
    try (Connection raw = rawConnection(); Statement sql = raw.createStatement();
        var version = sql.executeQuery("SELECT max(version) FROM rootbot_schema")) {
      version.next();
      assertThat(version.getInt(1)).isEqualTo(Schema.VERSION);
    }
    try (Store again = openAgain(clock, 1)) {
      assertThat(again.requests().find(filed.id())).contains(filed); // and a second start changes nothing
    }
  }

  @Test
  void a_store_written_by_a_newer_rootbot_is_refused() throws SQLException {
    try (Connection raw = rawConnection(); Statement sql = raw.createStatement()) {
      sql.executeUpdate("INSERT INTO rootbot_schema (version) VALUES (" + (Schema.VERSION + 1) + ")");
    }

    assertThatThrownBy(() -> openAgain(clock, 1)).isInstanceOf(StoreFailure.class)
        .hasMessageContaining("written by a newer Rootbot");
  }

  @Test
  void times_are_kept_to_the_microsecond_in_utc() {
    clock.advance(Duration.ofNanos(123_456_789));

    RootRequest filed = store.requests().file(SampleRequests.asked());

    assertThat(filed.createdAt()).isEqualTo(NOON.plusNanos(123_456_000));
    assertThat(store.requests().find(filed.id()).orElseThrow().createdAt()).isEqualTo(filed.createdAt());
  }

  @Test
  void a_task_without_a_reason_is_stored_without_one() {
    var audit = new NewRequest(new AuditRootCredentials(new AccountId("333333333333")), "prod-data", ALICE,
        Origin.channel(INCIDENTS), Optional.empty(), TTL);

    RootRequest filed = store.requests().file(audit);

    assertThat(store.requests().find(filed.id())).contains(filed);
    assertThat(filed.reason()).isEmpty();
  }

  private RequestId idInState(String state) throws SQLException {
    try (Connection raw = rawConnection(); Statement sql = raw.createStatement();
        var row = sql.executeQuery("SELECT id FROM requests WHERE state = '" + state + "'")) {
      assertThat(row.next()).as("a request in state " + state).isTrue();
      return new RequestId(row.getString(1));
    }
  }

  RootRequest fileAndMove(Transition... transitions) {
    RootRequest request = store.requests().file(SampleRequests.asked());
    for (Transition transition : transitions) {
      request = store.requests().move(request.id(), transition).orElseThrow();
    }
    clock.advance(Duration.ofSeconds(1)); // distinct creation times, for ordering
    return request;
  }

  /** A bucket policy with {@code statements} statements, about 80 bytes each. */
  static PolicyDocument policyOf(int statements) {
    var json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; i < statements; i++) {
      json.append(i == 0 ? "" : ",").append("{\"Sid\":\"Deny").append(i)
          .append("\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
    }
    return new PolicyDocument(json.append("]}").toString());
  }
}
