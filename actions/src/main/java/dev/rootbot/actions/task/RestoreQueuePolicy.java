package dev.rootbot.actions.task;

import com.google.gson.JsonObject;

/** Puts a saved queue policy back: the undo of an unlock. */
public record RestoreQueuePolicy(AccountId target, QueueRef queue, AwsRegion region, PolicyDocument saved)
    implements RootTask {
  public RestoreQueuePolicy {
    QueueRules.check(target, queue, region);
  }

  @Override
  public TaskKind kind() {
    return TaskKind.RESTORE_QUEUE_POLICY;
  }

  @Override
  public JsonObject fields() {
    return StoredFields.withSaved(StoredFields.queue(queue, region), saved);
  }

  static RestoreQueuePolicy read(AccountId target, JsonObject fields) {
    return new RestoreQueuePolicy(target, StoredFields.queue(fields), StoredFields.region(fields), StoredFields.saved(fields));
  }

  @Override
  public String summary() {
    return "restore the queue policy of " + queue.name();
  }

  @Override
  public String resource() {
    return QueueRules.arn(target, queue, region);
  }

  @Override
  public AwsRegion eventsRegion() {
    return region;
  }

  /** Finds the queue and reads its current policy. Fingerprint: see {@link Restoring}. */
  @Override
  public TaskPlan plan(TaskContext context) {
    return Restoring.read(context, QueueCalls.find(context, target, queue, region), saved, found -> this);
  }
}
