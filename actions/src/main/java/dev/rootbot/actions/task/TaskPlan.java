package dev.rootbot.actions.task;

/**
 * What a task's first read found in its root session and what the task will do about it: made by
 * {@link RootTask#plan}, which only reads. A preview stops at the plan; a run checks the plan's fingerprint
 * against the approved one, then {@link #apply applies} it in the same session.
 */
public interface TaskPlan {
  /** The task as it will run, with what the read learned: a bucket's real region after S3's redirect. */
  RootTask task();

  /** What the read found, and its fingerprint. */
  Snapshot snapshot();

  /** Whether there is nothing to change: no policy to remove, no credentials to delete, a password already set. */
  boolean changesNothing();

  /**
   * Makes the change (keeping the backup first) and verifies it, or reports that there was nothing to do.
   * Throws {@link TaskFailure} when it cannot; an AWS SDK exception when AWS could not be asked or answered.
   */
  TaskReport apply();

  /**
   * Reads again, in the same session, after an answer from AWS was lost mid-change, and says whether the change
   * is in effect. Changes nothing. Throws like {@link #apply} when the read fails too.
   */
  Recheck recheck();
}
