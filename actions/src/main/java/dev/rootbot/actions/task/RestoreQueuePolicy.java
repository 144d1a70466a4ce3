package dev.rootbot.actions.task;

import com.google.gson.JsonObject;
import java.util.Optional;

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

  @Override
  public TaskReport perform(TaskContext context) {
    QueueCalls calls = QueueCalls.find(context, target, queue, region);
    Optional<PolicyDocument> current = calls.policy();
    context.step("sqs:GetQueueAttributes", current.isPresent()
        ? "read the current policy (" + current.get().sizeInBytes() + " bytes); it will be replaced"
        : "queue has no policy now");
    current.ifPresent(policy ->
        context.keepBackup(new Backup(Backup.Kind.QUEUE_POLICY, target, calls.url(), region, policy)));
    calls.setPolicy(saved.json());
    context.step("sqs:SetQueueAttributes", "set the saved policy (" + saved.sizeInBytes() + " bytes)");
    Optional<PolicyDocument> after = calls.policy();
    if (after.isEmpty() || !Json.sameDocument(after.get().json(), saved.json())) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED,
          "SQS accepted the policy but queue " + queue.name() + " now reports a different one. Check the queue.");
    }
    context.step("sqs:GetQueueAttributes", "verified: the queue holds the saved policy");
    return new TaskReport("Restored the saved queue policy of " + queue.name() + ".",
        current.map(PolicyDocument::json).orElse("no queue policy"), after.get().json(), region);
  }
}
