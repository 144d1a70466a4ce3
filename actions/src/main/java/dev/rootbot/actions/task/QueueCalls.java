package dev.rootbot.actions.task;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The queue-policy calls of the SQS tasks: find the queue in the target account, read and set its policy. */
final class QueueCalls {
  private final TaskContext context;
  private final SqsClient sqs;
  private final String url;

  private QueueCalls(TaskContext context, SqsClient sqs, String url) {
    this.context = context;
    this.sqs = sqs;
    this.url = url;
  }

  /** Resolves the queue's URL with {@code GetQueueUrl}, naming the owner so that only its own queue is found. */
  static QueueCalls find(TaskContext context, AccountId account, QueueRef queue, AwsRegion region) {
    SqsClient sqs = context.session().sqs(region);
    try {
      String url = sqs.getQueueUrl(r -> r.queueName(queue.name()).queueOwnerAWSAccountId(account.value())).queueUrl();
      context.step("sqs:GetQueueUrl", "found queue " + queue.name() + " at " + url);
      return new QueueCalls(context, sqs, url);
    } catch (QueueDoesNotExistException e) {
      throw new TaskFailure(TaskFailure.Reason.NOT_FOUND,
          "There is no queue " + queue.name() + " in account " + account + " in " + region
              + ". Check the name, or give the region: `region eu-west-1`.", e);
    }
  }

  String url() {
    return url;
  }

  Optional<PolicyDocument> policy() {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY)).attributes();
    String policy = attributes.get(QueueAttributeName.POLICY);
    return policy == null || policy.isBlank() ? Optional.empty() : Optional.of(new PolicyDocument(policy));
  }

  /** Sets the policy; an empty string removes it, as SQS defines. */
  void setPolicy(String policy) {
    sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
  }

  TaskContext context() {
    return context;
  }
}
