package dev.rootbot.bot.flow;

import dev.rootbot.bot.approval.Approvals;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.card.Announcement;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.policy.BreakGlass;
import dev.rootbot.bot.policy.Policies;
import dev.rootbot.bot.policy.Policy;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.policy.Selection;
import dev.rootbot.bot.policy.Tally;
import dev.rootbot.bot.policy.TaskId;
import dev.rootbot.bot.request.BreakGlassReview;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Requests;
import dev.rootbot.bot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Approves, denies, cancels and reviews requests for the person who clicked, under the approval policy's rule
 * the request was asked under (as the policy has it now). Each approval is counted in one transaction that
 * also moves the request to APPROVED when it reaches the rule's quorum, so that twenty clicks, or two
 * replicas, count each person once and approve once; other decisions are one conditional update. An
 * approved request waits in the store for a runner, and {@code wakeRunner} tells this replica's runner. A
 * click counts only on the request's own card, in its own channel. Every refusal is recorded and explained.
 */
public final class Deciding {
  /** How long a click waits for its card's ts to be stored, when it came faster than Slack's answer to the post. */
  private static final Duration CARD_WAIT = Duration.ofSeconds(3);

  private final Store store;
  private final Policies policies;
  private final Placements placements;
  private final People people;
  private final Clock clock;
  private final Runnable wakeRunner;
  private final Runnable nudge;

  /**
   * @param placements places a request's account in the organization, to choose a rule for a request asked
   *     before it recorded one
   * @param wakeRunner tells this replica's runner that something was approved
   * @param nudge wakes the outbox's sender after something was queued
   */
  public Deciding(Store store, Policies policies, Placements placements, People people, Clock clock,
      Runnable wakeRunner, Runnable nudge) {
    this.store = store;
    this.policies = policies;
    this.placements = placements;
    this.people = people;
    this.clock = clock;
    this.wakeRunner = wakeRunner;
    this.nudge = nudge;
  }

