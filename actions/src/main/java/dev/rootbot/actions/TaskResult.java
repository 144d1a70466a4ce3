package dev.rootbot.actions;

import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskReport;
import dev.rootbot.actions.trail.TrailLink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a root task ended: its headline, every step, what was there before and after, the backup, the
 * session's access key ID and the CloudTrail links. Holds no credentials.
 */
public record TaskResult(
    RootTask task,
    Optional<TaskReport> report,
    Optional<TaskFailure.Reason> failure,
    String headline,
    List<Step> steps,
    Optional<Backup> backup,
    Optional<String> accessKeyId,
    List<TrailLink> links,
    Instant startedAt,
    Instant finishedAt) {

  public TaskResult {
    steps = List.copyOf(steps);
    links = List.copyOf(links);
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }
}
