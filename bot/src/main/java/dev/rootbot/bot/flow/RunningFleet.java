package dev.rootbot.bot.flow;

import dev.rootbot.actions.fleet.AccountAudit;
import dev.rootbot.actions.fleet.AccountDeletion;
import dev.rootbot.actions.fleet.AuditOutcome;
import dev.rootbot.actions.fleet.AuditReport;
import dev.rootbot.actions.fleet.AuditSummary;
import dev.rootbot.actions.fleet.Cancellation;
import dev.rootbot.actions.fleet.DeletionListener;
import dev.rootbot.actions.fleet.DeletionOutcome;
import dev.rootbot.actions.fleet.DeletionProgress;
import dev.rootbot.actions.fleet.DeletionReport;
import dev.rootbot.actions.fleet.DeletionTarget;
import dev.rootbot.actions.fleet.EnableReport;
import dev.rootbot.actions.fleet.FleetAudit;
import dev.rootbot.actions.fleet.FleetDeletion;
import dev.rootbot.actions.fleet.FleetEnd;
import dev.rootbot.actions.fleet.RootAccessEnabler;
import dev.rootbot.actions.fleet.TargetAccount;
import dev.rootbot.actions.org.OrganizationSnapshot;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.bot.card.FleetFile;
import dev.rootbot.bot.card.FleetReplies;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.request.FleetTask;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.FleetResults;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs a claimed request over the organization and says how it ended: turning on centralized root access with the
 * bot's own role; the fleet audit, whose results are stored account by account as they complete (a resumed audit
 * starts from them), ending with a summary and the report as CSV and JSON files; or the fleet deletion of what an
 * audit found, each account's start and outcome stored (and chained) before the next, ending with a table and a CSV.
 * Both keep one progress message in the thread, updated in place at most every {@code progressEvery}.
 *
 * <p>Over 300 lines because the three tasks share the progress message, the stored results and how an ending is
 * told; each task is one method. Called on a runner's worker thread, one request per call; the engines run their
 * accounts on pools of their own.
 */
public final class RunningFleet {
  /** How the run ended: the move that tells it, what to post with it, and what to do once it is stored. */
  public record Ending(Transition end, Report replies, Optional<Runnable> afterwards) {
    Ending(Transition end, Report replies) {
      this(end, replies, Optional.empty());
    }
  }

  /**
   * Files the deletion of what a complete audit found, for {@code /root delete root credentials in ou … because …}:
   * {@code Asking::deleteFleet}, given once the assembly has built it (it needs this runner's wake-up in turn).
   */
  @FunctionalInterface
  public interface DeletionFiling {
    RootRequest file(RequestId audit, UserId requester, dev.rootbot.bot.request.ChannelId from, Reason reason);
  }

  private final Store store;
  private final RootAccessEnabler enabler;
  private final FleetAudit audit;
  private final Supplier<OrganizationSnapshot> organization;
  private final Clock clock;
  private final Runnable nudge;
  private final Duration progressEvery;
  private final FleetDeletion deletion;
  private final java.util.concurrent.ConcurrentMap<RequestId, Cancellation> cancellations =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile DeletionFiling filing = (audit, requester, from, reason) -> {
    throw new Refusal("Rootbot is still starting; ask for the deletion again in a minute.");
  };

  /**
   * @param organization the organization as it is now (read again, not cached), for the accounts in scope
   * @param nudge wakes the outbox's sender after a progress update was queued
   */
  public RunningFleet(Store store, RootAccessEnabler enabler, FleetAudit audit, FleetDeletion deletion,
      Supplier<OrganizationSnapshot> organization, Clock clock, Runnable nudge, Duration progressEvery) {
    this.deletion = deletion;
    this.store = store;
    this.enabler = enabler;
    this.audit = audit;
    this.organization = organization;
    this.clock = clock;
    this.nudge = nudge;
    this.progressEvery = progressEvery;
  }

