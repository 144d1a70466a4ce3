package dev.rootbot.bot.policy;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule's {@code tasks}: the listed task identifiers, or {@code *} for every task, including tasks a later
 * Rootbot adds (which is why {@code *} is kept apart from a list that happens to name all of today's).
 */
public record TaskSet(boolean all, Set<TaskId> listed) {
  public TaskSet {
    listed = listed.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(listed));
  }

  public static TaskSet everyTask() {
    return new TaskSet(true, Set.of());
  }

  public static TaskSet of(Collection<TaskId> tasks) {
    return new TaskSet(false, Set.copyOf(tasks));
  }

  public boolean includes(TaskId task) {
    return all || listed.contains(task);
  }

  /** Whether every task {@code other} includes is included here, now and in later versions. */
  public boolean covers(TaskSet other) {
    return all || (!other.all && listed.containsAll(other.listed));
  }

  /** The tasks included that change something; for {@code *}, every such task there is. */
  public Set<TaskId> changingTasks() {
    return EnumSet.allOf(TaskId.class).stream().filter(this::includes).filter(TaskId::changesSomething)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TaskId.class)));
  }

  /** "*" or "unlock-bucket, unlock-queue", in the order of {@link TaskId}. */
  public String written() {
    return all ? "*" : listed.stream().sorted().map(TaskId::id).collect(Collectors.joining(", "));
  }
}
