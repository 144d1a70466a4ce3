package dev.rootbot.actions.task;

/** The checks both queue tasks make on their input: the queue must be the target account's, in the region asked. */
final class QueueRules {
  private QueueRules() {}

  static void check(AccountId target, QueueRef queue, AwsRegion region) {
    queue.owner().ifPresent(owner -> {
      if (!owner.equals(target)) {
        throw new InvalidInput("queue " + queue.name() + " belongs to account " + owner
            + ", not to the target account " + target + "; a root session only reaches its own account");
      }
    });
    queue.region().ifPresent(queueRegion -> {
      if (!queueRegion.equals(region)) {
        throw new InvalidInput("the queue's URL or ARN says region " + queueRegion + " but the request says " + region);
      }
    });
  }

  static String arn(AccountId target, QueueRef queue, AwsRegion region) {
    return "arn:aws:sqs:" + region + ":" + target + ":" + queue.name();
  }
}
