package dev.rootbot.bot.policy;

import dev.rootbot.bot.approval.Approvals;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One rule of the approval policy: which tasks in which accounts it covers, and then who may ask (and where,
 * and with what reason), who approves, how many of them, and who may break glass. Pure: the facts about
 * people and the time come in as values.
 *
 * <p>A rule is selected on {@link #matches tasks and accounts} alone (see {@link Policy#select}); its other
 * parts are conditions checked after that, and failing one refuses the request with the rule's name. Every
 * refusal is Slack text for the person concerned, and never names a setting.
 *
 * @param line where the rule starts in its file (0 when it did not come from a file), for messages
 * @param quorum how many distinct approvers must approve; the requester never counts; 0 runs at once
 * @param channels where it may be asked; empty means anywhere
 * @param ttl how long a request waits for its quorum, when the rule overrides the default
 */
public record Rule(String name, int line, TaskSet tasks, List<AccountPattern> accounts, Audience requesters,
    Audience approvers, int quorum, Optional<ReasonPattern> reason, List<ChannelId> channels,
    Optional<Duration> ttl, Optional<BreakGlass> breakGlass) {

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tasks, "tasks");
    accounts = List.copyOf(accounts);
    Objects.requireNonNull(requesters, "requesters");
    Objects.requireNonNull(approvers, "approvers");
    if (quorum < 0) {
      throw new IllegalArgumentException("a quorum is 0 or more; got " + quorum);
    }
    Objects.requireNonNull(reason, "reason");
    channels = List.copyOf(channels);
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(breakGlass, "breakGlass");
  }

  /** Whether the rule covers {@code task} in {@code account}: the only test that selects a rule. */
  public boolean matches(TaskId task, TargetAccount account) {
    return tasks.includes(task) && accounts.stream().anyMatch(pattern -> pattern.matches(account));
  }

  /** Whether a request must collect approvals; a quorum of 0 runs at once. */
  public boolean needsApproval() {
    return quorum > 0;
  }

  /** How long a request under this rule waits for its quorum. */
  public Duration ttlOr(Duration fallback) {
    return ttl.orElse(fallback);
  }

  /**
   * Whether {@code requester} may ask for a task this rule covers, in {@code channel}, with {@code reason}:
   * all of {@link #requesterAllowed}, {@link #channelAllowed}, {@link #reasonAllowed} and
   * {@link #approvalPossibleFor}, the first refusal winning.
   */
  public Decision mayRequest(Person requester, ChannelId channel, Optional<Reason> reason) {
    return first(requesterAllowed(requester), channelAllowed(channel), reasonAllowed(reason),
        approvalPossibleFor(requester.id()));
  }

  /** Whether the rule's {@code requesters} include {@code requester}, who must be a full, active member. */
  public Decision requesterAllowed(Person requester) {
    if (!requester.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot ask for root tasks");
    }
    if (!requesters.includes(requester)) {
      return Decision.refuse("under rule " + quoted() + ", only " + requesters.mentions() + " may ask for this");
    }
    return Decision.allow();
  }

  /** Whether it may be asked in {@code channel}: any channel, unless the rule lists some. */
  public Decision channelAllowed(ChannelId channel) {
    if (channels.isEmpty() || channels.contains(channel)) {
      return Decision.allow();
    }
    return Decision.refuse("under rule " + quoted() + ", this can only be asked in " + channelMentions(channels));
  }

  /** Whether {@code reason} fits the rule's pattern; no pattern takes any reason, or none. */
  public Decision reasonAllowed(Optional<Reason> given) {
    if (reason.isEmpty()) {
      return Decision.allow();
    }
    String pattern = Mrkdwn.code(reason.get().source());
    if (given.isEmpty()) {
      return Decision.refuse("under rule " + quoted() + ", a reason matching " + pattern
          + " is required: add one after `because`");
    }
    if (!reason.get().matches(given.get())) {
      return Decision.refuse("under rule " + quoted() + ", the reason must match " + pattern
          + " (for example, start it with the incident's reference); yours does not");
    }
    return Decision.allow();
  }

  /**
   * Whether enough people other than {@code requester} could ever approve, as far as the policy can know:
   * a request that could only wait and expire is refused at once. Only a rule whose approvers are all
   * named by user ID can be short; a user group counts as enough.
   */
  public Decision approvalPossibleFor(UserId requester) {
    if (!needsApproval()) {
      return Decision.allow();
    }
    if (approvers.isEmpty()) {
      return Decision.refuse("nobody can approve this under rule " + quoted()
          + " yet: ask your Rootbot admin to name its approvers");
    }
    if (approvers.knownSize().isPresent()) {
      long others = approvers.users().stream().filter(user -> !user.equals(requester)).count();
      if (others < quorum) {
        return Decision.refuse("under rule " + quoted() + ", this needs " + approvals(quorum) + " from "
            + approvers.mentions() + " and the requester never counts, so only " + others
            + " could approve yours: ask your Rootbot admin, or someone else to ask");
      }
    }
    return Decision.allow();
  }

  /**
   * Whether {@code approver} may add their approval to {@code request}, which has collected {@code tally}
   * so far, at {@code now}. Nobody counts twice and the requester never counts.
   */
  public Decision mayApprove(RootRequest request, Tally tally, Person approver, Instant now) {
    Decision pending = Approvals.stillWaiting(request, now);
    if (!pending.isAllowed()) {
      return pending;
    }
    if (!needsApproval()) {
      return Decision.refuse("this request needs no approval under rule " + quoted());
    }
    if (approver.id().equals(request.requester())) {
      return Decision.refuse("you asked for this, so someone else must approve it");
    }
    if (tally.hasApproved(approver.id())) {
      return Decision.refuse("you have already approved this; it needs " + approvals(quorum)
          + " from different people (" + tally.count() + "/" + quorum + " so far)");
    }
    if (!approver.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot approve");
    }
    if (!approvers.includes(approver)) {
      return Decision.refuse("under rule " + quoted() + ", only " + approvers.mentions() + " can approve this");
    }
    return Decision.allow();
  }

  /** Whether {@code tally} reaches the quorum: distinct approvers other than the requester. */
  public boolean quorumReached(Tally tally) {
    return tally.count() >= quorum;
  }

  /**
   * Whether {@code denier} may deny {@code request} at {@code now}: any approver of the rule except the
   * requester (who cancels instead), even one who approved before. One Deny ends the request.
   */
  public Decision mayDeny(RootRequest request, Person denier, Instant now) {
    Decision pending = Approvals.stillWaiting(request, now);
    if (!pending.isAllowed()) {
      return pending;
    }
    if (denier.id().equals(request.requester())) {
      return Decision.refuse("you asked for this: use Cancel to withdraw it");
    }
    if (!denier.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot deny");
    }
    if (!approvers.includes(denier)) {
      return Decision.refuse("under rule " + quoted() + ", only " + approvers.mentions() + " can deny this");
    }
    return Decision.allow();
  }

  /**
   * Whether {@code person} may run a task of this rule at once, without approval, in {@code channel} with
   * {@code reason}: {@link #breakGlassAllowed} and the rule's channel and reason conditions (its
   * {@code requesters} do not apply: {@code break_glass.who} takes their place).
   */
  public Decision mayBreakGlass(Person person, ChannelId channel, Optional<Reason> given) {
    return first(breakGlassAllowed(person), channelAllowed(channel), reasonAllowed(given));
  }

  /** Whether the rule has break-glass and its {@code who} names {@code person}, a full, active member. */
  public Decision breakGlassAllowed(Person person) {
    if (breakGlass.isEmpty()) {
      return Decision.refuse("rule " + quoted() + " has no break-glass: ask for approval with the same words,"
          + " without break-glass");
    }
    if (!person.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot break glass");
    }
    if (!breakGlass.get().who().includes(person)) {
      return Decision.refuse("under rule " + quoted() + ", only " + breakGlass.get().who().mentions()
          + " may break glass; ask for approval instead");
    }
    return Decision.allow();
  }

  /**
   * Whether {@code reviewer} may review a break-glass run of this rule by {@code brokeGlass}: Justified or
   * Not justified. Any approver of the rule except the person who broke glass, who cannot judge their own.
   */
  public Decision mayReview(UserId brokeGlass, Person reviewer) {
    if (reviewer.id().equals(brokeGlass)) {
      return Decision.refuse("you broke glass, so someone else must review it");
    }
    if (!reviewer.activeFullMember()) {
      return Decision.refuse("guests, bots and deactivated users cannot review");
    }
    if (!approvers.includes(reviewer)) {
      return Decision.refuse("under rule " + quoted() + ", only " + approvers.mentions() + " can review this");
    }
    return Decision.allow();
  }

  /**
   * The card's line on approvals, as Slack text that mentions the approvers:
   * "Needs 2 of &lt;!subteam^S…&gt; — 1/2: &lt;@U…&gt;", then "Approved — 2/2: …" once reached.
   */
  public String progress(Tally tally) {
    if (!needsApproval()) {
      return "Needs no approval (rule " + quoted() + ")";
    }
    List<UserId> counted = tally.counted();
    String who = counted.isEmpty() ? ""
        : ": " + counted.stream().map(UserId::mention).collect(Collectors.joining(", "));
    String count = Math.min(counted.size(), quorum) + "/" + quorum;
    return quorumReached(tally) ? "Approved — " + count + who
        : "Needs " + quorum + " of " + approvers.mentions() + " — " + count + who;
  }

  /** The rule's name in quotes, safe to post. */
  public String quoted() {
    return "“" + Mrkdwn.escape(name) + "”";
  }

  static String channelMentions(List<ChannelId> channels) {
    return channels.stream().map(channel -> "<#" + channel.value() + ">").collect(Collectors.joining(", "));
  }

  private static String approvals(int n) {
    return n == 1 ? "1 approval" : n + " approvals";
  }

  /** The first refusal among {@code decisions}, or allowed when none refuses. */
  public static Decision first(Decision... decisions) {
    for (Decision decision : decisions) {
      if (!decision.isAllowed()) {
        return decision;
      }
    }
    return Decision.allow();
  }
}
