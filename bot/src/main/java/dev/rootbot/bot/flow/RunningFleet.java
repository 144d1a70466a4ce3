package dev.rootbot.bot.flow;

import dev.rootbot.actions.fleet.AccountAudit;
import dev.rootbot.actions.fleet.AuditOutcome;
import dev.rootbot.actions.fleet.AuditProgress;
import dev.rootbot.actions.fleet.AuditReport;
import dev.rootbot.actions.fleet.AuditSummary;
import dev.rootbot.actions.fleet.Cancellation;
import dev.rootbot.actions.fleet.EnableReport;
import dev.rootbot.actions.fleet.FleetAudit;
import dev.rootbot.actions.fleet.FleetEnd;
import dev.rootbot.actions.fleet.RootAccessEnabler;
import dev.rootbot.actions.fleet.TargetAccount;
import dev.rootbot.actions.org.OrganizationSnapshot;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.bot.card.FleetFile;
import dev.rootbot.bot.card.FleetReplies;
import dev.rootbot.bot.request.FleetTask;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.store.FleetResults;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs a claimed request over the organization and says how it ended: turning on centralized root access with the
 * bot's own role, or the fleet audit, whose results are stored account by account as they complete (a resumed
 * audit starts from them), with one progress message in the thread updated in place at most every
 * {@code progressEvery}, and at the end a summary and the report as CSV and JSON files.
 *
 * <p>Called on a runner's worker thread, one request per call; the audit engine runs its accounts on its own pool.
 */
public final class RunningFleet {
  /** How the run ended: the move that tells it, and what to post with it. */
  public record Ending(Transition end, Report replies) {}

  private final Store store;
  private final RootAccessEnabler enabler;
  private final FleetAudit audit;
  private final Supplier<OrganizationSnapshot> organization;
  private final Clock clock;
  private final Runnable nudge;
  private final Duration progressEvery;

  /**
   * @param organization the organization as it is now (read again, not cached), for the accounts in scope
   * @param nudge wakes the outbox's sender after a progress update was queued
   */
  public RunningFleet(Store store, RootAccessEnabler enabler, FleetAudit audit,
      Supplier<OrganizationSnapshot> organization, Clock clock, Runnable nudge, Duration progressEvery) {
    this.store = store;
    this.enabler = enabler;
    this.audit = audit;
    this.organization = organization;
    this.clock = clock;
    this.nudge = nudge;
    this.progressEvery = progressEvery;
  }

  Ending run(RootRequest claimed) {
    if (claimed.work() instanceof FleetTask.EnableRootAccess enable) {
      return enable(enable);
    }
    if (claimed.work() instanceof FleetTask.AuditFleet fleet) {
      return audit(claimed.id(), fleet);
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

  private Ending audit(RequestId id, FleetTask.AuditFleet fleet) {
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
    List<AccountAudit> earlier = stored(id, wanted);
    var progress = new Progress(id);
    AuditOutcome outcome = audit.run(targets, earlier, (result, now) -> {
      store.fleet().read(id, result.account().id(), result.toJson()); // before anything else: a resume starts here
      progress.maybe(now);
    }, new Cancellation());
    List<AccountAudit> results = stored(id, wanted);
    AuditSummary summary = AuditSummary.of(results);
    String csv = AuditReport.csv(results);
    String json = AuditReport.json(results);
    boolean complete = outcome.end() == FleetEnd.COMPLETED;
    Outcome told = Outcome.of((complete ? "" : "Stopped after " + outcome.progress().done() + " of "
        + outcome.progress().total() + " accounts" + outcome.stoppedBecause().map(w -> " (" + w + ")").orElse("")
        + ". ") + summary.text().lines().findFirst().orElse(""));
    String stamp = id.value();
    return new Ending(complete ? Transition.succeed(told) : Transition.fail(told), after -> List.of(
        new Outgoing(Outgoing.Kind.PROGRESS, FleetReplies.progress(after, outcome.progress(), true).toJson()),
        reply(FleetReplies.summary(after, summary, outcome).toJson()),
        new Outgoing(Outgoing.Kind.UPLOAD, new FleetFile("root-credentials-" + stamp + ".csv",
            "Root credentials audit " + stamp + " (CSV)", csv).toJson()),
        new Outgoing(Outgoing.Kind.UPLOAD, new FleetFile("root-credentials-" + stamp + ".json",
            "Root credentials audit " + stamp + " (JSON)", json).toJson())));
  }

  /** The results stored for the accounts still in scope (an account moved out of the OU since is left out). */
  private List<AccountAudit> stored(RequestId id, Set<AccountId> wanted) {
    List<AccountAudit> results = new ArrayList<>();
    for (FleetResults.Stored row : store.fleet().of(id)) {
      if (row.done() && wanted.contains(row.account())) {
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

    /** Called one result at a time (the engine's listener is heard that way). */
    void maybe(AuditProgress now) {
      Instant at = clock.instant();
      if (last != Instant.MIN && Duration.between(last, at).compareTo(progressEvery) < 0) {
        return;
      }
      last = at;
      RootRequest request = store.requests().find(id).orElseThrow();
      store.outbox().enqueue(id, new Outgoing(Outgoing.Kind.PROGRESS, FleetReplies.progress(request, now, false)
          .toJson()));
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
