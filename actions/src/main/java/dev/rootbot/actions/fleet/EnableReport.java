package dev.rootbot.actions.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@code /root enable} ended, step by step in AWS's order: each step already on, enabled, failed (with AWS's
 * words and the fix), or not tried because a step before it failed.
 */
public record EnableReport(List<Outcome> outcomes) {
  /** What became of one step. */
  public enum Result { ALREADY_ON, ENABLED, FAILED, NOT_TRIED }

  /**
   * One step's result.
   *
   * @param detail what happened, in words: "already on", "enabled", AWS's refusal, or why it was not tried
   * @param fix what a person does about a failure; empty unless {@link Result#FAILED}
   */
  public record Outcome(EnableStep step, Result result, String detail, Optional<String> fix) {
    public Outcome {
      if (fix.isPresent() != (result == Result.FAILED)) {
        throw new IllegalArgumentException("a fix comes with a failure, and only with one");
      }
    }
  }

  public EnableReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Whether every step is on now. */
  public boolean succeeded() {
    return outcomes.stream().allMatch(o -> o.result() == Result.ALREADY_ON || o.result() == Result.ENABLED);
  }

  /** Whether this run turned something on. */
  public boolean changedSomething() {
    return outcomes.stream().anyMatch(o -> o.result() == Result.ENABLED);
  }

  /** One line a step: "Root sessions: enabled", or the failure and its fix. */
  public String text() {
    List<String> lines = new ArrayList<>();
    for (Outcome o : outcomes) {
      lines.add(o.step().title() + ": " + o.detail() + o.fix().map(f -> " Fix: " + f).orElse(""));
    }
    return String.join("\n", lines);
  }
}
