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
 * DENIED | CANCELLED | EXPIRED   FAILED (never started)
 * </pre>
 */
public enum State {
  REQUESTED("waiting for approval"),
  APPROVED("approved and about to run"),
  RUNNING("running"),
  SUCCEEDED("done"),
  FAILED("failed"),
  DENIED("denied"),
  CANCELLED("cancelled"),
  EXPIRED("expired"),
  /** Rootbot stopped while the task ran: it may or may not have changed something, so it is never re-run. */
  UNKNOWN("in an unknown state: Rootbot stopped while it was running");

  private final String words;

  State(String words) {
    this.words = words;
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

  /** Whether nothing can happen to a request in this state any more. */
  public boolean isFinal() {
    return actions().isEmpty();
  }
}
