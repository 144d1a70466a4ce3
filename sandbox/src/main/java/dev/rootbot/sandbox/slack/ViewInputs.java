package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills in a modal's inputs as a person would and writes {@code view.state.values} as Slack sends it:
 * block ID → action ID → {@code {type, value | selected_option | selected_user | …}}. Refuses what the
 * Slack client refuses: submitting with a required input empty, or choosing an option that is not there.
 */
final class ViewInputs {
  private ViewInputs() {}

  /** The state of every input block, given the values typed or chosen, by action ID (comma-separated for multi-selects). */
  static JsonObject values(String blocksJson, Map<String, String> given) {
    JsonObject values = new JsonObject();
    Set<String> used = new HashSet<>();
    for (BlockKit.Element input : BlockKit.elements(blocksJson)) {
      if (!input.blockType().equals("input")) {
        continue;
      }
      Optional<String> value = Optional.ofNullable(given.get(input.actionId())).filter(v -> !v.isEmpty());
      if (value.isEmpty() && !optional(blocksJson, input.blockId())) {
        throw new IllegalArgumentException("Slack does not submit a form with a required input empty: "
            + input.actionId() + " in block " + input.blockId());
      }
      value.ifPresent(v -> used.add(input.actionId()));
      JsonObject byAction = new JsonObject();
      byAction.add(input.actionId(), state(input.json(), value));
      values.add(input.blockId(), byAction);
    }
    Set<String> unknown = new HashSet<>(given.keySet());
    unknown.removeAll(used);
    unknown.removeIf(k -> given.get(k) == null || given.get(k).isEmpty());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("the form has no input with action ID " + unknown + "; it has "
          + BlockKit.elements(blocksJson).stream().filter(e -> e.blockType().equals("input"))
              .map(BlockKit.Element::actionId).toList());
    }
    return values;
  }

  private static boolean optional(String blocksJson, String blockId) {
    for (JsonElement block : Json.parseArray(blocksJson).orElseGet(JsonArray::new)) {
      JsonObject object = block.getAsJsonObject();
      if (blockId.equals(Json.string(object, "block_id").orElse(""))) {
        return Json.bool(object, "optional");
      }
    }
    return false;
  }

  /** The state Slack reports for one element. */
  static JsonObject state(JsonObject element, Optional<String> value) {
    String type = Json.string(element, "type").orElse("");
    JsonObject state = new JsonObject();
    state.addProperty("type", type);
    switch (type) {
      case "static_select", "external_select", "radio_buttons", "overflow" -> state.add("selected_option",
          value.<JsonElement>map(v -> option(element, v)).orElse(JsonNull.INSTANCE));
      case "multi_static_select", "multi_external_select", "checkboxes" -> {
        JsonArray selected = new JsonArray();
        value.ifPresent(v -> split(v).forEach(one -> selected.add(option(element, one))));
        state.add("selected_options", selected);
      }
      case "users_select" -> state.addProperty("selected_user", value.orElse(null));
      case "conversations_select" -> state.addProperty("selected_conversation", value.orElse(null));
      case "channels_select" -> state.addProperty("selected_channel", value.orElse(null));
      case "multi_users_select" -> state.add("selected_users", strings(value));
      case "multi_conversations_select" -> state.add("selected_conversations", strings(value));
      case "multi_channels_select" -> state.add("selected_channels", strings(value));
      case "datepicker" -> state.addProperty("selected_date", value.orElse(null));
      case "timepicker" -> state.addProperty("selected_time", value.orElse(null));
      default -> state.addProperty("value", value.orElse(null));
    }
    return state;
  }

  /**
   * The option with {@code value}: from the element's options (or option groups), or for an external
   * select, whose options only the bot knows, an option whose text is its value.
   */
  static JsonObject option(JsonObject element, String value) {
    List<JsonObject> options = new ArrayList<>();
    Json.array(element, "options").forEach(o -> options.add(o.getAsJsonObject()));
    Json.array(element, "option_groups")
        .forEach(g -> Json.array(g.getAsJsonObject(), "options").forEach(o -> options.add(o.getAsJsonObject())));
    String type = Json.string(element, "type").orElse("");
    if (type.contains("external")) {
      JsonObject option = new JsonObject();
      JsonObject text = new JsonObject();
      text.addProperty("type", "plain_text");
      text.addProperty("text", value);
      text.addProperty("emoji", true);
      option.add("text", text);
      option.addProperty("value", value);
      return option;
    }
    return options.stream().filter(o -> value.equals(Json.string(o, "value").orElse(""))).findFirst()
        .map(JsonObject::deepCopy)
        .orElseThrow(() -> new IllegalArgumentException("the menu " + Json.string(element, "action_id").orElse("")
            + " has no option " + value + "; it has "
            + options.stream().map(o -> Json.string(o, "value").orElse("")).toList()));
  }

  private static List<String> split(String values) {
    return List.of(values.split("\\s*,\\s*"));
  }

  private static JsonArray strings(Optional<String> value) {
    JsonArray array = new JsonArray();
    value.ifPresent(v -> split(v).forEach(array::add));
    return array;
  }
}
