package dev.rootbot.actions;

import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskReport;
import dev.rootbot.actions.trail.TrailLink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a root task ended: its status and headline, every step, what was there before and after, the backup, the
 * snapshot it was approved on and the one its first read found, the session's access key ID and the CloudTrail
 * links. Holds no credentials.
 *
 * @param failure why it failed or why its outcome is unknown; empty when it succeeded or changed since approval
 * @param report what the task found and left, when it got that far (also when a re-read after a lost answer
 *     showed the change was not applied)
 * @param approved the snapshot the run was bound to, if any
 * @param found what the run's first read found, if it got that far
 */
public record TaskResult(
    RootTask task,
    Status status,
    Optional<TaskFailure.Reason> failure,
    String headline,
    Optional<TaskReport> report,
    Optional<Snapshot> approved,
    Optional<Snapshot> found,
    List<Step> steps,
    Optional<Backup> backup,
    Optional<String> accessKeyId,
    List<TrailLink> links,
    Instant startedAt,
    Instant finishedAt) {

  /** How a task ended; each status says what is true in AWS. */
  public enum Status {
    /** The change is in effect (or there was nothing to change), as a read in the session showed. */
    SUCCEEDED,
    /** The task did not do what was asked; the headline says what was changed, if anything. */
    FAILED,
    /** A change was sent and whether AWS made it cannot be known: check the resource and CloudTrail. */
    UNKNOWN,
    /** What was approved is no longer what is there, so nothing was changed. */
    CHANGED_SINCE_APPROVAL
  }

  public TaskResult {
    steps = List.copyOf(steps);
    links = List.copyOf(links);
    boolean explained = status == Status.FAILED || status == Status.UNKNOWN;
    if (failure.isPresent() != explained) {
      throw new IllegalArgumentException("a " + status + " result " + (explained ? "needs" : "has no") + " a failure reason");
    }
    if (status == Status.CHANGED_SINCE_APPROVAL && (approved.isEmpty() || found.isEmpty())) {
      throw new IllegalArgumentException("a result changed since approval carries what was approved and what is there");
    }
  }

  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }
}
