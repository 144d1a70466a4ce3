package dev.rootbot.actions.task;

import com.google.gson.JsonObject;
import java.util.Optional;

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

  @Override
  public TaskReport perform(TaskContext context) {
    QueueCalls calls = QueueCalls.find(context, target, queue, region);
    Optional<PolicyDocument> before = calls.policy();
    if (before.isEmpty()) {
      context.step("sqs:GetQueueAttributes", "queue " + queue.name() + " has no policy; nothing to remove");
      return new TaskReport("Queue " + queue.name() + " had no queue policy; nothing was changed.",
          "no queue policy", "no queue policy", region);
    }
    context.step("sqs:GetQueueAttributes", "read the current policy (" + before.get().sizeInBytes() + " bytes)");
    context.keepBackup(new Backup(Backup.Kind.QUEUE_POLICY, target, calls.url(), region, before.get()));
    calls.setPolicy("");
    context.step("sqs:SetQueueAttributes", "set Policy to \"\" (removes it)");
    if (calls.policy().isPresent()) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED,
          "SQS accepted the change but queue " + queue.name() + " still reports a policy. Check the queue.");
    }
    context.step("sqs:GetQueueAttributes", "verified: no queue policy");
    return new TaskReport("Removed the queue policy of " + queue.name()
            + "; the previous policy is kept as the backup. SQS can take up to 60 seconds to apply it.",
        before.get().json(), "no queue policy", region);
  }
}
