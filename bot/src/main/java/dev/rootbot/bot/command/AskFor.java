package dev.rootbot.bot.command;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.actions.task.InvalidInput;
import dev.rootbot.actions.task.QueueRef;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.UnlockBucket;
import dev.rootbot.actions.task.UnlockQueue;
import dev.rootbot.bot.request.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for one root task, as a person asked it: checked, but with the account maybe still a name.
 * Turn it into a task with {@code ask.toTask(ask.account().resolve(directory), defaultRegion)}.
 *
 * @param region the region given with {@code region …}, if any
 * @param reason what followed "because"; always present for a task that changes something
 */
public record AskFor(TaskForm kind, AccountRef account, Resource resource, Optional<AwsRegion> region,
    Optional<Reason> reason) implements Command {

  public AskFor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(reason, "reason");
    boolean fits = switch (kind) {
      case UNLOCK_BUCKET -> resource instanceof Resource.Bucket;
      case UNLOCK_QUEUE -> resource instanceof Resource.Queue;
      case AUDIT_ROOT_CREDENTIALS, DELETE_ROOT_CREDENTIALS, ALLOW_PASSWORD_RECOVERY -> resource instanceof Resource.RootUser;
    };
    if (!fits) {
      throw new IllegalArgumentException(kind + " does not act on " + resource);
    }
    if (region.isPresent() && kind != TaskForm.UNLOCK_BUCKET && kind != TaskForm.UNLOCK_QUEUE) {
      throw new InvalidInput("root credentials belong to no region: leave \"region\" out");
    }
    if (kind.needsReason() && reason.isEmpty()) {
      throw new InvalidInput("\"because …\" is required: say why you need root");
    }
    if (resource instanceof Resource.Queue queue && account instanceof AccountRef.Id id) {
      checkQueue(queue.ref(), id.id(), region);
    }
  }

  /**
   * The task to run in {@code target}. Its region is the one given, else the one in the queue's URL or
   * ARN, else {@code defaultRegion}.
   *
   * @throws UsageError when the queue's URL or ARN names another account or region than the request
   */
  public RootTask toTask(AccountId target, AwsRegion defaultRegion) {
    try {
      return switch (kind) {
        case UNLOCK_BUCKET -> new UnlockBucket(target, ((Resource.Bucket) resource).name(), region.orElse(defaultRegion));
        case UNLOCK_QUEUE -> queueTask(target, defaultRegion);
        case AUDIT_ROOT_CREDENTIALS -> new AuditRootCredentials(target);
        case DELETE_ROOT_CREDENTIALS -> new DeleteRootCredentials(target);
        case ALLOW_PASSWORD_RECOVERY -> new AllowPasswordRecovery(target);
      };
    } catch (InvalidInput e) {
      throw new UsageError(e.getMessage(), "", List.of());
    }
  }

  /**
   * The region of the task's S3 or SQS calls when it is known before any call: the one given, or the one in the
   * queue's URL or ARN. Empty when the default region is only a first guess (S3 tells where a bucket really is).
   */
  public Optional<AwsRegion> knownRegion() {
    if (region.isPresent()) {
      return region;
    }
    return resource instanceof Resource.Queue queue ? queue.ref().region() : Optional.empty();
  }

  private RootTask queueTask(AccountId target, AwsRegion defaultRegion) {
    QueueRef queue = ((Resource.Queue) resource).ref();
    checkQueue(queue, target, region);
    return new UnlockQueue(target, queue, region.or(queue::region).orElse(defaultRegion));
  }

  private static void checkQueue(QueueRef queue, AccountId target, Optional<AwsRegion> region) {
    queue.owner().filter(owner -> !owner.equals(target)).ifPresent(owner -> {
      throw new InvalidInput("queue " + queue.name() + " belongs to account " + owner + ", not to " + target
          + "; a root session only reaches the account it is for");
    });
    if (region.isPresent() && queue.region().isPresent() && !region.equals(queue.region())) {
      throw new InvalidInput("the queue's address says region " + queue.region().get() + " but you asked for region "
          + region.get() + "; leave \"region\" out or make them agree");
    }
  }
}
