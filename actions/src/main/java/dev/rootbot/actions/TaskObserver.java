package dev.rootbot.actions;

import dev.rootbot.actions.task.Backup;
import java.time.Instant;

/**
 * Hears a task's progress as it happens, so the caller can store it before the next step: the session's
 * access key ID as soon as it is issued, each step, and the backup before anything is changed. A preview
 * reports its session and steps too, and never takes a backup.
 */
public interface TaskObserver {
  /** The root session exists; its key ID is what ties its calls together in CloudTrail. */
  default void sessionStarted(String accessKeyId, Instant expiresAt) {}

  default void step(Step step) {}

  /**
   * Stores the backup durably. Throwing stops the task before it changes anything, because a change whose
   * backup was not stored cannot be undone.
   */
  void backupTaken(Backup backup);

  /** An observer that keeps nothing; for reads and tests. */
  static TaskObserver ignoring() {
    return backup -> {};
  }
}
