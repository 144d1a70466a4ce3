package dev.rootbot.bot.flow;

import dev.rootbot.actions.Preview;
import dev.rootbot.actions.org.Account;
import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.actions.org.PreflightResult;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.command.AccountDirectory;
import dev.rootbot.bot.command.AskFor;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.policy.Policies;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.policy.Selection;
import dev.rootbot.bot.policy.TaskId;
import dev.rootbot.bot.card.Announcement;
import dev.rootbot.actions.fleet.EnablePlan;
import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.actions.fleet.TargetAccount;
import dev.rootbot.actions.org.OrganizationSnapshot;
import dev.rootbot.actions.task.Finding;
import dev.rootbot.actions.task.Fingerprint;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.bot.command.FleetAsk;
import dev.rootbot.bot.request.FleetTask;
import dev.rootbot.bot.request.Work;
import dev.rootbot.actions.fleet.AccountAudit;
import dev.rootbot.actions.fleet.DeletionTarget;
import dev.rootbot.bot.store.FleetResults;
import dev.rootbot.bot.request.Briefing;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Files requests for root tasks, so that nothing doomed reaches an approver and the approver sees what will
 * change: resolves the account, chooses the approval policy's rule for the task there and checks its conditions
 * (who asks, where, with what reason), runs the preflight (what AWS would refuse: membership,
 * features, SCPs on the account's path, without a root session), then the preview (a read in a root session
 * with the task's own policy: what will change, and its fingerprint), then stores the request with what the
 * approver will be shown and queues its card. Nothing is filed when a check refuses, when there is nothing to
 * do, or when the bucket or queue does not exist; the person is told why at once. A rule that needs no approval
 * files the request cleared to run, and so does a break-glass, which is announced and owes a review.
 *
 * <p>Thread-safe; it blocks on Slack, Organizations, AWS and the store, so call it after acknowledging Slack.
 */
public final class Asking {
  /** What AWS would refuse for a task, checked without a root session, e.g. with {@code Preflight}. */
  @FunctionalInterface
  public interface Preflights {
    /** @param region where the task's S3 or SQS calls go, when it is known before any call */
    PreflightResult check(RootTask task, Optional<AwsRegion> region);
  }

  /** A read of what a task will change, in a root session with its own policy: {@code RootTasks::preview}. */
  @FunctionalInterface
  public interface Previews {
    Preview preview(RootTask task);
  }

  /** The organization as a task over it sees it: the whole tree, and what is on for centralized root access. */
  public interface FleetView {
    /** @throws SdkException when Organizations cannot be read */
    OrganizationSnapshot tree();

    /** @throws TaskFailure saying what could not be read */
    EnablePlan plan(boolean credentialsOnly);
  }

  /** The bot's view of the organization, to name accounts and place them in OUs for the approval policy. */
  public record Organization(AccountDirectory accounts, OrganizationDirectory directory, Placements placements) {}

  /** Where approved work goes, and what to wake once something is queued. */
  public record Wakers(Runnable runner, Runnable outbox) {}

  private final Store store;
  private final Policies policies;
  private final People people;
  private final Organization organization;
  private final Preflights preflights;
  private final Optional<Previews> previews;
  private final AwsRegion defaultRegion;
  private final Duration ttl;
  private final Clock clock;
  private final Wakers wake;
  private final Metrics metrics;
  private final FleetView fleetView;

  /**
   * @param previews reads what will change before the card; empty when previews are turned off, so that no
   *     root session is opened before an approval
   * @param ttl how long a request waits for approval when its rule does not say
   */
  public Asking(Store store, Policies policies, People people, Organization organization, Preflights preflights,
      Optional<Previews> previews, AwsRegion defaultRegion, Duration ttl, Clock clock, Wakers wake, Metrics metrics,
      FleetView fleetView) {
    this.fleetView = fleetView;
    this.store = store;
    this.policies = policies;
    this.people = people;
    this.organization = organization;
    this.preflights = preflights;
    this.previews = previews;
    this.defaultRegion = defaultRegion;
    this.ttl = ttl;
    this.clock = clock;
    this.wake = wake;
    this.metrics = metrics;
  }

  /**
   * Files what {@code requester} asked for at {@code origin}.
   *
   * @throws Refusal when they may not ask, AWS would refuse the task, or there is nothing to do
   * @throws dev.rootbot.bot.command.UsageError when the account or resource does not fit
   */
  public RootRequest ask(AskFor ask, UserId requester, Origin origin) {
    AccountId target = ask.account().resolve(organization.accounts());
    RootTask task = ask.toTask(target, defaultRegion);
    return file(task, ask.reason(), requester, origin, ask.knownRegion(), Optional.empty(), false);
  }

  /**
   * Runs what {@code person} asked for at once, without approval, as the break-glass of its rule allows: the same
   * preview and binding as any task, announced at once, and reviewed afterwards by the rule's approvers.
   *
   * @throws Refusal when the rule has no break-glass or does not name them, or as {@link #ask} refuses
   */
  public RootRequest breakGlass(AskFor ask, UserId person, Origin origin) {
    AccountId target = ask.account().resolve(organization.accounts());
    RootTask task = ask.toTask(target, defaultRegion);
    return file(task, ask.reason(), person, origin, ask.knownRegion(), Optional.empty(), true);
  }

  /**
   * Files a request to put back the policy that request {@code unlock} removed; it needs its own approval, and
   * one unlock is restored once.
   */
  public RootRequest restore(RequestId unlock, UserId requester, Origin origin) {
    RootRequest unlocked = store.requests().find(unlock)
        .orElseThrow(() -> new Refusal("Request " + Mrkdwn.code(unlock.value()) + " is not known to Rootbot."));
    Backup backup = unlocked.backup()
        .orElseThrow(() -> new Refusal("Request " + Mrkdwn.code(unlock.value()) + " kept no backup: nothing to restore."));
    Optional<RootRequest> earlier = store.requests().restoreOf(unlock);
    if (earlier.isPresent()) {
      throw refused(requester, "The policy that request " + Mrkdwn.code(unlock.value()) + " removed is already being"
          + " put back by request " + Mrkdwn.code(earlier.get().id().value()) + ", which is "
          + Mrkdwn.escape(earlier.get().state().words()) + ". A backup is restored once, so nothing was filed.");
    }
    Reason reason = Reason.fromPlainText("restore the policy that request " + unlock.value() + " removed");
    return file(backup.restoreTask(), Optional.of(reason), requester, origin, Optional.of(backup.region()),
        Optional.of(unlock), false);
  }

  /**
   * Files again, for {@code requester}, the task of request {@code earlier}, which changed since its approval and
   * so did nothing: a new preview of what is there now, and a new approval.
   */
  public RootRequest again(RequestId earlier, UserId requester, Origin origin) {
    RootRequest before = store.requests().find(earlier)
        .orElseThrow(() -> new Refusal("Request " + Mrkdwn.code(earlier.value()) + " is not known to Rootbot."));
    RootTask task = before.rootTask().orElseThrow(() -> new Refusal("Request " + Mrkdwn.code(earlier.value())
        + " covers the organization; ask for it again in its own words."));
    Optional<AwsRegion> region = task.kind().onRootUser() ? Optional.empty() : Optional.of(task.eventsRegion());
    return file(task, before.reason(), requester, origin, region, before.restoreOf(), false);
  }

  /**
   * The rule of the approval policy for {@code task}, once its conditions allow {@code requester} to ask for it
   * (or, breaking glass, to run it at once) in {@code channel} with {@code reason}. The first rule that matches
   * the task and account applies; failing its conditions refuses, saying which rule and why.
   */
  private Rule clearance(Work task, UserId requester, ChannelId channel, Optional<Reason> reason,
      boolean breakingGlass) {
    Person person;
    try {
      person = people.person(requester);
    } catch (People.Unavailable e) {
      throw refused(requester, "Rootbot could not check with Slack who you are, so nothing was filed. Try again in a minute.");
    }
    TaskId id = TaskId.parse(task.id()).orElseThrow(() -> new IllegalStateException("no policy ID for "
        + task.id()));
    Selection selection;
    try {
      selection = policies.current().select(id, organization.placements().of(task.account()));
    } catch (SdkException e) {
      throw refused(requester, "Rootbot could not read where account " + Mrkdwn.code(task.account().value())
          + " is in the organization, which its approval rule depends on, so nothing was filed. Try again.");
    }
    Rule rule = selection.rule().orElseThrow(() -> refused(requester, capitalized(selection.decision().refusal()
        .orElseThrow())));
    Decision decision = breakingGlass ? rule.mayBreakGlass(person, channel, reason)
        : rule.mayRequest(person, channel, reason);
    decision.refusal().ifPresent(why -> {
      throw refused(requester, capitalized(why) + ". Nothing was filed.");
    });
    return rule;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private RootRequest file(RootTask asked, Optional<Reason> reason, UserId requester, Origin origin,
      Optional<AwsRegion> region, Optional<RequestId> restoreOf, boolean breakingGlass) {
    Rule rule = clearance(Work.of(asked), requester, origin.channel(), reason, breakingGlass);
    List<String> warnings = preflight(asked, region, requester);
    RootTask task = asked;
    Briefing briefing = new Briefing(Optional.empty(), Optional.empty(), warnings);
    if (previews.isPresent() && asked.changes()) {
      Preview preview = preview(asked, requester);
      task = preview.task(); // with what the read learned, such as the bucket's real region
      briefing = new Briefing(preview.snapshot(), preview.accessKeyId(), warnings);
    }
    String name = organization.directory().byId(task.target()).map(Account::name).orElse(task.target().value());
    return store(Work.of(task), name, reason, requester, origin, briefing, rule, restoreOf, breakingGlass);
  }

  /**
   * Files what {@code requester} asked for over the organization: the approval policy's rule for it (matched as
   * the management account, which stands for the organization), then what the card will show: for enabling, what is
   * on now and what will change (nothing to do, or what AWS would refuse, is answered at once); for an audit, the
   * accounts it covers.
   *
   * @throws Refusal when they may not ask, the OU is not there, or there is nothing to do
   */
  public RootRequest fleet(FleetAsk ask, UserId requester, Origin origin) {
    OrganizationSnapshot tree;
    try {
      tree = fleetView.tree();
    } catch (SdkException e) {
      throw refused(requester, "Rootbot could not read the organization from AWS (" + Mrkdwn.escape(String.valueOf(
          e.getMessage())) + "), so nothing was filed. Try again.");
    }
    AccountId management = tree.organization().managementAccount();
    String name = "organization " + tree.organization().id();
    if (ask instanceof FleetAsk.Enable enable) {
      var work = new FleetTask.EnableRootAccess(management, enable.credentialsOnly());
      Rule rule = clearance(work, requester, origin.channel(), Optional.empty(), false);
      EnablePlan plan;
      try {
        plan = fleetView.plan(enable.credentialsOnly());
      } catch (TaskFailure e) {
        throw refused(requester, Mrkdwn.escape(e.getMessage()) + " Nothing was filed.");
      }
      if (plan.nothingToDo()) {
        throw new Refusal(":information_source: Nothing to do, so nothing was filed: centralized root access is already"
            + " on.\n" + Mrkdwn.escape(plan.text()));
      }
      if (!plan.obstacles().isEmpty()) {
        throw refused(requester, Mrkdwn.escape(String.join("\n", plan.obstacles())) + "\nNothing was filed.");
      }
      Briefing briefing = new Briefing(Optional.of(fleetSnapshot("What is on now, and what will change:",
          plan.text())), Optional.empty(), List.of());
      return store(work, name, Optional.empty(), requester, origin, briefing, rule, Optional.empty(), false);
    }
    if (ask instanceof FleetAsk.Audit audit) {
      var work = new FleetTask.AuditFleet(management, audit.scope());
      Rule rule = clearance(work, requester, origin.channel(), Optional.empty(), false);
      List<TargetAccount> targets = targets(audit.scope(), tree);
      Briefing briefing = new Briefing(Optional.of(fleetSnapshot("Reads the root user's credentials in "
          + targets.size() + (targets.size() == 1 ? " ACTIVE member account" : " ACTIVE member accounts") + " ("
          + audit.scope().describe() + "), each in a root session that only reads. Changes nothing.",
          names(targets))), Optional.empty(), List.of());
      return store(work, name, Optional.empty(), requester, origin, briefing, rule, Optional.empty(), false);
    }
    FleetAsk.Delete delete = (FleetAsk.Delete) ask;
    // The audit comes first: it is the deletion's preview, and its end files the deletion with this reason.
    var work = new FleetTask.AuditFleet(management, delete.scope(), Optional.of(delete.reason()));
    Rule auditRule = clearance(work, requester, origin.channel(), Optional.empty(), false);
    clearance(new FleetTask.DeleteCredentialsFleet(management, delete.scope(), RequestId.random()), requester,
        origin.channel(), Optional.of(delete.reason()), false); // refused now rather than after the audit
    List<TargetAccount> targets = targets(delete.scope(), tree);
    Briefing briefing = new Briefing(Optional.of(fleetSnapshot("First reads the root user's credentials in "
        + targets.size() + (targets.size() == 1 ? " ACTIVE member account" : " ACTIVE member accounts") + " ("
        + delete.scope().describe() + "), changing nothing; then files the deletion of what it finds, for its own"
        + " approval.", names(targets))), Optional.empty(), List.of());
    return store(work, name, Optional.empty(), requester, origin, briefing, auditRule, Optional.empty(), false);
  }

  /**
   * Files the deletion of the root credentials that the fleet audit {@code audit} found, for {@code requester} with
   * {@code reason}: the audit is its preview (its card lists each account and what it has), and each account's run
   * is bound to the audit's fingerprint there.
   *
   * @param from the channel the click came from, which must be the audit's
   * @throws Refusal when the audit is not a complete fleet audit, found nothing, or the rule refuses
   */
  public RootRequest deleteFleet(RequestId audit, UserId requester, ChannelId from, Reason reason) {
    RootRequest audited = store.requests().find(audit)
        .orElseThrow(() -> new Refusal("Request " + Mrkdwn.code(audit.value()) + " is not known to Rootbot."));
    if (!audited.origin().channel().equals(from)) {
      throw refused(requester, "This button belongs to audit " + Mrkdwn.code(audit.value()) + " in another channel,"
          + " so nothing was filed. Use the summary in the channel where the audit ran.");
    }
    if (!(audited.work() instanceof FleetTask.AuditFleet fleet)
        || audited.state() != dev.rootbot.bot.request.State.SUCCEEDED) {
      throw new Refusal("Request " + Mrkdwn.code(audit.value()) + " is not a complete fleet audit, so it cannot say"
          + " what to delete. Nothing was filed.");
    }
    List<AccountAudit> results = new ArrayList<>();
    for (FleetResults.Stored row : store.fleet().of(audit)) {
      row.result().filter(r -> row.done()).map(AccountAudit::fromJson).ifPresent(results::add);
    }
    results.sort(java.util.Comparator.comparing((AccountAudit r) -> r.account().name())
        .thenComparing(r -> r.account().id().value())); // as the audit's CSV lists them
    List<DeletionTarget> targets = DeletionTarget.from(results);
    if (targets.isEmpty()) {
      throw new Refusal(":information_source: Audit " + Mrkdwn.code(audit.value()) + " found no root credentials:"
          + " nothing to delete, so nothing was filed.");
    }
    var work = new FleetTask.DeleteCredentialsFleet(audited.work().account(), fleet.scope(), audit);
    Rule rule = clearance(work, requester, audited.origin().channel(), Optional.of(reason), false);
    StringBuilder listed = new StringBuilder();
    int shown = 0;
    for (DeletionTarget target : targets) {
      String line = target.account().label() + ": " + target.audited().describe().replace('\n', ' ') + "\n";
      if (listed.length() + line.length() > 2000) { // escaped, it must stay within a section's 3,000 characters
        break;
      }
      listed.append(line);
      shown++;
    }
    if (shown < targets.size()) {
      listed.append("… and ").append(targets.size() - shown).append(" more accounts: every one is in the audit's CSV.");
    }
    Briefing briefing = new Briefing(Optional.of(new Snapshot(new Finding("Deletes exactly the root credentials that"
        + " audit " + audit.value() + " found in " + targets.size() + (targets.size() == 1 ? " account" : " accounts")
        + ", each in a root session of its own bound to what the audit saw there: an account whose credentials"
        + " changed since is skipped, and nothing is deleted in it.", List.of(new Finding.Section("Accounts and what"
        + " each has", listed.toString().strip(), false))), Fingerprint.ofLines(targets.stream()
        .map(t -> t.account().id().value() + " " + t.fingerprint().sha256()).toArray(String[]::new)))),
        Optional.empty(), List.of());
    return store(work, audited.accountName(), Optional.of(reason), requester, audited.origin(), briefing, rule,
        Optional.empty(), false);
  }

  /** The accounts {@code scope} covers now; refuses an OU that is not there, or one with no ACTIVE member account. */
  private static List<TargetAccount> targets(FleetScope scope, OrganizationSnapshot tree) {
    List<TargetAccount> targets;
    try {
      targets = scope.targets(tree);
    } catch (InvalidInput e) {
      throw new Refusal(Mrkdwn.escape(capitalized(e.getMessage())) + ". Nothing was filed.");
    }
    if (targets.isEmpty()) {
      throw new Refusal("There is no ACTIVE member account in " + Mrkdwn.escape(scope.describe())
          + ", so nothing was filed.");
    }
    return targets;
  }

  /** "prod-data (333333333333), …" and how many more: the accounts an audit covers, for its card. */
  private static String names(List<TargetAccount> targets) {
    int shown = Math.min(targets.size(), 10);
    String names = String.join(", ", targets.subList(0, shown).stream().map(TargetAccount::label).toList());
    return targets.size() > shown ? names + " and " + (targets.size() - shown) + " more" : names;
  }

  /** What the card of a fleet task shows before it runs; its fingerprint covers the text, for the audit log. */
  private static Snapshot fleetSnapshot(String headline, String text) {
    return new Snapshot(new Finding(headline, List.of(new Finding.Section("Details", text, false))),
        Fingerprint.ofLines(java.util.stream.Stream.concat(java.util.stream.Stream.of(headline), text.lines())
            .toArray(String[]::new)));
  }

  private RootRequest store(Work task, String name, Optional<Reason> reason, UserId requester, Origin origin,
      Briefing briefing, Rule rule, Optional<RequestId> restoreOf, boolean breakingGlass) {
    Optional<java.time.Instant> reviewDue = breakingGlass
        ? Optional.of(clock.instant().plus(rule.breakGlass().orElseThrow().reviewWithin())) : Optional.empty();
    var asking = new NewRequest(task, name, requester, origin, reason, rule.ttlOr(ttl), briefing, restoreOf,
        Optional.of(rule.name()), reviewDue);
    RootRequest filed;
    if (breakingGlass) {
      filed = store.requests().fileCleared(asking, Transition.breakGlass(requester),
          request -> brokeGlass(request, rule));
      metrics.count(Metrics.BREAK_GLASS_RUNS, "rule", rule.name());
    } else if (!rule.needsApproval()) {
      filed = store.requests().fileCleared(asking, Transition.admit(), request -> {
        List<Outgoing> messages = cardAndFullText(request);
        messages.add(new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.approved(request).toJson()));
        return messages;
      });
    } else {
      filed = store.requests().file(asking, Asking::cardAndFullText);
    }
    wake.outbox().run();
    if (filed.state() == dev.rootbot.bot.request.State.APPROVED) {
      wake.runner().run();
    }
    return filed;
  }

  /** A break-glass run's card, and its loud notice at the top of its channel and in each announce channel. */
  private static List<Outgoing> brokeGlass(RootRequest request, Rule rule) {
    List<Outgoing> messages = cardAndFullText(request);
    var notice = ThreadReplies.brokeGlass(request, rule.approvers().mentions());
    messages.add(new Outgoing(Outgoing.Kind.ANNOUNCE, new Announcement(request.origin().channel(), notice).toJson()));
    for (ChannelId channel : rule.breakGlass().orElseThrow().announce()) {
      if (!channel.equals(request.origin().channel())) {
        messages.add(new Outgoing(Outgoing.Kind.ANNOUNCE, new Announcement(channel, notice).toJson()));
      }
    }
    return messages;
  }

  /** The card, and the whole policy in its thread when the card has to cut it. */
  private static List<Outgoing> cardAndFullText(RootRequest request) {
    List<Outgoing> messages = new ArrayList<>(List.of(new Outgoing(Outgoing.Kind.POST_CARD, "")));
    ThreadReplies.fullPreview(request).ifPresent(full ->
        messages.add(new Outgoing(Outgoing.Kind.THREAD_REPLY, full.toJson())));
    return messages;
  }

  /** Refuses what AWS would certainly refuse; returns what the approver should be warned of. */
  private List<String> preflight(RootTask task, Optional<AwsRegion> region, UserId requester) {
    PreflightResult result;
    try {
      result = preflights.check(task, region);
    } catch (SdkException e) {
      throw refused(requester, "Rootbot could not check account " + Mrkdwn.code(task.target().value())
          + " with AWS (" + Mrkdwn.escape(String.valueOf(e.getMessage())) + "), so nothing was filed. Try again.");
    }
    if (result instanceof PreflightResult.Refused refusal) {
      throw refused(requester, Mrkdwn.escape(refusal.explanation()));
    }
    return ((PreflightResult.Cleared) result).warnings();
  }

  /** What will change; answers at once, and files nothing, when there is nothing to do or it cannot be read. */
  private Preview preview(RootTask task, UserId requester) {
    Preview preview = previews.orElseThrow().preview(task);
    preview.accessKeyId().ifPresent(key -> store.audit().noted(Optional.empty(), requester.value(), "preview",
        task.summary() + " in " + task.target() + ": read in a root session with access key ID " + key + ", "
            + preview.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + preview.headline()));
    switch (preview.status()) {
      case WILL_CHANGE:
        return preview;
      case NOTHING_TO_DO:
        throw new Refusal(":information_source: Nothing to do, so nothing was filed: " + Mrkdwn.escape(preview.headline()));
      case MISSING:
        throw new Refusal(":mag: " + Mrkdwn.escape(preview.headline()) + " Nothing was filed.");
      case FAILED:
      default:
        throw refused(requester, Mrkdwn.escape(preview.headline()) + " Nothing was filed.");
    }
  }

  private Refusal refused(UserId who, String why) {
    store.audit().refused(Optional.empty(), who, "request", why);
    return new Refusal(why);
  }
}
