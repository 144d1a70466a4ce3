package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks Block Kit as Slack does on the way in: rejects what Slack rejects with
 * {@code invalid_blocks}, fills in the block and action IDs the bot left out, and finds the elements a
 * person can click.
 */
final class BlockKit {
  private static final Set<String> BLOCK_TYPES = Set.of("section", "divider", "image", "actions", "context", "input",
      "header", "rich_text", "video", "file", "markdown", "call", "table", "context_actions");
  static final int MAX_MESSAGE_BLOCKS = 50;
  static final int MAX_VIEW_BLOCKS = 100;

  /** An interactive element and the block it sits in. */
  record Element(String blockId, String blockType, JsonObject json) {
    String actionId() {
      return Json.string(json, "action_id").orElse("");
    }

    String type() {
      return Json.string(json, "type").orElse("");
    }
  }

  private BlockKit() {}

  /** Checks a {@code blocks} parameter and returns it with every block and action ID filled in. */
  static JsonArray normalize(String blocksParam, int maxBlocks, Ids ids) throws SlackError {
    JsonArray blocks = Json.parseArray(blocksParam).orElseThrow(() -> new SlackError("invalid_blocks_format",
        List.of("[ERROR] blocks must be a JSON array of block objects")));
    return normalize(blocks, maxBlocks, ids);
  }

  static JsonArray normalize(JsonArray original, int maxBlocks, Ids ids) throws SlackError {
    JsonArray blocks = original.deepCopy();
    List<String> problems = new ArrayList<>();
    if (blocks.size() > maxBlocks) {
      problems.add("[ERROR] no more than " + maxBlocks + " items allowed [json-pointer:/blocks]");
    }
    Set<String> blockIds = new HashSet<>();
    Set<String> actionIds = new HashSet<>();
    for (int i = 0; i < blocks.size(); i++) {
      String pointer = "/blocks/" + i;
      if (!blocks.get(i).isJsonObject()) {
        problems.add("[ERROR] must be an object [json-pointer:" + pointer + "]");
        continue;
      }
      JsonObject block = blocks.get(i).getAsJsonObject();
      String type = Json.string(block, "type").orElse("");
      if (!BLOCK_TYPES.contains(type)) {
        problems.add("[ERROR] unsupported type: " + type + " [json-pointer:" + pointer + "/type]");
        continue;
      }
      checkBlock(type, block, pointer, problems);
      String blockId = Json.string(block, "block_id").orElseGet(ids::shortId);
      block.addProperty("block_id", blockId);
      if (!blockIds.add(blockId)) {
        problems.add("[ERROR] duplicate block_id: " + blockId + " [json-pointer:" + pointer + "/block_id]");
      }
      for (JsonObject element : interactiveElements(block)) {
        if (!element.has("action_id")) {
          element.addProperty("action_id", ids.shortId());
        }
        String actionId = Json.string(element, "action_id").orElse("");
        if (!actionIds.add(actionId)) {
          problems.add("[ERROR] duplicate action_id: " + actionId + " [json-pointer:" + pointer + "]");
        }
        checkElement(element, pointer, problems);
      }
    }
    if (!problems.isEmpty()) {
      throw new SlackError("invalid_blocks", problems);
    }
    return blocks;
  }

  private static void checkBlock(String type, JsonObject block, String pointer, List<String> problems) {
    switch (type) {
      case "header" -> {
        Optional<JsonObject> text = Json.object(block, "text");
        if (text.isEmpty() || !"plain_text".equals(Json.string(text.get(), "type").orElse(""))) {
          problems.add("[ERROR] must be one of: plain_text [json-pointer:" + pointer + "/text/type]");
        } else if (Json.string(text.get(), "text").orElse("").length() > 150) {
          problems.add("[ERROR] must be less than 151 characters [json-pointer:" + pointer + "/text/text]");
        }
      }
      case "section" -> {
        if (!block.has("text") && !block.has("fields")) {
          problems.add("[ERROR] must provide text or fields [json-pointer:" + pointer + "]");
        }
        Json.object(block, "text").flatMap(t -> Json.string(t, "text")).filter(t -> t.length() > 3000)
            .ifPresent(t -> problems.add("[ERROR] must be less than 3001 characters [json-pointer:" + pointer
                + "/text/text]"));
        if (Json.array(block, "fields").size() > 10) {
          problems.add("[ERROR] no more than 10 items allowed [json-pointer:" + pointer + "/fields]");
        }
      }
      case "actions" -> {
        int count = Json.array(block, "elements").size();
        if (count == 0 || count > 25) {
          problems.add("[ERROR] must have between 1 and 25 elements [json-pointer:" + pointer + "/elements]");
        }
      }
      case "input" -> {
        if (Json.object(block, "label").isEmpty() || Json.object(block, "element").isEmpty()) {
          problems.add("[ERROR] an input block needs a label and an element [json-pointer:" + pointer + "]");
        }
      }
      default -> { }
    }
  }

