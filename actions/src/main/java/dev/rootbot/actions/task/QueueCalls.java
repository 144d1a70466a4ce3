package dev.rootbot.actions.task;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** The queue-policy calls of the SQS tasks: find the queue in the target account, read and set its policy. */
final class QueueCalls implements PolicyCalls {
  private final SqsClient sqs;
  private final AccountId account;
  private final String name;
  private final AwsRegion region;
  private final String url;

  private QueueCalls(SqsClient sqs, AccountId account, String name, AwsRegion region, String url) {
    this.sqs = sqs;
    this.account = account;
    this.name = name;
    this.region = region;
    this.url = url;
  }

  /** Resolves the queue's URL with {@code GetQueueUrl}, naming the owner so that only its own queue is found. */
  static QueueCalls find(TaskContext context, AccountId account, QueueRef queue, AwsRegion region) {
    SqsClient sqs = context.session().sqs(region);
    try {
      String url = sqs.getQueueUrl(r -> r.queueName(queue.name()).queueOwnerAWSAccountId(account.value())).queueUrl();
      context.step("sqs:GetQueueUrl", "found queue " + queue.name() + " at " + url);
      return new QueueCalls(sqs, account, queue.name(), region, url);
    } catch (QueueDoesNotExistException e) {
      throw new TaskFailure(TaskFailure.Reason.NOT_FOUND,
          "There is no queue " + queue.name() + " in account " + account + " in " + region
              + ". Check the name, or give the region: `region eu-west-1`.", e);
    }
  }

  @Override
  public String noun() {
    return "queue";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public AwsRegion region() {
    return region;
  }

  @Override
  public Optional<PolicyDocument> policy() {
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY)).attributes();
    String policy = attributes.get(QueueAttributeName.POLICY);
    return policy == null || policy.isBlank() ? Optional.empty() : Optional.of(new PolicyDocument(policy));
  }

  @Override
  public String readAction() {
    return "sqs:GetQueueAttributes";
  }

  /** Sets {@code Policy} to "", which removes it, as SQS defines. */
  @Override
  public void remove() {
    setPolicy("");
  }

  @Override
  public String removeAction() {
    return "sqs:SetQueueAttributes";
  }

  @Override
  public String removeDetail() {
    return "set Policy to \"\" (removes it)";
  }

  @Override
  public void put(PolicyDocument policy) {
    setPolicy(policy.json());
  }

  @Override
  public String putAction() {
    return "sqs:SetQueueAttributes";
  }

  @Override
  public Backup backup(PolicyDocument policy) {
    return new Backup(Backup.Kind.QUEUE_POLICY, account, url, region, policy);
  }

  @Override
  public List<String> identity() {
    return List.of("account " + account, "queue " + url, "region " + region);
  }

  @Override
  public List<Finding.Section> whereFound() {
    return List.of(new Finding.Section("Queue URL", url, false));
  }

  @Override
  public String removalNote() {
    return " SQS can take up to 60 seconds to apply it.";
  }

  private void setPolicy(String policy) {
    sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
  }
}
