package dev.rootbot.bot.request;

/**
 * Something that moves a request from one {@link State} to another: each action has exactly one state
 * it starts from, which is what lets the store move a request with one conditional update.
 */
public enum Action {
  /** A second person approved it. */
  APPROVE(State.REQUESTED, State.APPROVED),
  /** The approval policy's rule needs no approval for it (quorum 0): it may run at once. */
  ADMIT(State.REQUESTED, State.APPROVED),
  /** Someone the rule allows broke glass: it runs at once, without approval, and owes a review afterwards. */
  BREAK_GLASS(State.REQUESTED, State.APPROVED),
  /** An approver refused it, saying why (the reason is its outcome). */
  DENY(State.REQUESTED, State.DENIED),
  /** The requester withdrew it. */
  CANCEL(State.REQUESTED, State.CANCELLED),
  /** Nobody approved it in time. */
  EXPIRE(State.REQUESTED, State.EXPIRED),
  /** Rootbot is about to call AWS; recorded before the first call. */
  START(State.APPROVED, State.RUNNING),
  /** No runner took it in time after the approval: nothing reached AWS, so it simply failed. */
  ABANDON(State.APPROVED, State.FAILED),
  /** The task did what it was asked. */
  SUCCEED(State.RUNNING, State.SUCCEEDED),
  /** The task stopped with an error it explained. */
  FAIL(State.RUNNING, State.FAILED),
  /** What the task did in AWS is unknown: its replica is gone, or AWS's answer to a change was lost. */
  INTERRUPT(State.RUNNING, State.UNKNOWN),
  /**
   * The replica running an audit over the organization is gone. An audit only reads, so it goes back to the
   * runners, and the one that claims it audits only the accounts whose results were not stored yet.
   */
  RESUME(State.RUNNING, State.APPROVED),
  /** The replica that ran it, wrongly declared gone, finished after all: the real outcome replaces UNKNOWN. */
  LATE_SUCCEED(State.UNKNOWN, State.SUCCEEDED),
  /** As {@link #LATE_SUCCEED}, for a task that failed. */
  LATE_FAIL(State.UNKNOWN, State.FAILED);

  private final State from;
  private final State to;

  Action(State from, State to) {
    this.from = from;
    this.to = to;
  }

  /** The only state this action applies to. */
  public State from() {
    return from;
  }

  /** The state a request is in after this action. */
  public State to() {
    return to;
  }

  /** Whether the action is a person's decision, so it names who took it. */
  public boolean needsPerson() {
    return this == APPROVE || this == DENY || this == CANCEL || this == BREAK_GLASS;
  }

  /** Whether the action ends the request with an outcome to report. */
  public boolean needsOutcome() {
    return to.isFinal() && this != CANCEL && this != EXPIRE;
  }
}
