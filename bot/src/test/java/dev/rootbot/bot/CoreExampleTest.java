package dev.rootbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.PolicyDocument;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.bot.policy.Policy;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.policy.Tally;
import dev.rootbot.bot.approval.Approvers;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.command.AccountDirectory;
import dev.rootbot.bot.command.AskFor;
import dev.rootbot.bot.command.Grammar;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.AuditEntry;
import dev.rootbot.bot.store.Delivery;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.ReplicaId;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Requests;
import dev.rootbot.bot.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core used the way the Slack side uses it, from the words to a finished task, as the report to
 * the lead shows it: if this example breaks, so does the documentation.
 */
class CoreExampleTest {
  private static final UserId ALICE = new UserId("U0ALICE");
  private static final UserId BOB = new UserId("U0BOB");
  private static final AccountDirectory ORGANIZATION = new AccountDirectory() {
    @Override
    public List<AccountId> withName(String name) {
      return name.equalsIgnoreCase("prod-payments") ? List.of(new AccountId("222222222222")) : List.of();
    }

    @Override
    public List<String> names() {
      return List.of("prod-payments");
    }
  };

  private static final ReplicaId SENDER = new ReplicaId("replica-a");

  @Test
  void a_request_goes_from_words_to_a_finished_task(@TempDir Path folder) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    var grammar = new Grammar("/root");
    // The approver list as the approval policy it stands for: one rule, one approval from bob or the on-call group.
    Rule rule = Policy.fromApprovers(Approvers.parse("U0BOB,S0ONCALL")).rules().get(0);

    try (Store store = Store.open("sqlite:" + folder.resolve("rootbot.db"), clock)) {
      // Words → task: parse, resolve the account's name, choose the region.
      AskFor ask = (AskFor) grammar.parse(
          "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out");
      RootTask task = ask.toTask(ask.account().resolve(ORGANIZATION), AwsRegion.US_EAST_1);
      assertThat(task).isInstanceOf(UnlockBucket.class);

      // File it, with its card queued in the same transaction.
      assertThat(rule.mayRequest(Person.member(ALICE), new ChannelId("C0INCIDENT"), ask.reason()).isAllowed()).isTrue();
      RootRequest request = store.requests().file(
          new NewRequest(task, "prod-payments", ALICE, Origin.channel(new ChannelId("C0INCIDENT")), ask.reason(),
              Duration.ofMinutes(30)),
          filed -> List.of(new Outgoing(Outgoing.Kind.POST_CARD, "{\"blocks\":[]}")));

      // The outbox sender posts the card and remembers where it is.
      Delivery card = store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1)).get(0);
      store.requests().cardPosted(card.request(), new MessageTs("1764331200.000100"));
      store.outbox().delivered(card.id());

      // Alice clicks Approve on her own request: refused, and the refusal is audited.
      Decision own = rule.mayApprove(request, Tally.none(ALICE), Person.member(ALICE), clock.instant());
      assertThat(own.refusal()).contains("you asked for this, so someone else must approve it");
      store.audit().refused(Optional.of(request.id()), ALICE, "approve", own.refusal().orElseThrow());

      // Bob clicks Approve: allowed, and his approval reaches the quorum of 1 (a second click counts for nothing).
      assertThat(rule.mayApprove(request, Tally.none(ALICE), Person.member(BOB), clock.instant()).isAllowed()).isTrue();
      Requests.Approval approval = store.requests().approve(request.id(), BOB, rule.quorum(),
          after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, "")), Report.NOTHING);
      assertThat(approval.kind()).isEqualTo(Requests.Approval.Kind.APPROVED);
      RootRequest approved = approval.request();
      assertThat(store.requests().approve(request.id(), BOB, rule.quorum(), Report.NOTHING, Report.NOTHING).kind())
          .isEqualTo(Requests.Approval.Kind.NOT_WAITING);

      // A runner on any replica claims it: RUNNING before AWS, then the session's key, the backup before the
      // change, the outcome.
      store.replicas().heartbeat(SENDER);
      RootRequest running = store.requests().claimNext(SENDER, Report.NOTHING).orElseThrow();
      assertThat(running.id()).isEqualTo(approved.id());
      store.requests().sessionStarted(approved.id(), "ASIAROOTSESSION0001");
      store.requests().keepBackup(approved.id(), new Backup(Backup.Kind.BUCKET_POLICY, task.target(),
          "payments-audit-logs", AwsRegion.US_EAST_1, new PolicyDocument("{\"Statement\":[]}")));
      Requests.Finish finish = store.requests().finish(approved.id(), SENDER,
          Transition.succeed(Outcome.of("Removed the bucket policy of payments-audit-logs.")),
          after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""), new Outgoing(Outgoing.Kind.THREAD_REPLY, "done")));
      RootRequest done = finish.request();

      assertThat(finish.kind()).isEqualTo(Requests.Finish.Kind.FINISHED);
      assertThat(done.state()).isEqualTo(State.SUCCEEDED);
      assertThat(done.backup().map(Backup::restoreTask)).isPresent();
      assertThat(store.audit().of(request.id())).extracting(AuditEntry::event).containsExactly(
          "request", "refused approve", "approval", "approve", "start", "session", "backup", "succeed");
      assertThat(store.outbox().claimDue(SENDER, 10, Duration.ofMinutes(1))).extracting(d -> d.message().kind())
          .containsExactly(Outgoing.Kind.UPDATE_CARD); // the reply waits until the update before it is delivered
    }
  }
}
