package dev.rootbot.actions.task;

import com.google.gson.JsonObject;

/** Removes the queue policy that locks everyone out, keeping it as the backup. */
public record UnlockQueue(AccountId target, QueueRef queue, AwsRegion region) implements RootTask {
  public UnlockQueue {
    QueueRules.check(target, queue, region);
  }

  @Override
  public TaskKind kind() {
    return TaskKind.UNLOCK_QUEUE;
  }

  @Override
  public JsonObject fields() {
    return StoredFields.queue(queue, region);
  }

  static UnlockQueue read(AccountId target, JsonObject fields) {
    return new UnlockQueue(target, StoredFields.queue(fields), StoredFields.region(fields));
  }

  @Override
  public String summary() {
    return "unlock queue " + queue.name();
  }

  @Override
  public String resource() {
    return QueueRules.arn(target, queue, region);
  }

  @Override
  public AwsRegion eventsRegion() {
    return region;
  }

  /** Finds the queue and reads its policy. Fingerprint: see {@link Unlocking}; the queue's URL names it. */
  @Override
  public TaskPlan plan(TaskContext context) {
    return Unlocking.read(context, QueueCalls.find(context, target, queue, region), found -> this);
  }
}
