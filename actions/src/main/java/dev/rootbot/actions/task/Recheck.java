package dev.rootbot.actions.task;

/**
 * What a re-read found after an answer from AWS was lost mid-change: whether the change is in effect, and a
 * report of what is there now. When it is in effect the report is the task's usual report of success; otherwise
 * its headline says in one sentence what the re-read shows.
 */
public record Recheck(Effect effect, TaskReport report) {
  /** How much of the change the re-read shows. */
  public enum Effect {
    APPLIED,
    NOT_APPLIED,
    /** Some of it: a delete of several credentials that removed only some. */
    PARTLY_APPLIED
  }

  public static Recheck applied(TaskReport report) {
    return new Recheck(Effect.APPLIED, report);
  }

  public static Recheck notApplied(TaskReport report) {
    return new Recheck(Effect.NOT_APPLIED, report);
  }
}