  private static void checkElement(JsonObject element, String pointer, List<String> problems) {
    if (!"button".equals(Json.string(element, "type").orElse(""))) {
      return;
    }
    Optional<JsonObject> text = Json.object(element, "text");
    if (text.isEmpty() || !"plain_text".equals(Json.string(text.get(), "type").orElse(""))) {
      problems.add("[ERROR] a button's text must be plain_text [json-pointer:" + pointer + "]");
    } else if (Json.string(text.get(), "text").orElse("").length() > 75) {
      problems.add("[ERROR] a button's text must be less than 76 characters [json-pointer:" + pointer + "]");
    }
    if (Json.string(element, "value").orElse("").length() > 2000) {
      problems.add("[ERROR] a button's value must be less than 2001 characters [json-pointer:" + pointer + "]");
    }
    Json.string(element, "style").filter(s -> !s.equals("primary") && !s.equals("danger"))
        .ifPresent(s -> problems.add("[ERROR] style must be one of: primary, danger [json-pointer:" + pointer + "]"));
  }

  /** The elements of a block that carry an action ID: a section's accessory, an actions block's elements, an input's element. */
  static List<JsonObject> interactiveElements(JsonObject block) {
    List<JsonObject> found = new ArrayList<>();
    Json.object(block, "accessory").filter(BlockKit::interactive).ifPresent(found::add);
    Json.object(block, "element").filter(BlockKit::interactive).ifPresent(found::add);
    for (JsonElement element : Json.array(block, "elements")) {
      if (element.isJsonObject() && interactive(element.getAsJsonObject())) {
        found.add(element.getAsJsonObject());
      }
    }
    return found;
  }

  private static boolean interactive(JsonObject element) {
    String type = Json.string(element, "type").orElse("");
    return !type.isEmpty() && !type.equals("image") && !type.equals("mrkdwn") && !type.equals("plain_text")
        && !type.startsWith("rich_text");
  }

  static List<Element> elements(String blocksJson) {
    List<Element> found = new ArrayList<>();
    for (JsonElement block : Json.parseArray(blocksJson).orElseGet(JsonArray::new)) {
      if (block.isJsonObject()) {
        JsonObject object = block.getAsJsonObject();
        String blockId = Json.string(object, "block_id").orElse("");
        String blockType = Json.string(object, "type").orElse("");
        for (JsonObject element : interactiveElements(object)) {
          found.add(new Element(blockId, blockType, element));
        }
      }
    }
    return found;
  }

  static Optional<Element> element(String blocksJson, String actionId) {
    return elements(blocksJson).stream().filter(e -> e.actionId().equals(actionId)).findFirst();
  }

  static List<String> actionIds(String blocksJson) {
    return elements(blocksJson).stream().map(Element::actionId).toList();
  }

  /** The message text followed by every text in its blocks, one per line: what a reader of the message sees. */
  static String allText(String text, String blocksJson) {
    List<String> parts = new ArrayList<>();
    if (!text.isEmpty()) {
      parts.add(text);
    }
    Json.parseArray(blocksJson).ifPresent(blocks -> collectText(blocks, parts));
    return String.join("\n", parts);
  }

  private static void collectText(JsonElement json, List<String> parts) {
    if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(child -> collectText(child, parts));
    } else if (json.isJsonObject()) {
      JsonObject object = json.getAsJsonObject();
      Json.string(object, "text").ifPresent(parts::add);
      // A confirm dialog's words show only after a click, so they are not part of what the message says.
      object.entrySet().stream().filter(e -> !e.getKey().equals("confirm"))
          .filter(e -> !e.getKey().equals("text") || !e.getValue().isJsonPrimitive())
          .forEach(e -> collectText(e.getValue(), parts));
    }
  }
}
