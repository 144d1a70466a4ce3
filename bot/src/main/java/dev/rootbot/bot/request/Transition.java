package dev.rootbot.bot.request;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@link Action} with what it carries: the person who decided (approve, deny, cancel) or the outcome
 * (succeed, fail, abandon, interrupt). Build one with the static methods, which cannot be misused.
 */
public record Transition(Action action, Optional<UserId> by, Optional<Outcome> outcome) {
  public Transition {
    Objects.requireNonNull(action, "action");
    if (by.isPresent() != action.needsPerson()) {
      throw new IllegalArgumentException(action + (action.needsPerson() ? " names who decided" : " names nobody"));
    }
    if (outcome.isPresent() != action.needsOutcome()) {
      throw new IllegalArgumentException(action + (action.needsOutcome() ? " carries an outcome" : " carries no outcome"));
    }
  }

  public static Transition approve(UserId approver) {
    return new Transition(Action.APPROVE, Optional.of(approver), Optional.empty());
  }

  /** The rule needs no approval (quorum 0): nobody decided, the policy did. */
  public static Transition admit() {
    return new Transition(Action.ADMIT, Optional.empty(), Optional.empty());
  }

  /** {@code person} broke glass: it runs at once, and its review comes afterwards. */
  public static Transition breakGlass(UserId person) {
    return new Transition(Action.BREAK_GLASS, Optional.of(person), Optional.empty());
  }

  /** {@code denier} refused it; {@code why} is what they said, kept as the request's outcome. */
  public static Transition deny(UserId denier, Outcome why) {
    return new Transition(Action.DENY, Optional.of(denier), Optional.of(why));
  }

  public static Transition cancel(UserId requester) {
    return new Transition(Action.CANCEL, Optional.of(requester), Optional.empty());
  }

  public static Transition expire() {
    return new Transition(Action.EXPIRE, Optional.empty(), Optional.empty());
  }

  public static Transition start() {
    return new Transition(Action.START, Optional.empty(), Optional.empty());
  }

  public static Transition abandon(Outcome outcome) {
    return new Transition(Action.ABANDON, Optional.empty(), Optional.of(outcome));
  }

  public static Transition succeed(Outcome outcome) {
    return new Transition(Action.SUCCEED, Optional.empty(), Optional.of(outcome));
  }

  public static Transition fail(Outcome outcome) {
    return new Transition(Action.FAIL, Optional.empty(), Optional.of(outcome));
  }

  /** An audit over the organization whose replica is gone goes back to the runners (it only reads). */
  public static Transition resume() {
    return new Transition(Action.RESUME, Optional.empty(), Optional.empty());
  }

  public static Transition interrupt(Outcome outcome) {
    return new Transition(Action.INTERRUPT, Optional.empty(), Optional.of(outcome));
  }

  /**
   * The same outcome, reported for a request that was declared UNKNOWN while its replica was still running it:
   * succeed becomes late-succeed and fail late-fail; an unknown outcome stays unknown (empty).
   */
  public Optional<Transition> late() {
    switch (action) {
      case SUCCEED:
        return Optional.of(new Transition(Action.LATE_SUCCEED, by, outcome));
      case FAIL:
        return Optional.of(new Transition(Action.LATE_FAIL, by, outcome));
      default:
        return Optional.empty();
    }
  }
}