  /** How the deletion that an audit asked for at its start ({@code … in ou … because …}) is filed at its end. */
  public void fileDeletionsWith(DeletionFiling filing) {
    this.filing = filing;
  }

  Ending run(RootRequest claimed) {
    if (claimed.work() instanceof FleetTask.DeleteCredentialsFleet delete) {
      return delete(claimed.id(), delete);
    }
    if (claimed.work() instanceof FleetTask.EnableRootAccess enable) {
      return enable(enable);
    }
    if (claimed.work() instanceof FleetTask.AuditFleet fleet) {
      return audit(claimed, fleet);
    }
    return failed("This Rootbot cannot run " + claimed.work().summary() + ", so nothing was done.");
  }

  private Ending enable(FleetTask.EnableRootAccess enable) {
    EnableReport report;
    try {
      report = enabler.enable(enable.credentialsOnly(), step -> {});
    } catch (TaskFailure e) {
      return new Ending(Transition.fail(Outcome.of(e.getMessage() + " Nothing was changed.")),
          after -> List.of(reply(FleetReplies.unreadable(after, e.getMessage()).toJson())));
    }
    List<Outcome.Step> steps = report.outcomes().stream().map(o -> new Outcome.Step(o.step().action(),
        o.detail() + o.fix().map(f -> " Fix: " + f).orElse(""))).collect(Collectors.toList());
    long enabled = report.outcomes().stream().filter(o -> o.result() == EnableReport.Result.ENABLED).count();
    String headline = report.succeeded()
        ? (enabled == 0 ? "Centralized root access was already on; nothing was changed."
            : "Centralized root access is on: " + enabled + " of " + steps.size() + " steps enabled, the rest already on.")
        : "Not every step is on" + (enabled > 0 ? " (" + enabled + " enabled before the failure)" : "")
            + ": " + report.outcomes().stream().filter(o -> o.result() == EnableReport.Result.FAILED)
                .map(o -> o.step().title() + " failed").collect(Collectors.joining(", ")) + ".";
    Outcome outcome = new Outcome(headline, steps);
    Transition end = report.succeeded() ? Transition.succeed(outcome) : Transition.fail(outcome);
    return new Ending(end, after -> List.of(reply(FleetReplies.enabled(after, report).toJson())));
  }

  private Ending audit(RootRequest claimed, FleetTask.AuditFleet fleet) {
    RequestId id = claimed.id();
    List<TargetAccount> targets;
    try {
      targets = fleet.scope().targets(organization.get());
    } catch (InvalidInput e) {
      return failed("The audit could not start: " + e.getMessage() + ". Nothing was read.");
    } catch (SdkException e) {
      return failed("The audit could not read the organization from AWS (" + e.getMessage() + "). Nothing was read;"
          + " ask again.");
    }
    Set<AccountId> wanted = targets.stream().map(TargetAccount::id).collect(Collectors.toSet());
    List<AccountAudit> earlier = stored(id, wanted::contains);
    var progress = new Progress(id);
    AuditOutcome outcome = audit.run(targets, earlier, (result, now) -> {
      store.fleet().read(id, result.account().id(), result.toJson()); // before anything else: a resume starts here
      progress.maybe(request -> FleetReplies.progress(request, now, false));
    }, new Cancellation());
    List<AccountAudit> results = stored(id, wanted::contains);
    AuditSummary summary = AuditSummary.of(results);
    String csv = AuditReport.csv(results);
    String json = AuditReport.json(results);
    boolean complete = outcome.end() == FleetEnd.COMPLETED;
    Outcome told = Outcome.of((complete ? "" : "Stopped after " + outcome.progress().done() + " of "
        + outcome.progress().total() + " accounts" + outcome.stoppedBecause().map(w -> " (" + w + ")").orElse("")
        + ". ") + summary.text().lines().findFirst().orElse(""));
    String stamp = id.value();
    // The deletion reads the audit's stored outcome and wants it complete: filed once that is stored.
    Optional<Runnable> thenDelete = complete && summary.withAny() > 0
        ? fleet.thenDelete().<Runnable>map(reason -> () -> fileDeletion(claimed, reason)) : Optional.empty();
    return new Ending(complete ? Transition.succeed(told) : Transition.fail(told), after -> List.of(
        new Outgoing(Outgoing.Kind.PROGRESS, FleetReplies.progress(after, outcome.progress(), true).toJson()),
        reply(FleetReplies.summary(after, summary, outcome).toJson()),
        new Outgoing(Outgoing.Kind.UPLOAD, new FleetFile("root-credentials-" + stamp + ".csv",
            "Root credentials audit " + stamp + " (CSV)", csv).toJson()),
        new Outgoing(Outgoing.Kind.UPLOAD, new FleetFile("root-credentials-" + stamp + ".json",
            "Root credentials audit " + stamp + " (JSON)", json).toJson())), thenDelete);
  }