  /**
   * Counts the clicker's approval of the clicked request; the approval that reaches the rule's quorum approves it.
   * Returns what to tell them when it did not count.
   */
  public Optional<String> approve(Click click) {
    String attempted = "approve";
    Clicked clicked = clicked(click, attempted);
    if (clicked.refusal().isPresent()) {
      return clicked.refusal();
    }
    RootRequest request = clicked.request();
    Rule rule;
    try {
      rule = ruleOf(request);
    } catch (Refusal refusal) {
      return Optional.of(refused(request.id(), click.clicker(), attempted, refusal.mrkdwn()));
    }
    Tally tally = new Tally(request.requester(), request.clearance().approvals());
    Optional<String> refusal = rule.mayApprove(request, tally, clicked.person(), clock.instant()).refusal();
    if (refusal.isPresent()) {
      expireIfDue(request);
      return Optional.of(refused(request.id(), click.clicker(), attempted, capitalized(refusal.get())));
    }
    Requests.Approval approval = store.requests().approve(request.id(), click.clicker(), rule.quorum(),
        after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
            new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.approved(after).toJson())),
        after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
            new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.counted(after, click.clicker(),
                rule.progress(new Tally(after.requester(), after.clearance().approvals()))).toJson())));
    switch (approval.kind()) {
      case APPROVED:
        nudge.run();
        wakeRunner.run();
        return Optional.empty();
      case COUNTED:
        nudge.run();
        return Optional.empty();
      case ALREADY_COUNTED:
        return Optional.of("You have already approved this; it needs approvals from different people ("
            + rule.progress(new Tally(request.requester(), approval.request().clearance().approvals())) + ").");
      case NOT_WAITING:
      default:
        return Optional.of(tooLate(approval.request()));
    }
  }

  /** Denies the clicked request for the clicker, with {@code why} (plain text they typed), kept on the card. */
  public Optional<String> deny(Click click, String why) {
    Outcome reason = Outcome.of(Reason.fromPlainText(why).text());
    return decide(click, "deny", (request, person) -> ruleOf(request).mayDeny(request, person, clock.instant()),
        Transition.deny(click.clicker(), reason), Deciding::ended);
  }

  public Optional<String> cancel(Click click) {
    return decide(click, "cancel", (request, person) -> Approvals.mayCancel(request, person, clock.instant()),
        Transition.cancel(click.clicker()), Deciding::ended);
  }

  /**
   * Records the clicker's review of a break-glass run: {@code comment} is what they typed, required when it was
   * not justified. "Not justified" is announced where the break-glass was.
   */
  public Optional<String> review(Click click, BreakGlassReview.Verdict verdict, Optional<String> comment) {
    String attempted = "review";
    Clicked clicked = clicked(click, attempted);
    if (clicked.refusal().isPresent()) {
      return clicked.refusal();
    }
    RootRequest request = clicked.request();
    Optional<BreakGlassReview> owed = request.clearance().breakGlass();
    if (owed.isEmpty()) {
      return Optional.of(refused(request.id(), click.clicker(), attempted, "This request did not break glass, so it"
          + " has no review."));
    }
    if (owed.get().reviewed()) {
      return Optional.of("Too late: " + owed.get().reviewer().map(Mrkdwn::user).orElse("someone") + " has already"
          + " reviewed this break-glass run (" + owed.get().verdict().orElseThrow().words() + ").");
    }
    Optional<String> said = comment.map(String::strip).filter(text -> !text.isEmpty())
        .map(text -> Reason.fromPlainText(text).text());
    if (verdict == BreakGlassReview.Verdict.NOT_JUSTIFIED && said.isEmpty()) {
      return Optional.of("Say why it was not justified: the comment is required.");
    }
    Rule rule;
    try {
      rule = ruleOf(request);
    } catch (Refusal refusal) {
      return Optional.of(refused(request.id(), click.clicker(), attempted, refusal.mrkdwn()));
    }
    Optional<String> refusal = rule.mayReview(request.requester(), clicked.person()).refusal();
    if (refusal.isPresent()) {
      return Optional.of(refused(request.id(), click.clicker(), attempted, capitalized(refusal.get())));
    }
    Optional<RootRequest> reviewed = store.requests().review(request.id(), click.clicker(), verdict, said, after -> {
      var notice = ThreadReplies.reviewed(after);
      List<Outgoing> messages = new ArrayList<>(List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
          new Outgoing(Outgoing.Kind.THREAD_REPLY, notice.toJson())));
      if (verdict == BreakGlassReview.Verdict.NOT_JUSTIFIED) {
        for (ChannelId channel : rule.breakGlass().map(BreakGlass::announce).orElse(List.of())) {
          messages.add(new Outgoing(Outgoing.Kind.ANNOUNCE, new Announcement(channel, notice).toJson()));
        }
      }
      return messages;
    });
    if (reviewed.isEmpty()) {
      return Optional.of("Too late: someone has already reviewed this break-glass run.");
    }
    nudge.run();
    return Optional.empty();
  }

  private static List<Outgoing> ended(RootRequest after) {
    return List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
        new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.ended(after).toJson()));
  }

  /**
   * The rule that decides {@code request}: the one it was asked under, as the policy has it now; for a request
   * asked before requests recorded their rule, the rule that applies to it now.
   *
   * @throws Refusal when the policy no longer has that rule, or no rule covers the request now
   */
  private Rule ruleOf(RootRequest request) {
    Policy policy = policies.current();
    if (request.clearance().rule().isPresent()) {
      String name = request.clearance().rule().get();
      return policy.rule(name).orElseThrow(() -> new Refusal("The approval policy changed since this was asked: it"
          + " no longer has rule “" + Mrkdwn.escape(name) + "”, so this request cannot be decided. Ask again."));
    }
    TaskId task = TaskId.parse(request.work().id()).orElseThrow();
    Selection selection = policy.select(task, placements.of(request.work().account()));
    return selection.rule().orElseThrow(() -> new Refusal(capitalized(selection.decision().refusal().orElseThrow())));
  }

  /** A click checked for its card and its clicker: the request and who clicked, or what to tell them. */
  private record Clicked(RootRequest request, Person person, Optional<String> refusal) {
    static Clicked refused(String why) {
      return new Clicked(null, null, Optional.of(why));
    }
  }

  private Clicked clicked(Click click, String attempted) {
    RequestId id = click.request();
    UserId clicker = click.clicker();
    Optional<RootRequest> found = store.requests().find(id);
    if (found.isEmpty()) {
      return Clicked.refused("Request " + Mrkdwn.code(id.value()) + " is not known to Rootbot.");
    }
    if (found.get().card().isEmpty()) {
      found = awaitCard(id); // clicked while Slack's answer to the post was on its way back
    }
    Optional<String> elsewhere = notItsCard(found.get(), click);
    if (elsewhere.isPresent()) {
      if (found.get().origin().channel().equals(click.channel()) && found.get().card().isPresent()) {
        // Maybe a duplicate card of this request: the sender retires it if it really is one.
        store.outbox().enqueue(id, new Outgoing(Outgoing.Kind.RETIRE_DUPLICATE, click.message().value()));
        nudge.run();
      }
      return Clicked.refused(refused(id, clicker, attempted, elsewhere.get()));
    }
    try {
      return new Clicked(found.get(), people.person(clicker), Optional.empty());
    } catch (People.Unavailable e) {
      return Clicked.refused(refused(id, clicker, attempted,
          "Rootbot could not check with Slack who you are, so nothing was done. Try again in a minute."));
    }
  }

  private Optional<String> decide(Click click, String attempted, BiFunction<RootRequest, Person, Decision> rule,
      Transition transition, Report report) {
    Clicked clicked = clicked(click, attempted);
    if (clicked.refusal().isPresent()) {
      return clicked.refusal();
    }
    RootRequest request = clicked.request();
    Optional<String> refusal;
    try {
      refusal = rule.apply(request, clicked.person()).refusal().map(Deciding::capitalized);
    } catch (Refusal e) {
      refusal = Optional.of(e.mrkdwn());
    }
    if (refusal.isPresent()) {
      expireIfDue(request);
      return Optional.of(refused(request.id(), click.clicker(), attempted, refusal.get()));
    }
    Optional<RootRequest> moved = store.requests().move(request.id(), transition, report);
    if (moved.isEmpty()) {
      // Someone else was first, or it expired meanwhile: say what it is now.
      return Optional.of(tooLate(store.requests().find(request.id()).orElseThrow()));
    }
    nudge.run();
    return Optional.empty();
  }

  private static String tooLate(RootRequest now) {
    return "Too late: this request is already " + Mrkdwn.escape(now.state().words())
        + now.decidedBy().map(by -> " (" + Mrkdwn.user(by) + ")").orElse("") + ".";
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The request once its card's ts is stored, or as it is after a few seconds. */
  private Optional<RootRequest> awaitCard(RequestId id) {
    long deadline = System.nanoTime() + CARD_WAIT.toNanos();
    Optional<RootRequest> request = store.requests().find(id);
    while (request.isPresent() && request.get().card().isEmpty() && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      request = store.requests().find(id);
    }
    return request;
  }

  /**
   * Why a click does not count, when its button is not on the request's own card: another channel, or another
   * message (a forged click, or a duplicate card that slipped out; the sender points such a card at the real one).
   */
  private static Optional<String> notItsCard(RootRequest request, Click click) {
    if (!request.origin().channel().equals(click.channel())) {
      return Optional.of("This button belongs to request " + Mrkdwn.code(request.id().value())
          + " in another channel, so nothing was done. Use the card in the channel where it was asked.");
    }
    if (request.card().isEmpty()) {
      return Optional.of("Rootbot is still recording the card of request " + Mrkdwn.code(request.id().value())
          + ", so nothing was done. Try again in a few seconds.");
    }
    if (!request.card().get().equals(click.message())) {
      return Optional.of("This is not the card of request " + Mrkdwn.code(request.id().value())
          + ", so nothing was done. Use the request's card: it is in the same channel.");
    }
    return Optional.empty();
  }

  /** A click on a card whose time is up ends it now rather than at the next sweep, so the card says so at once. */
  private void expireIfDue(RootRequest request) {
    if (request.state() == State.REQUESTED && request.isExpiredAt(clock.instant())
        && store.requests().move(request.id(), Transition.expire(), Deciding::ended).isPresent()) {
      nudge.run();
    }
  }

  private String refused(RequestId id, UserId who, String attempted, String why) {
    store.audit().refused(Optional.of(id), who, attempted, why);
    return why;
  }
}
