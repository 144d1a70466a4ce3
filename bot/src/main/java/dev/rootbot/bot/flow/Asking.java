package dev.rootbot.bot.flow;

import dev.rootbot.actions.org.Account;
import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.bot.approval.Approvals;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.command.AccountDirectory;
import dev.rootbot.bot.command.AskFor;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Files requests for root tasks: checks who asks, resolves the account, checks the target with AWS before
 * anyone is asked to approve, stores the request and queues its card. Nothing is stored when any check
 * fails; the person is told why.
 *
 * <p>Thread-safe; it blocks on Slack, Organizations and the store, so call it after acknowledging Slack.
 */
public final class Asking {
  private final Store store;
  private final Approvals approvals;
  private final People people;
  private final AccountDirectory accounts;
  private final OrganizationDirectory directory;
  private final Consumer<RootTask> check;
  private final AwsRegion defaultRegion;
  private final Duration ttl;
  private final Runnable nudge;

  /**
   * @param check refuses a task AWS would refuse (management or unknown account, features off), e.g.
   *     {@code RootTasks::check}
   * @param nudge wakes the outbox's sender after something was queued
   */
  public Asking(Store store, Approvals approvals, People people, AccountDirectory accounts,
      OrganizationDirectory directory, Consumer<RootTask> check, AwsRegion defaultRegion, Duration ttl,
      Runnable nudge) {
    this.store = store;
    this.approvals = approvals;
    this.people = people;
    this.accounts = accounts;
    this.directory = directory;
    this.check = check;
    this.defaultRegion = defaultRegion;
    this.ttl = ttl;
    this.nudge = nudge;
  }

  /**
   * Files what {@code requester} asked for at {@code origin}.
   *
   * @throws Refusal when they may not ask, or AWS would refuse the task
   * @throws dev.rootbot.bot.command.UsageError when the account or resource does not fit
   */
  public RootRequest ask(AskFor ask, UserId requester, Origin origin) {
    mayRequest(requester);
    AccountId target = ask.account().resolve(accounts);
    RootTask task = ask.toTask(target, defaultRegion);
    return file(task, ask.reason(), requester, origin);
  }

  /** Files a request to put back the policy that request {@code unlock} removed; it needs its own approval. */
  public RootRequest restore(RequestId unlock, UserId requester, Origin origin) {
    mayRequest(requester);
    RootRequest unlocked = store.requests().find(unlock)
        .orElseThrow(() -> new Refusal("Request " + Mrkdwn.code(unlock.value()) + " is not known to Rootbot."));
    Backup backup = unlocked.backup()
        .orElseThrow(() -> new Refusal("Request " + Mrkdwn.code(unlock.value()) + " kept no backup: nothing to restore."));
    Reason reason = Reason.fromPlainText("restore the policy that request " + unlock.value() + " removed");
    return file(backup.restoreTask(), Optional.of(reason), requester, origin);
  }

  private void mayRequest(UserId requester) {
    Decision decision;
    try {
      decision = approvals.mayRequest(people.person(requester));
    } catch (People.Unavailable e) {
      throw refused(requester, "Rootbot could not check with Slack who you are, so nothing was filed. Try again in a minute.");
    }
    decision.refusal().ifPresent(why -> {
      throw refused(requester, why);
    });
  }

  private RootRequest file(RootTask task, Optional<Reason> reason, UserId requester, Origin origin) {
    try {
      check.accept(task);
    } catch (TaskFailure failure) {
      throw refused(requester, Mrkdwn.escape(failure.explanation()));
    } catch (SdkException e) {
      throw refused(requester, "Rootbot could not check account " + Mrkdwn.code(task.target().value())
          + " with AWS (" + Mrkdwn.escape(String.valueOf(e.getMessage())) + "), so nothing was filed. Try again.");
    }
    String name = directory.byId(task.target()).map(Account::name).orElse(task.target().value());
    RootRequest filed = store.requests().file(new NewRequest(task, name, requester, origin, reason, ttl),
        request -> List.of(new Outgoing(Outgoing.Kind.POST_CARD, "")));
    nudge.run();
    return filed;
  }

  private Refusal refused(UserId who, String why) {
    store.audit().refused(Optional.empty(), who, "request", why);
    return new Refusal(why);
  }
}
