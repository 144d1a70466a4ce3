package dev.rootbot.bot.flow;

import dev.rootbot.bot.approval.Approvals;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.request.Action;
import dev.rootbot.bot.request.Outcome;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Approves, denies and cancels requests for the person who clicked. Each decision is checked against the
 * rules, then made with one conditional update, so that twenty clicks, or two replicas, decide a request
 * once; an approved request waits in the store for a runner, and {@code wakeRunner} tells this replica's runner.
 * A click counts only on the request's own card, in its own channel. Every refusal is recorded and explained.
 */
public final class Deciding {
  private final Store store;
  private final Approvals approvals;
  private final People people;
  private final Clock clock;
  /** How long a click waits for its card's ts to be stored, when it came faster than Slack's answer to the post. */
  private static final Duration CARD_WAIT = Duration.ofSeconds(3);

  private final Runnable wakeRunner;
  private final Runnable nudge;

  /**
   * @param wakeRunner tells this replica's runner that something was approved
   * @param nudge wakes the outbox's sender after something was queued
   */
  public Deciding(Store store, Approvals approvals, People people, Clock clock, Runnable wakeRunner,
      Runnable nudge) {
    this.store = store;
    this.approvals = approvals;
    this.people = people;
    this.clock = clock;
    this.wakeRunner = wakeRunner;
    this.nudge = nudge;
  }

  /** Approves the clicked request for the clicker; returns what to tell them when it did not. */
  public Optional<String> approve(Click click) {
    return decide(click, "approve", (request, person) -> approvals.mayApprove(request, person, clock.instant()),
        Transition.approve(click.clicker()), after -> List.of(
            new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
            new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.approved(after).toJson())));
  }

  /** Denies the clicked request for the clicker, with {@code why} (plain text they typed), kept on the card. */
  public Optional<String> deny(Click click, String why) {
    Outcome reason = Outcome.of(Reason.fromPlainText(why).text());
    return decide(click, "deny", (request, person) -> approvals.mayDeny(request, person, clock.instant()),
        Transition.deny(click.clicker(), reason), Deciding::ended);
  }

  public Optional<String> cancel(Click click) {
    return decide(click, "cancel", (request, person) -> approvals.mayCancel(request, person, clock.instant()),
        Transition.cancel(click.clicker()), Deciding::ended);
  }

  private static List<Outgoing> ended(RootRequest after) {
    return List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
        new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.ended(after).toJson()));
  }

  private Optional<String> decide(Click click, String attempted, BiFunction<RootRequest, Person, Decision> rule,
      Transition transition, Report report) {
    RequestId id = click.request();
    UserId clicker = click.clicker();
    Optional<RootRequest> found = store.requests().find(id);
    if (found.isEmpty()) {
      return Optional.of("Request " + Mrkdwn.code(id.value()) + " is not known to Rootbot.");
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
      return Optional.of(refused(id, clicker, attempted, elsewhere.get()));
    }
    Person person;
    try {
      person = people.person(clicker);
    } catch (People.Unavailable e) {
      return Optional.of(refused(id, clicker, attempted,
          "Rootbot could not check with Slack who you are, so nothing was done. Try again in a minute."));
    }
    Optional<String> refusal = rule.apply(found.get(), person).refusal();
    if (refusal.isPresent()) {
      expireIfDue(found.get());
      return Optional.of(refused(id, clicker, attempted, refusal.get()));
    }
    Optional<RootRequest> moved = store.requests().move(id, transition, report);
    if (moved.isEmpty()) {
      // Someone else was first, or it expired meanwhile: say what it is now.
      RootRequest now = store.requests().find(id).orElseThrow();
      return Optional.of("Too late: this request is already " + Mrkdwn.escape(now.state().words())
          + now.decidedBy().map(by -> " (" + Mrkdwn.user(by) + ")").orElse("") + ".");
    }
    nudge.run();
    if (transition.action() == Action.APPROVE) {
      wakeRunner.run();
    }
    return Optional.empty();
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
