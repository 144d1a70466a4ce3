package dev.rootbot.bot.request;

import java.util.List;
import java.util.Objects;

/** How a task ended, in words for the thread: what happened, and each call the root session made. */
public record Outcome(String text, List<Step> steps) {
  public Outcome {
    Objects.requireNonNull(text, "text");
    steps = List.copyOf(steps);
  }

  /** An outcome with no steps: the task never reached AWS, or the steps are not known. */
  public static Outcome of(String text) {
    return new Outcome(text, List.of());
  }

  /** One call the root session made ({@code s3:DeleteBucketPolicy}) and what it found or did. */
  public record Step(String action, String detail) {
    public Step {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
