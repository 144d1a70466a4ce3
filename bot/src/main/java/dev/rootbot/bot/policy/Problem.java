package dev.rootbot.bot.policy;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a policy file, where it is (1-based line and column) and what to do about it.
 * Problems sort by position, so a list of them reads top to bottom like the file.
 */
public record Problem(int line, int column, String message) implements Comparable<Problem> {
  private static final Comparator<Problem> ORDER =
      Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::message);

  public Problem {
    Objects.requireNonNull(message, "message");
  }

  /** {@code FILE:LINE:COLUMN: message}, the form editors and CI logs link to. */
  public String format(String file) {
    return file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public int compareTo(Problem other) {
    return ORDER.compare(this, other);
  }
}
