package dev.rootbot.bot.card;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Block Kit blocks as JSON, the handful Rootbot uses. Text passed here is already mrkdwn: escaping is the
 * caller's job, done with {@link Mrkdwn}. Slack's limits are enforced here, so no message is refused.
 */
final class Blocks {
  /** Slack refuses section text over 3,000 characters and header text over 150. */
  static final int SECTION_MAX = 3000;
  static final int HEADER_MAX = 150;

  private final JsonArray blocks = new JsonArray();

  Blocks header(String plainText) {
    var block = block("header");
    block.add("text", text("plain_text", Mrkdwn.truncate(plainText, HEADER_MAX)));
    return add(block);
  }

  Blocks section(String mrkdwn) {
    var block = block("section");
    block.add("text", text("mrkdwn", Mrkdwn.truncate(mrkdwn, SECTION_MAX)));
    return add(block);
  }

  /** A section of two-column fields, each "*label*\nvalue". */
  Blocks fields(List<String[]> labelled) {
    var block = block("section");
    var fields = new JsonArray();
    for (String[] field : labelled) {
      fields.add(text("mrkdwn", Mrkdwn.truncate("*" + field[0] + "*\n" + field[1], 2000)));
    }
    block.add("fields", fields);
    return add(block);
  }

  Blocks context(String mrkdwn) {
    var block = block("context");
    var elements = new JsonArray();
    elements.add(text("mrkdwn", Mrkdwn.truncate(mrkdwn, SECTION_MAX)));
    block.add("elements", elements);
    return add(block);
  }

  Blocks divider() {
    return add(block("divider"));
  }

  Blocks actions(String blockId, JsonObject... buttons) {
    var block = block("actions");
    block.addProperty("block_id", blockId);
    var elements = new JsonArray();
    for (JsonObject button : buttons) {
      elements.add(button);
    }
    block.add("elements", elements);
    return add(block);
  }

  static JsonObject button(String actionId, String label, String value, String style) {
    var button = new JsonObject();
    button.addProperty("type", "button");
    button.addProperty("action_id", actionId);
    button.add("text", text("plain_text", label));
    button.addProperty("value", value);
    if (style != null) {
      button.addProperty("style", style);
    }
    return button;
  }

  static JsonObject confirm(JsonObject button, String title, String mrkdwn, String yes, String no) {
    var dialog = new JsonObject();
    dialog.add("title", text("plain_text", title));
    dialog.add("text", text("mrkdwn", Mrkdwn.truncate(mrkdwn, 300)));
    dialog.add("confirm", text("plain_text", yes));
    dialog.add("deny", text("plain_text", no));
    button.add("confirm", dialog);
    return button;
  }

  String json() {
    return blocks.toString();
  }

  private Blocks add(JsonObject block) {
    blocks.add(block);
    return this;
  }

  private static JsonObject block(String type) {
    var block = new JsonObject();
    block.addProperty("type", type);
    return block;
  }

  static JsonObject text(String type, String text) {
    var object = new JsonObject();
    object.addProperty("type", type);
    object.addProperty("text", text);
    if (type.equals("plain_text")) {
      object.addProperty("emoji", true);
    }
    return object;
  }
}
