package dev.rootbot.actions.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a fleet deletion stands: accounts done of the total, how many ended each way, and the estimated time left.
 * Counts include what a resumed deletion had done before.
 */
public record DeletionProgress(int done, int total, int deleted, int changedSinceAudit, int failed, int unknown,
    Duration elapsed, Optional<Duration> remaining) {

  /** "40 of 70 accounts done: 38 deleted, 1 changed since the audit (skipped), 1 failed; about 20 s left". */
  public String text() {
    List<String> parts = new ArrayList<>();
    parts.add(deleted + " deleted");
    if (changedSinceAudit > 0) {
      parts.add(changedSinceAudit + " changed since the audit (skipped)");
    }
    if (failed > 0) {
      parts.add(failed + " failed");
    }
    if (unknown > 0) {
      parts.add(unknown + " unknown");
    }
    return done + " of " + total + " accounts done: " + String.join(", ", parts)
        + remaining.map(r -> "; about " + Eta.words(r) + " left").orElse("");
  }
}