  /**
   * For {@code delete root credentials in ou … because …}: files the deletion of what the audit found, after the
   * audit's outcome is stored, and tells the thread when it could not.
   */
  private void fileDeletion(RootRequest audit, Reason reason) {
    try {
      filing.file(audit.id(), audit.requester(), audit.origin().channel(), reason);
    } catch (Refusal refusal) {
      store.outbox().enqueue(audit.id(), reply(FleetReplies.notFiled(refusal.mrkdwn()).toJson()));
      nudge.run();
    } catch (RuntimeException e) {
      store.outbox().enqueue(audit.id(), reply(FleetReplies.notFiled("Rootbot could not file the deletion ("
          + Mrkdwn.escape(String.valueOf(e.getMessage())) + "). Use the button under the summary to ask again.")
          .toJson()));
      nudge.run();
    }
  }

  private Ending delete(RequestId id, FleetTask.DeleteCredentialsFleet task) {
    List<DeletionTarget> targets = DeletionTarget.from(stored(task.audit(), account -> true));
    List<AccountDeletion> earlier = new ArrayList<>();
    Set<AccountId> startedEarlier = new java.util.HashSet<>();
    for (FleetResults.Stored row : store.fleet().of(id)) {
      if (row.done()) {
        earlier.add(AccountDeletion.fromJson(row.result().orElseThrow()));
      } else {
        startedEarlier.add(row.account());
      }
    }
    var progress = new Progress(id);
    DeletionOutcome outcome = deletion.run(targets, earlier, startedEarlier, new DeletionListener() {
      @Override
      public void started(TargetAccount account) {
        store.fleet().started(id, account.id(), "deleting the root credentials audit " + task.audit().value()
            + " found in " + account.label());
      }

      @Override
      public void finished(AccountDeletion done, DeletionProgress now) {
        store.fleet().changed(id, done.account().id(), done.toJson(), "fleet " + done.status().name()
            .toLowerCase(java.util.Locale.ROOT).replace('_', ' '), done.account().label() + ": " + done.headline());
        progress.maybe(request -> FleetReplies.progress(request, now, false));
      }
    }, cancellations.computeIfAbsent(id, key -> new Cancellation()));
    cancellations.remove(id);
    List<AccountDeletion> outcomes = new ArrayList<>();
    for (FleetResults.Stored row : store.fleet().of(id)) {
      row.result().filter(r -> row.done()).map(AccountDeletion::fromJson).ifPresent(outcomes::add);
    }
    DeletionProgress last = outcome.progress();
    String csv = DeletionReport.csv(outcomes);
    Outcome told = Outcome.of(DeletionReport.summary(outcomes).lines().findFirst().orElse("")
        + (last.unknown() > 0 ? " " + last.unknown() + " unknown: check them and CloudTrail." : "")
        + (outcome.end() == FleetEnd.COMPLETED ? "" : " Stopped (" + outcome.end().name().toLowerCase(java.util.Locale.ROOT)
            + outcome.stoppedBecause().map(w -> ": " + w).orElse("") + ") after the accounts in flight."));
    Transition end = last.unknown() > 0 ? Transition.interrupt(told)
        : outcome.end() == FleetEnd.COMPLETED && last.failed() == 0 ? Transition.succeed(told) : Transition.fail(told);
    return new Ending(end, after -> List.of(
        new Outgoing(Outgoing.Kind.PROGRESS, FleetReplies.progress(after, last, true).toJson()),
        reply(FleetReplies.deleted(after, outcomes, outcome).toJson()),
        new Outgoing(Outgoing.Kind.UPLOAD, new FleetFile("root-credentials-deleted-" + id.value() + ".csv",
            "Root credentials deletion " + id.value() + " (CSV)", csv).toJson())));
  }

