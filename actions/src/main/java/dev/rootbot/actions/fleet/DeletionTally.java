package dev.rootbot.actions.fleet;

import java.time.Duration;

/** The running counts behind {@link DeletionProgress}. Not thread-safe: the deletion updates it one outcome at a time. */
final class DeletionTally {
  private final int total;
  private int done;
  private int doneThisRun;
  private int deleted;
  private int changed;
  private int failed;
  private int unknown;

  DeletionTally(int total) {
    this.total = total;
  }

  void add(AccountDeletion outcome, boolean thisRun) {
    done++;
    doneThisRun += thisRun ? 1 : 0;
    switch (outcome.status()) {
      case DELETED:
        deleted++;
        break;
      case CHANGED_SINCE_AUDIT:
        changed++;
        break;
      case FAILED:
        failed++;
        break;
      default:
        unknown++;
    }
  }

  DeletionProgress progress(Duration elapsed) {
    return new DeletionProgress(done, total, deleted, changed, failed, unknown, elapsed,
        Eta.estimate(total - done, doneThisRun, elapsed));
  }
}
