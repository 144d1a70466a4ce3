package dev.rootbot.bot.flow;

import dev.rootbot.bot.approval.Approvals;
import dev.rootbot.bot.approval.Decision;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.request.Action;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.request.Transition;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Report;
import dev.rootbot.bot.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Approves, denies and cancels requests for the person who clicked. Each decision is checked against the
 * rules, then made with one conditional update, so that twenty clicks, or two replicas, decide a request
 * once; an approved request is handed to {@code run}. Every refusal is recorded and explained.
 */
public final class Deciding {
  private final Store store;
  private final Approvals approvals;
  private final People people;
  private final Clock clock;
  private final Consumer<RootRequest> run;
  private final Runnable nudge;

  public Deciding(Store store, Approvals approvals, People people, Clock clock, Consumer<RootRequest> run,
      Runnable nudge) {
    this.store = store;
    this.approvals = approvals;
    this.people = people;
    this.clock = clock;
    this.run = run;
    this.nudge = nudge;
  }

  /** Approves {@code id} for {@code clicker} and starts it; returns what to tell them when it did not. */
  public Optional<String> approve(RequestId id, UserId clicker) {
    return decide(id, clicker, "approve", (request, person) -> approvals.mayApprove(request, person, clock.instant()),
        Transition.approve(clicker), after -> List.of(
            new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
            new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.approved(after).toJson())));
  }

  public Optional<String> deny(RequestId id, UserId clicker) {
    return decide(id, clicker, "deny", (request, person) -> approvals.mayDeny(request, person, clock.instant()),
        Transition.deny(clicker), Deciding::ended);
  }

  public Optional<String> cancel(RequestId id, UserId clicker) {
    return decide(id, clicker, "cancel", (request, person) -> approvals.mayCancel(request, person, clock.instant()),
        Transition.cancel(clicker), Deciding::ended);
  }

  private static List<Outgoing> ended(RootRequest after) {
    return List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
        new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.ended(after).toJson()));
  }

  private Optional<String> decide(RequestId id, UserId clicker, String attempted,
      BiFunction<RootRequest, Person, Decision> rule, Transition transition,
      Report report) {
    Optional<RootRequest> found = store.requests().find(id);
    if (found.isEmpty()) {
      return Optional.of("Request " + Mrkdwn.code(id.value()) + " is not known to Rootbot.");
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
      run.accept(moved.get());
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
