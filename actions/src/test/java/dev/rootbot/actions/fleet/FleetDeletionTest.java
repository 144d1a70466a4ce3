package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.TaskObserver;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FleetDeletionTest {
  private static final String DELETE_POLICY = "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials";
  private static final Set<String> DELETE_CALLS = Set.of("iam:DeleteLoginProfile", "iam:DeleteAccessKey",
      "iam:DeleteSigningCertificate", "iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice");

  private final Fleet fleet = new Fleet(Seed.generated(200));
  private final RecordingDeletionListener listener = new RecordingDeletionListener();
  private List<AccountAudit> audited;
  private List<DeletionTarget> targets;

  @BeforeEach
  void audit() {
    var results = new RecordingAuditListener();
    fleet.audit().run(FleetScope.ou("Production").targets(fleet.tree.read()), List.of(), results, new Cancellation());
    audited = List.copyOf(results.results);
    targets = DeletionTarget.from(audited);
    assertThat(targets).hasSizeGreaterThan(10).hasSizeLessThan(audited.size());
  }

  @AfterEach
  void close() {
    fleet.close();
  }

  @Test
  void deletes_exactly_the_audited_credentials_and_skips_an_account_changed_since_the_audit() {
    DeletionTarget changed = targets.stream().filter(t -> t.audited().password().isEmpty()).findFirst().orElseThrow();
    var passwordSince = fleet.rootTasks().run(new AllowPasswordRecovery(changed.account().id()), Optional.empty(),
        TaskObserver.ignoring());
    assertThat(passwordSince.succeeded()).as(passwordSince.headline()).isTrue();
    var changedBefore = fleet.aws.rootCredentials(changed.account().id().value());

    DeletionOutcome outcome = deletion().run(targets, List.of(), Set.of(), listener, new Cancellation());

    assertThat(outcome.end()).isEqualTo(FleetEnd.COMPLETED);
    assertThat(listener.finished).hasSize(targets.size());
    Map<AccountId, AccountDeletion> byAccount = byAccount(listener.finished);
    AccountDeletion skipped = byAccount.get(changed.account().id());
    assertThat(skipped.status()).isEqualTo(AccountDeletion.Status.CHANGED_SINCE_AUDIT);
    assertThat(skipped.headline()).contains("changed since the audit", "nothing was deleted");
    assertThat(fleet.aws.rootCredentials(changed.account().id().value())).isEqualTo(changedBefore);
    assertThat(deleteCalls(skipped)).isEmpty();

    for (DeletionTarget target : targets) {
      if (target == changed) {
        continue;
      }
      AccountDeletion deleted = byAccount.get(target.account().id());
      assertThat(deleted.status()).as(deleted.headline()).isEqualTo(AccountDeletion.Status.DELETED);
      assertThat(fleet.aws.rootCredentials(target.account().id().value()).none()).isTrue();
      assertThat(deleteCalls(deleted)).containsExactlyInAnyOrderElementsOf(expectedDeletes(target.audited()));
    }
    Set<String> withoutCredentials = audited.stream().filter(a -> !a.hasCredentials())
        .map(a -> a.account().id().value()).collect(Collectors.toSet());
    assertThat(deleteSessions()).extracting(c -> c.parameters().get("TargetPrincipal"))
        .doesNotContainAnyElementsOf(withoutCredentials).doesNotHaveDuplicates().hasSize(targets.size());
    for (AccountId id : listener.started) {
      assertThat(listener.events.indexOf("started " + id)).isLessThan(listener.events.indexOf("session " + id))
          .isLessThan(listener.events.indexOf("finished " + id));
    }
    DeletionProgress last = listener.progress.get(listener.progress.size() - 1);
    assertThat(last.done()).isEqualTo(targets.size());
    assertThat(last.deleted()).isEqualTo(targets.size() - 1);
    assertThat(last.changedSinceAudit()).isEqualTo(1);
    assertThat(outcome.concurrency().peak()).isBetween(1, ConcurrencyBounds.standard().max());
  }

  @Test
  void a_resumed_deletion_leaves_accounts_started_but_unfinished_unknown_and_never_runs_them_again() {
    // The process "dies" once five outcomes are stored: later outcomes never reach the store.
    listener.cannotStore = outcome -> listener.count() >= 5;
    DeletionOutcome crashed = deletion().run(targets, List.of(), Set.of(), listener, new Cancellation());
    assertThat(crashed.end()).isEqualTo(FleetEnd.STOPPED);
    List<AccountDeletion> stored = listener.finished.stream().map(AccountDeletion::toJson)
        .map(AccountDeletion::fromJson).toList();
    assertThat(stored).isEqualTo(listener.finished).hasSize(5);
    Set<AccountId> startedUnfinished = new HashSet<>(listener.started);
    stored.forEach(o -> startedUnfinished.remove(o.account().id()));
    assertThat(startedUnfinished).isNotEmpty();
    Map<String, Long> sessionsBefore = sessionsPerAccount();

    var resumed = new RecordingDeletionListener();
    DeletionOutcome outcome = deletion().run(targets, stored, new HashSet<>(listener.started), resumed,
        new Cancellation());

    assertThat(outcome.end()).isEqualTo(FleetEnd.COMPLETED);
    Map<AccountId, AccountDeletion> byAccount = byAccount(resumed.finished);
    assertThat(byAccount.keySet()).doesNotContainAnyElementsOf(stored.stream().map(o -> o.account().id()).toList())
        .hasSize(targets.size() - stored.size());
    for (AccountId id : startedUnfinished) {
      assertThat(byAccount.get(id).status()).isEqualTo(AccountDeletion.Status.UNKNOWN);
      assertThat(byAccount.get(id).headline()).contains("not run again");
      assertThat(sessionsPerAccount().get(id.value())).as("no new root session in %s", id)
          .isEqualTo(sessionsBefore.get(id.value()));
    }
    assertThat(resumed.started).doesNotContainAnyElementsOf(startedUnfinished);
    assertThat(sessionsPerAccount()).allSatisfy((account, sessions) -> assertThat(sessions).isEqualTo(1));
    assertThat(resumed.progress.get(0).done()).isEqualTo(stored.size() + 1);
    assertThat(outcome.progress().unknown()).isEqualTo(startedUnfinished.size());
    assertThat(outcome.progress().deleted()).isEqualTo(targets.size() - startedUnfinished.size());
  }

  @Test
  void cancel_stops_after_the_accounts_in_flight_and_leaves_the_rest_untouched() {
    var cancel = new Cancellation();
    listener.afterEach = () -> {
      if (listener.count() >= 3) {
        cancel.cancel();
      }
    };
    DeletionOutcome outcome = deletion().run(targets, List.of(), Set.of(), listener, cancel);

    assertThat(outcome.end()).isEqualTo(FleetEnd.CANCELLED);
    assertThat(listener.started).hasSameSizeAs(listener.finished).hasSizeLessThan(targets.size());
    assertThat(deleteSessions()).hasSameSizeAs(listener.started);
    Set<AccountId> run = new HashSet<>(listener.started);
    for (DeletionTarget target : targets) {
      if (!run.contains(target.account().id())) {
        var now = fleet.aws.rootCredentials(target.account().id().value());
        assertThat(now.hasPassword()).isEqualTo(target.audited().password().isPresent());
        assertThat(now.accessKeys()).containsExactlyInAnyOrderElementsOf(
            target.audited().accessKeys().stream().map(RootCredentials.AccessKey::id).toList());
        assertThat(now.signingCertificates()).hasSameSizeAs(target.audited().signingCertificates());
        assertThat(now.mfaDevices()).hasSameSizeAs(target.audited().mfaDevices());
      }
    }
  }

  @Test
  void an_account_whose_start_cannot_be_recorded_is_not_run_and_the_deletion_stops() {
    listener.cannotStart = account -> true;

    DeletionOutcome outcome = deletion().run(targets, List.of(), Set.of(), listener, new Cancellation());

    assertThat(outcome.end()).isEqualTo(FleetEnd.STOPPED);
    assertThat(outcome.stoppedBecause()).hasValueSatisfying(s -> assertThat(s).contains("not run", "the store is down"));
    assertThat(deleteSessions()).isEmpty();
    assertThat(listener.finished).isEmpty();
    for (DeletionTarget target : targets) {
      assertThat(fleet.aws.rootCredentials(target.account().id().value()).none()).isFalse();
    }
  }

  private FleetDeletion deletion() {
    return new FleetDeletion(fleet.clients, fleet.rootTasks(), fleet.workers, Clock.systemUTC(),
        ConcurrencyBounds.standard());
  }

  private List<RecordedCall> deleteSessions() {
    return fleet.aws.calls().withAction("sts:AssumeRoot").stream()
        .filter(c -> DELETE_POLICY.equals(c.parameters().get("TaskPolicyArn.arn"))).toList();
  }

  private Map<String, Long> sessionsPerAccount() {
    return deleteSessions().stream().collect(Collectors.groupingBy(c -> c.parameters().get("TargetPrincipal"),
        Collectors.counting()));
  }

  /** Each change call of the outcome's root session, with the credential it named. */
  private List<String> deleteCalls(AccountDeletion outcome) {
    return fleet.aws.calls().withAccessKey(outcome.accessKeyId().orElseThrow()).stream()
        .filter(c -> DELETE_CALLS.contains(c.action()))
        .map(c -> c.action() + " " + c.parameters().getOrDefault("AccessKeyId",
            c.parameters().getOrDefault("CertificateId", c.parameters().getOrDefault("SerialNumber", ""))))
        .map(String::strip).toList();
  }

  private static List<String> expectedDeletes(RootCredentials audited) {
    List<String> calls = new java.util.ArrayList<>();
    audited.password().ifPresent(p -> calls.add("iam:DeleteLoginProfile"));
    audited.accessKeys().forEach(k -> calls.add("iam:DeleteAccessKey " + k.id()));
    audited.signingCertificates().forEach(c -> calls.add("iam:DeleteSigningCertificate " + c.id()));
    for (RootCredentials.MfaDevice device : audited.mfaDevices()) {
      calls.add("iam:DeactivateMFADevice " + device.serialNumber());
      if (device.isVirtual()) {
        calls.add("iam:DeleteVirtualMFADevice " + device.serialNumber());
      }
    }
    return calls;
  }

  private static Map<AccountId, AccountDeletion> byAccount(List<AccountDeletion> outcomes) {
    return outcomes.stream().collect(Collectors.toMap(o -> o.account().id(), o -> o));
  }
}
