package dev.rootbot.bot.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The review a break-glass run owes: it ran at once, without approval, and the rule's approvers must say
 * afterwards whether it was justified, before {@code dueAt}; until then the announce channels are reminded.
 *
 * @param comment what the reviewer said, required for "not justified"
 * @param remindedAt when the announce channels were last reminded that the review is overdue
 */
public record BreakGlassReview(Instant dueAt, Optional<UserId> reviewer, Optional<Verdict> verdict,
    Optional<String> comment, Optional<Instant> remindedAt) {

  /** What a reviewer decided about a break-glass run. */
  public enum Verdict {
    JUSTIFIED("justified"),
    NOT_JUSTIFIED("not justified");

    private final String words;

    Verdict(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  public BreakGlassReview {
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(remindedAt, "remindedAt");
  }

  /** A review not done yet, due at {@code dueAt}. */
  public static BreakGlassReview due(Instant dueAt) {
    return new BreakGlassReview(dueAt, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public boolean reviewed() {
    return verdict.isPresent();
  }

  /** Whether the review is missing at {@code now}, its deadline passed. */
  public boolean overdueAt(Instant now) {
    return !reviewed() && !now.isBefore(dueAt);
  }
}
