package dev.rootbot.actions.fleet;

import java.time.Duration;
import java.util.Optional;

/** The time a fleet task has left at the pace of its run so far, and that time in words. Pure. */
final class Eta {
  private Eta() {}

  /** Empty before this run finished any account, or when nothing is left. */
  static Optional<Duration> estimate(int left, int doneThisRun, Duration elapsed) {
    if (left <= 0 || doneThisRun <= 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(Math.round((double) elapsed.toMillis() * left / doneThisRun)));
  }

  /** "40 s", "3 min", "2 h 5 min": rounded as a person reads a progress line. */
  static String words(Duration d) {
    long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
    if (seconds < 90) {
      return seconds + " s";
    }
    long minutes = (seconds + 30) / 60;
    if (minutes < 90) {
      return minutes + " min";
    }
    return minutes / 60 + " h " + minutes % 60 + " min";
  }
}
