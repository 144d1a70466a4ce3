package dev.rootbot.sandbox.aws.sqs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.rootbot.sandbox.aws.policy.PolicyDocument;
import dev.rootbot.sandbox.aws.policy.Resource;
import dev.rootbot.sandbox.aws.wire.AwsException;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import dev.rootbot.sandbox.aws.wire.Call;
import dev.rootbot.sandbox.aws.wire.Failure;
import dev.rootbot.sandbox.aws.wire.Handler;
import dev.rootbot.sandbox.aws.wire.Page;
import dev.rootbot.sandbox.aws.wire.Service;
import dev.rootbot.sandbox.aws.wire.TrailResource;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Amazon SQS (awsJson1.0, awsQuery-compatible): the calls that find a queue and read or replace its policy.
 *
 * <p>Errors carry SQS's JSON {@code __type} and its query-protocol code in {@code x-amzn-query-error}, e.g.
 * {@code AWS.SimpleQueueService.NonExistentQueue;Sender}, which is the code the AWS SDK reports.
 */
public final class SqsService implements Handler {
  private static final Set<String> SETTABLE = Set.of("Policy", "VisibilityTimeout", "MaximumMessageSize",
      "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy",
      "RedriveAllowPolicy", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled");

  private final Queues queues;
  private final Map<String, Function<Call, AwsResponse>> operations = Map.of(
      "GetQueueUrl", this::getQueueUrl,
      "ListQueues", this::listQueues,
      "GetQueueAttributes", this::getQueueAttributes,
      "SetQueueAttributes", this::setQueueAttributes);

  public SqsService(Queues queues) {
    this.queues = queues;
  }

  @Override
  public Map<String, Function<Call, AwsResponse>> operations() {
    return operations;
  }

  @Override
  public AwsException unknown(Call call) {
    return Failure.UNKNOWN_OPERATION.in(Service.SQS);
  }

  private AwsResponse getQueueUrl(Call call) {
    String name = required(call, "QueueName");
    String owner = call.jsonString("QueueOwnerAWSAccountId").orElse(call.caller().account());
    Queues.Entry queue = found(call, owner, name, "sqs:GetQueueUrl");
    var body = new JsonObject();
    body.addProperty("QueueUrl", queue.url());
    return call.jsonResult(body);
  }

  private AwsResponse listQueues(Call call) {
    String account = call.caller().account();
    call.authorize("sqs:ListQueues", Resource.any("arn:aws:sqs:" + call.region() + ":" + account + ":"));
    String prefix = call.jsonString("QueueNamePrefix").orElse("");
    List<String> urls = queues.in(account).stream()
        .filter(q -> q.region().equals(call.region()) && q.name().startsWith(prefix))
        .map(Queue::url).toList();
    var body = new JsonObject();
    JsonElement max = call.json().get("MaxResults");
    Page<String> page;
    if (max == null) {
      page = new Page<>(urls.subList(0, Math.min(1000, urls.size())), Optional.empty());
    } else {
      int size = max.getAsInt();
      if (size < 1 || size > 1000) {
        throw sqsError("InvalidParameterValue", "InvalidParameterValue",
            "Value " + size + " for parameter MaxResults is invalid. Reason: must be between 1 and 1000.");
      }
      try {
        page = Page.of(urls, size, call.jsonString("NextToken"));
      } catch (IllegalArgumentException e) {
        throw sqsError("InvalidParameterValue", "InvalidParameterValue", "Invalid NextToken value.");
      }
    }
    if (!page.items().isEmpty()) {
      var list = new JsonArray();
      page.items().forEach(list::add);
      body.add("QueueUrls", list);
    }
    page.nextToken().ifPresent(token -> body.addProperty("NextToken", token));
    return call.jsonResult(body);
  }

  private AwsResponse getQueueAttributes(Call call) {
    Queues.Entry queue = byUrl(call, "sqs:GetQueueAttributes");
    List<String> names = new ArrayList<>();
    JsonElement requested = call.json().get("AttributeNames");
    if (requested != null && requested.isJsonArray()) {
      requested.getAsJsonArray().forEach(n -> names.add(n.getAsString()));
    }
    Map<String, String> all = queue.allAttributes();
    var attributes = new JsonObject();
    for (String name : names) {
      if (name.equals("All")) {
        all.forEach(attributes::addProperty);
      } else if (all.containsKey(name)) {
        attributes.addProperty(name, all.get(name));
      } else if (!SETTABLE.contains(name)) {
        throw sqsError("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
      }
    }
    var body = new JsonObject();
    if (attributes.size() > 0) {
      body.add("Attributes", attributes);
    }
    return call.jsonResult(body);
  }

  private AwsResponse setQueueAttributes(Call call) {
    Queues.Entry queue = byUrl(call, "sqs:SetQueueAttributes");
    JsonElement given = call.json().get("Attributes");
    if (given == null || !given.isJsonObject()) {
      throw sqsError("MissingParameter", "MissingParameter", "The request must contain the parameter Attributes.");
    }
    var changes = new LinkedHashMap<String, String>();
    for (Map.Entry<String, JsonElement> attribute : given.getAsJsonObject().entrySet()) {
      String name = attribute.getKey();
      String value = attribute.getValue().getAsString();
      if (!SETTABLE.contains(name)) {
        throw sqsError("InvalidAttributeName", "InvalidAttributeName", "Unknown Attribute " + name + ".");
      }
      if (name.equals("Policy") && !value.isEmpty()) {
        try {
          PolicyDocument.parse(value);
        } catch (IllegalArgumentException e) {
          throw sqsError("InvalidAttributeValue", "InvalidAttributeValue",
              "Invalid value for the parameter Policy.");
        }
      }
      changes.put(name, value);
    }
    changes.forEach((name, value) -> queue.set(name, value, call.time()));
    return call.jsonResult(new JsonObject());
  }

  /** The queue a {@code QueueUrl} names in the request's region, authorized for {@code action}. */
  private Queues.Entry byUrl(Call call, String action) {
    String url = required(call, "QueueUrl");
    String[] path;
    try {
      path = Optional.ofNullable(URI.create(url).getPath()).orElse("").replaceFirst("^/", "").split("/");
    } catch (IllegalArgumentException e) {
      path = new String[0];
    }
    if (path.length != 2 || !path[0].matches("\\d{12}") || path[1].isEmpty()) {
      throw sqsError("InvalidAddress", "InvalidAddress", "The address " + url + " is not valid for this endpoint.");
    }
    return found(call, path[0], path[1], action);
  }

  /**
   * The queue, authorized for {@code action} first: as in AWS, a caller an SCP or its task policy denies is
   * told so whether or not the queue exists, so a refusal reveals nothing about what is there.
   */
  private Queues.Entry found(Call call, String account, String name, String action) {
    Optional<Queues.Entry> queue = queues.entry(call.region(), account, name);
    String arn = queue.map(Queues.Entry::arn).orElse("arn:aws:sqs:" + call.region() + ":" + account + ":" + name);
    queue.ifPresent(q -> call.resource(new TrailResource("AWS::SQS::Queue", q.url(), q.arn(), account)));
    call.authorize(action, Resource.owned(arn, account, queue.flatMap(Queues.Entry::policyDocument)));
    return queue.orElseThrow(() -> sqsError("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
        "The specified queue does not exist."));
  }

  private static String required(Call call, String member) {
    return call.jsonString(member).orElseThrow(() -> sqsError("MissingParameter", "MissingParameter",
        "The request must contain the parameter " + member + "."));
  }

  private static AwsException sqsError(String type, String queryCode, String message) {
    return AwsException.of(400, type, message).jsonType("com.amazonaws.sqs#" + type).queryErrorCode(queryCode);
  }
}
