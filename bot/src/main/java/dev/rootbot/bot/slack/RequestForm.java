package dev.rootbot.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.slack.api.model.view.ViewState;
import dev.rootbot.bot.command.TaskForm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request form that {@code /root} alone opens: the task, the account (type-ahead from Organizations),
 * the bucket or queue, the region and the reason. Its submission files the same request as the command.
 */
final class RequestForm {
  static final String CALLBACK = "root_request";
  static final String TASK = "task";
  static final String ACCOUNT = "account";
  static final String RESOURCE = "resource";
  static final String REGION = "region";
  static final String REASON = "reason";

  private static final Map<TaskForm, String> LABELS = labels();

  private RequestForm() {}

  /** The modal, remembering the channel it was opened from. */
  static String view(String channel) {
    var view = new JsonObject();
    view.addProperty("type", "modal");
    view.addProperty("callback_id", CALLBACK);
    view.addProperty("private_metadata", channel);
    view.add("title", text("Root task"));
    view.add("submit", text("Ask for approval"));
    view.add("close", text("Cancel"));
    var blocks = new JsonArray();
    var options = new JsonArray();
    LABELS.forEach((kind, label) -> options.add(option(label, kind.name())));
    var taskSelect = element("static_select", TASK, "Choose a task");
    taskSelect.add("options", options);
    blocks.add(input(TASK, "Task", taskSelect, false, null));
    var account = element("external_select", ACCOUNT, "Name or 12-digit ID");
    account.addProperty("min_query_length", 0);
    blocks.add(input(ACCOUNT, "Member account", account, false, null));
    blocks.add(input(RESOURCE, "Bucket or queue", element("plain_text_input", RESOURCE, "prod-logs"), true,
        "The bucket's name, or the queue's name, URL or ARN. Leave empty for root-credential tasks."));
    blocks.add(input(REGION, "Region", element("plain_text_input", REGION, "us-east-1"), true,
        "Where the bucket or queue is. Leave empty for the default; S3 tells where a bucket really is."));
    var reason = element("plain_text_input", REASON, "INC-42: the bucket policy locks everyone out");
    reason.addProperty("multiline", true);
    blocks.add(input(REASON, "Reason", reason, false, "Why you need root: the approver reads it."));
    view.add("blocks", blocks);
    return view.toString();
  }

  /** The values a person submitted, by field; empty fields are absent. */
  static Map<String, String> values(Map<String, Map<String, ViewState.Value>> state) {
    var values = new LinkedHashMap<String, String>();
    for (String field : new String[] {TASK, ACCOUNT, RESOURCE, REGION, REASON}) {
      Optional.ofNullable(state.get(field)).map(block -> block.get(field)).flatMap(RequestForm::valueOf)
          .filter(v -> !v.isBlank())
          .ifPresent(v -> values.put(field, v));
    }
    return values;
  }

  private static Optional<String> valueOf(ViewState.Value value) {
    if (value.getSelectedOption() != null) {
      return Optional.ofNullable(value.getSelectedOption().getValue());
    }
    return Optional.ofNullable(value.getValue());
  }

  static String label(TaskForm kind) {
    return LABELS.get(kind);
  }

  private static Map<TaskForm, String> labels() {
    var labels = new LinkedHashMap<TaskForm, String>();
    labels.put(TaskForm.UNLOCK_BUCKET, "Unlock an S3 bucket");
    labels.put(TaskForm.UNLOCK_QUEUE, "Unlock an SQS queue");
    labels.put(TaskForm.AUDIT_ROOT_CREDENTIALS, "Audit root credentials");
    labels.put(TaskForm.DELETE_ROOT_CREDENTIALS, "Delete root credentials");
    labels.put(TaskForm.ALLOW_PASSWORD_RECOVERY, "Allow root password recovery");
    return labels;
  }

  static JsonObject input(String blockId, String label, JsonObject element, boolean optional, String hint) {
    var block = new JsonObject();
    block.addProperty("type", "input");
    block.addProperty("block_id", blockId);
    block.add("label", text(label));
    block.add("element", element);
    block.addProperty("optional", optional);
    if (hint != null) {
      block.add("hint", text(hint));
    }
    return block;
  }

  static JsonObject element(String type, String actionId, String placeholder) {
    var element = new JsonObject();
    element.addProperty("type", type);
    element.addProperty("action_id", actionId);
    element.add("placeholder", text(placeholder));
    return element;
  }

  static JsonObject option(String label, String value) {
    var option = new JsonObject();
    option.add("text", text(label));
    option.addProperty("value", value);
    return option;
  }

  static JsonObject text(String text) {
    var object = new JsonObject();
    object.addProperty("type", "plain_text");
    object.addProperty("text", text);
    return object;
  }
}
