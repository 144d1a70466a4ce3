package dev.rootbot.bot.request;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a root request is in its life. The legal moves between states are the rows of {@link Action}:
 *
 * <pre>
 * REQUESTED ──approve──▶ APPROVED ──start──▶ RUNNING ──▶ SUCCEEDED | FAILED
 *     │ deny / cancel / expire     │ abandon            └── interrupt ──▶ UNKNOWN (never re-run)
 *     ▼                            ▼
 * DENIED | CANCELLED | EXPIRED   FAILED (approved too long ago)
 * </pre>
 *
 * <p>UNKNOWN is final: it is never re-run. Only the replica that was running the task, declared gone while it
 * was in fact alive, may still report the real outcome ({@link Action#LATE_SUCCEED}, {@link Action#LATE_FAIL}).
 */
public enum State {
  REQUESTED("waiting for approval", false),
  APPROVED("approved and about to run", false),
  RUNNING("running", false),
  SUCCEEDED("done", true),
  FAILED("failed", true),
  DENIED("denied", true),
  CANCELLED("cancelled", true),
  EXPIRED("expired", true),
  /** What the task did is not known (Rootbot stopped, or AWS's answer was lost): it is never re-run. */
  UNKNOWN("in an unknown state: what the task did is not known", true);

  private final String words;
  private final boolean isFinal;

  State(String words, boolean isFinal) {
    this.words = words;
    this.isFinal = isFinal;
  }

  /** The state in words for a sentence: "this request is " + words(). */
  public String words() {
    return words;
  }

  /** The state {@code action} leads to from here, or empty when the action is not allowed here. */
  public Optional<State> after(Action action) {
    return action.from() == this ? Optional.of(action.to()) : Optional.empty();
  }

  /** The actions allowed from here. */
  public Set<Action> actions() {
    var allowed = EnumSet.noneOf(Action.class);
    for (Action action : Action.values()) {
      if (action.from() == this) {
        allowed.add(action);
      }
    }
    return allowed;
  }

  /** Whether the request has ended: nothing will be run for it any more. */
  public boolean isFinal() {
    return isFinal;
  }
}
