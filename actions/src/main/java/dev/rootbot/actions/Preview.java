package dev.rootbot.actions;

import dev.rootbot.actions.task.Fingerprint;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.trail.TrailLink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a task would change, read before anyone approves it in a root session that only reads: the task as it
 * would run (with a bucket's real region), a headline, the snapshot an approver approves, and the session's
 * access key ID, steps and CloudTrail links for the audit log. Holds no credentials.
 *
 * @param task the task to file and run: the one asked for, with what the read learned
 * @param headline what will change, or why there is nothing to do, or what went wrong
 * @param snapshot what the read found and its fingerprint, when it {@link Status#WILL_CHANGE will change}
 *     something or has {@link Status#NOTHING_TO_DO nothing to do}
 * @param failure why the preview could not read, when it {@link Status#FAILED failed} or the resource is
 *     {@link Status#MISSING missing} ({@code NOT_FOUND})
 */
public record Preview(
    Status status,
    RootTask task,
    String headline,
    Optional<Snapshot> snapshot,
    Optional<TaskFailure.Reason> failure,
    List<Step> steps,
    Optional<String> accessKeyId,
    List<TrailLink> links,
    Instant startedAt,
    Instant finishedAt) {

  /** What the preview found; only {@link #WILL_CHANGE} goes on to a card. */
  public enum Status {
    /** There is something to change; the snapshot shows it. */
    WILL_CHANGE,
    /** Nothing to change: no policy, no credentials, a password already set, the saved policy already there. */
    NOTHING_TO_DO,
    /** No such bucket or queue in the account. */
    MISSING,
    /** The preview could not read: an SCP, a disabled feature, AWS unreachable; the headline says which. */
    FAILED
  }

  public Preview {
    steps = List.copyOf(steps);
    links = List.copyOf(links);
    boolean read = status == Status.WILL_CHANGE || status == Status.NOTHING_TO_DO;
    if (snapshot.isPresent() != read || failure.isPresent() == read) {
      throw new IllegalArgumentException("a " + status + " preview " + (read ? "has a snapshot" : "has a failure reason"));
    }
  }

  /** The fingerprint to store with the request and bind the run to, when there is something to change. */
  public Optional<Fingerprint> fingerprint() {
    return status == Status.WILL_CHANGE ? snapshot.map(Snapshot::fingerprint) : Optional.empty();
  }
}