  /**
   * Stops the fleet deletion the clicker's Stop button belongs to, after the accounts in flight: for its requester
   * and its approvers, as stopping only takes power away. Returns what to tell them when it did not stop.
   */
  public Optional<String> stop(Click click) {
    Optional<RootRequest> found = store.requests().find(click.request());
    if (found.isEmpty() || !(found.get().work() instanceof FleetTask.DeleteCredentialsFleet)) {
      return Optional.of("Request " + Mrkdwn.code(click.request().value()) + " is not a fleet"
          + " deletion Rootbot knows.");
    }
    RootRequest request = found.get();
    boolean may = request.requester().equals(click.clicker())
        || request.clearance().approvals().contains(click.clicker())
        || request.decidedBy().filter(click.clicker()::equals).isPresent();
    if (!may) {
      store.audit().refused(Optional.of(request.id()), click.clicker(), "stop", "only the requester and the approvers"
          + " may stop a fleet deletion");
      return Optional.of("Only the person who asked and its approvers can stop this deletion.");
    }
    Cancellation running = cancellations.get(request.id());
    if (running == null) {
      return Optional.of("This deletion is " + request.state().words() + " and not running on the replica that got"
          + " your click; if it is still running, click Stop again.");
    }
    running.cancel();
    store.audit().noted(Optional.of(request.id()), click.clicker().value(), "stop", "asked the fleet deletion to stop"
        + " after the accounts in flight");
    return Optional.empty();
  }

  /** The audit results stored for the accounts {@code wanted} (a resumed audit leaves out accounts moved away). */
  private List<AccountAudit> stored(RequestId id, Predicate<AccountId> wanted) {
    List<AccountAudit> results = new ArrayList<>();
    for (FleetResults.Stored row : store.fleet().of(id)) {
      if (row.done() && wanted.test(row.account())) {
        results.add(AccountAudit.fromJson(row.result().orElseThrow()));
      }
    }
    return results;
  }

  /** The progress message: queued for the outbox, which updates one message in place, at most every period. */
  private final class Progress {
    private final RequestId id;
    private Instant last = Instant.MIN;

    Progress(RequestId id) {
      this.id = id;
    }

    /** Called one result at a time (the engines' listeners are heard that way). */
    void maybe(java.util.function.Function<RootRequest, dev.rootbot.bot.card.SlackMessage> now) {
      Instant at = clock.instant();
      if (last != Instant.MIN && Duration.between(last, at).compareTo(progressEvery) < 0) {
        return;
      }
      last = at;
      RootRequest request = store.requests().find(id).orElseThrow();
      store.outbox().enqueue(id, new Outgoing(Outgoing.Kind.PROGRESS, now.apply(request).toJson()));
      nudge.run();
    }
  }

  private static Outgoing reply(String json) {
    return new Outgoing(Outgoing.Kind.THREAD_REPLY, json);
  }

  private static Ending failed(String why) {
    return new Ending(Transition.fail(Outcome.of(why)), after -> List.of(reply(FleetReplies.unreadable(after, why)
        .toJson())));
  }
}
