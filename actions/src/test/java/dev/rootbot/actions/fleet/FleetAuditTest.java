package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.RootCredentials;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.organizations.Account;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FleetAuditTest {
  private static final int MEMBERS = 200;
  private static final Seed SEED = Seed.generated(MEMBERS);
  private final Fleet fleet = new Fleet(SEED);
  private final RecordingAuditListener listener = new RecordingAuditListener();

  @AfterEach
  void close() {
    fleet.close();
  }

  @Test
  void audit_of_every_member_has_one_result_per_active_member_matching_the_simulated_state() {
    List<TargetAccount> targets = FleetScope.all().targets(fleet.tree.read());
    assertThat(ids(targets)).containsExactlyInAnyOrderElementsOf(
        fleet.activeMembersUnder(fleet.aws.organization().rootId()).stream().map(Account::id).toList());
    assertThat(targets).hasSize(MEMBERS - MEMBERS / 50);

    AuditOutcome outcome = fleet.audit().run(targets, List.of(), listener, new Cancellation());

    assertThat(outcome.end()).isEqualTo(FleetEnd.COMPLETED);
    assertThat(listener.results).extracting(r -> r.account().id().value()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(ids(targets));
    assertMatchesTheSimulatedState(listener.results);
    assertOnlyTheAuditsCallsWereMade(listener.results);
    assertThat(listener.overlapped).as("results are delivered one at a time").isFalse();
    assertThat(outcome.concurrency().peak()).isBetween(1, ConcurrencyBounds.standard().max());

    AuditProgress last = listener.progress.get(listener.progress.size() - 1);
    assertThat(last.done()).isEqualTo(targets.size()).isEqualTo(last.total());
    assertThat(last.remaining()).isEmpty();
    assertThat(last.withPassword()).isEqualTo(count(listener.results, c -> c.password().isPresent()));
    assertThat(last.withAccessKeys()).isEqualTo(count(listener.results, c -> !c.accessKeys().isEmpty()));
    assertThat(last.withMfaDevices()).isEqualTo(count(listener.results, c -> !c.mfaDevices().isEmpty()));
    assertThat(last.blockedByScp()).isEqualTo(last.failed()).isPositive();
    assertThat(outcome.progress()).usingRecursiveComparison().ignoringFields("elapsed").isEqualTo(last);
    assertThat(listener.progress).extracting(AuditProgress::done).isSorted();
    String csv = AuditReport.csv(listener.results);
    assertThat(csv.split("\r\n")).hasSize(targets.size() + 1);
    for (AccountAudit result : listener.results) {
      assertThat(csv).contains(result.account().id() + "," + result.account().name() + "," + result.account().ouPath()
          + "," + (result.read() ? (result.credentials().get().password().isPresent() ? "yes" : "no") : ","));
    }
  }

  @Test
  void audit_of_an_ou_covers_the_active_members_of_its_nested_ous_and_no_other() {
    List<TargetAccount> targets = FleetScope.ou("production").targets(fleet.tree.read());
    List<String> expected = fleet.activeMembersUnder(fleet.ouId("Production")).stream().map(Account::id).toList();
    assertThat(ids(targets)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(targets).extracting(TargetAccount::ouPath).allMatch(p -> p.startsWith("Production"))
        .contains("Production/payments-prod/payments-prod-eu");

    AuditOutcome outcome = fleet.audit().run(targets, List.of(), listener, new Cancellation());

    assertThat(outcome.end()).isEqualTo(FleetEnd.COMPLETED);
    assertThat(listener.results).extracting(r -> r.account().id().value()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(listener.results).allMatch(AccountAudit::read); // Production's SCP spares root sessions
    assertMatchesTheSimulatedState(listener.results);
    assertThat(fleet.aws.calls().withAction("sts:AssumeRoot")).hasSize(expected.size());
  }

  @Test
  void an_account_under_an_scp_that_denies_root_is_reported_blocked_with_the_scp_named() {
    TargetAccount sandbox = FleetScope.ou("Sandbox").targets(fleet.tree.read()).get(0);

    fleet.audit().run(List.of(sandbox), List.of(), listener, new Cancellation());

    AccountAudit.Failure failure = listener.results.get(0).failure().orElseThrow();
    assertThat(failure.reason()).isEqualTo(TaskFailure.Reason.SCP_DENIED);
    assertThat(failure.blockedBy()).hasValueSatisfying(b -> assertThat(b).startsWith("DenyRootUser (p-")
        .contains("attached to OU Sandbox"));
    assertThat(failure.explanation()).contains(sandbox.label(), "\"Null\": {\"aws:AssumedRoot\": \"true\"}",
        "explicit deny in a service control policy");
  }

  @Test
  void an_account_suspended_since_the_tree_was_read_is_reported_not_active() {
    String suspended = "200000000050"; // i = 49: every 50th generated account is SUSPENDED
    var stale = new TargetAccount(new AccountId(suspended), "staging-00050", "Staging");

    fleet.audit().run(List.of(stale), List.of(), listener, new Cancellation());

    AccountAudit result = listener.results.get(0);
    assertThat(result.failure()).hasValueSatisfying(f -> {
      assertThat(f.reason()).isEqualTo(TaskFailure.Reason.ACCOUNT_NOT_ACTIVE);
      assertThat(f.explanation()).contains("is SUSPENDED");
    });
    assertThat(result.accessKeyId()).isEmpty();
  }

  @Test
  void throttling_is_survived_and_the_concurrency_backs_off_without_ever_passing_its_bound() {
    fleet.aws.limits().perSecond("sts:AssumeRoot", 10);
    List<TargetAccount> targets = FleetScope.ou("Production").targets(fleet.tree.read());
    var bounds = new ConcurrencyBounds(16, 16); // starts at its bound, far above what 10 AssumeRoots a second need

    AuditOutcome outcome = fleet.audit(bounds).run(targets, List.of(), listener, new Cancellation());

    assertThat(fleet.aws.limits().throttled("sts:AssumeRoot")).as("AWS throttled AssumeRoot").isPositive();
    assertThat(outcome.end()).isEqualTo(FleetEnd.COMPLETED);
    assertThat(listener.results).hasSize(targets.size());
    assertThat(listener.results).allMatch(AccountAudit::read);
    assertMatchesTheSimulatedState(listener.results);
    ConcurrencyStats stats = outcome.concurrency();
    assertThat(stats.peak()).isBetween(1, 16);
    assertThat(stats.throttled()).isPositive();
    assertThat(stats.decreases()).as("it backed off").isPositive();
    assertThat(stats.finalLimit()).isLessThan(16);
  }

  @Test
  void a_resumed_audit_audits_only_the_accounts_not_done_and_counts_the_earlier_ones() {
    List<TargetAccount> targets = FleetScope.all().targets(fleet.tree.read());
    var cancel = new Cancellation();
    listener.afterEach = () -> {
      if (listener.count() >= 60) {
        cancel.cancel();
      }
    };

    AuditOutcome first = fleet.audit().run(targets, List.of(), listener, cancel);

    assertThat(first.end()).isEqualTo(FleetEnd.CANCELLED);
    List<AccountAudit> earlier = List.copyOf(listener.results);
    assertThat(earlier.size()).isBetween(60, 60 + ConcurrencyBounds.standard().max());
    assertThat(fleet.aws.calls().withAction("sts:AssumeRoot")).as("cancel starts no account after the ones in flight")
        .hasSize(earlier.size());
    // The bot stored each result as JSON; a restarted bot reads them back.
    List<AccountAudit> stored = earlier.stream().map(AccountAudit::toJson).map(AccountAudit::fromJson).toList();
    assertThat(stored).isEqualTo(earlier);

    var resumed = new RecordingAuditListener();
    AuditOutcome second = fleet.audit().run(targets, stored, resumed, new Cancellation());

    assertThat(second.end()).isEqualTo(FleetEnd.COMPLETED);
    Set<String> before = earlier.stream().map(r -> r.account().id().value()).collect(Collectors.toSet());
    assertThat(resumed.results).extracting(r -> r.account().id().value()).doesNotContainAnyElementsOf(before)
        .hasSize(targets.size() - earlier.size());
    Map<String, Long> assumed = fleet.aws.calls().withAction("sts:AssumeRoot").stream()
        .collect(Collectors.groupingBy(c -> c.parameters().get("TargetPrincipal"), Collectors.counting()));
    assertThat(assumed).hasSize(targets.size()).allSatisfy((account, times) -> assertThat(times).isEqualTo(1));
    assertThat(resumed.progress.get(0).done()).isEqualTo(earlier.size() + 1);
    assertThat(second.progress().done()).isEqualTo(targets.size());
  }

  @Test
  void a_result_that_cannot_be_stored_stops_the_audit_after_the_accounts_in_flight() {
    List<TargetAccount> targets = FleetScope.all().targets(fleet.tree.read());
    Set<String> delivered = new HashSet<>();
    AuditListener failing = (result, progress) -> {
      delivered.add(result.account().id().value());
      if (delivered.size() >= 10) {
        throw new IllegalStateException("the store is down");
      }
    };

    AuditOutcome outcome = fleet.audit().run(targets, List.of(), failing, new Cancellation());

    assertThat(outcome.end()).isEqualTo(FleetEnd.STOPPED);
    assertThat(outcome.stoppedBecause()).hasValueSatisfying(s -> assertThat(s).contains("the store is down"));
    assertThat(fleet.aws.calls().withAction("sts:AssumeRoot")).as("every account started was delivered")
        .hasSize(delivered.size());
    assertThat(delivered.size()).isLessThan(10 + ConcurrencyBounds.standard().max());
  }

  /** Each result is what the simulated organization holds for that account, or an SCP block in the Sandbox OU. */
  private void assertMatchesTheSimulatedState(List<AccountAudit> results) {
    Map<String, Optional<Instant>> passwordUse = passwordLastUsed(SEED);
    for (AccountAudit result : results) {
      String id = result.account().id().value();
      boolean underSandbox = result.account().ouPath().startsWith("Sandbox");
      assertThat(result.blockedByScp()).as(id).isEqualTo(underSandbox);
      if (underSandbox) {
        continue;
      }
      var simulated = fleet.aws.rootCredentials(id);
      RootCredentials found = result.credentials().orElseThrow();
      assertThat(found.password().isPresent()).as(id).isEqualTo(simulated.hasPassword());
      found.password().ifPresent(p -> assertThat(p.lastUsed()).as(id).isEqualTo(passwordUse.get(id)));
      assertThat(found.accessKeys()).extracting(RootCredentials.AccessKey::id).as(id)
          .containsExactlyInAnyOrderElementsOf(simulated.accessKeys());
      assertThat(found.signingCertificates()).extracting(RootCredentials.SigningCertificate::id).as(id)
          .containsExactlyInAnyOrderElementsOf(simulated.signingCertificates());
      assertThat(found.mfaDevices()).extracting(RootCredentials.MfaDevice::serialNumber).as(id)
          .containsExactlyInAnyOrderElementsOf(simulated.mfaDevices());
      assertThat(result.fingerprint()).isPresent();
      assertThat(result.accessKeyId()).isPresent();
    }
  }

  /** Every root session had the audit's task policy and made only the audit's reads, and no IAM call named a user. */
  private void assertOnlyTheAuditsCallsWereMade(List<AccountAudit> results) {
    assertThat(fleet.aws.calls().withAction("sts:AssumeRoot")).hasSize(results.size())
        .allSatisfy(c -> assertThat(c.parameters().get("TaskPolicyArn.arn"))
            .isEqualTo("arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials"));
    for (AccountAudit result : results) {
      var calls = fleet.aws.calls().withAccessKey(result.accessKeyId().orElseThrow());
      assertThat(calls).extracting(RecordedCall::action).isSubsetOf(FleetAudit.READS);
      assertThat(calls).allSatisfy(c -> assertThat(c.parameters()).doesNotContainKey("UserName"));
      if (result.read()) {
        assertThat(calls).extracting(RecordedCall::action).contains("iam:GetLoginProfile", "iam:ListAccessKeys",
            "iam:ListSigningCertificates", "iam:ListMFADevices");
        assertThat(calls.withAction("iam:GetUser")).as("GetUser, for the password's last use, only with a password")
            .hasSize(result.credentials().get().password().isPresent() ? 1 : 0);
        assertThat(calls.withAction("iam:GetAccessKeyLastUsed")).hasSameSizeAs(result.credentials().get().accessKeys());
      } else {
        assertThat(calls).as("a blocked session's reads were all refused").allMatch(RecordedCall::refused);
      }
    }
  }

  private static Map<String, Optional<Instant>> passwordLastUsed(Seed seed) {
    Map<String, Optional<Instant>> used = new HashMap<>();
    JsonObject json = JsonParser.parseString(seed.toJson()).getAsJsonObject();
    for (JsonElement e : json.getAsJsonArray("rootCredentials")) {
      JsonObject credentials = e.getAsJsonObject();
      JsonElement last = credentials.get("passwordLastUsed");
      used.put(credentials.get("account").getAsString(),
          last == null ? Optional.empty() : Optional.of(Instant.parse(last.getAsString())));
    }
    return used;
  }

  private static int count(List<AccountAudit> results, java.util.function.Predicate<RootCredentials> has) {
    return (int) results.stream().flatMap(r -> r.credentials().stream()).filter(has).count();
  }

  private static List<String> ids(List<TargetAccount> targets) {
    return targets.stream().map(t -> t.id().value()).toList();
  }
}
