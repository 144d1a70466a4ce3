package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The blocks the Slack client attaches to a message a person types. */
final class RichText {
  private static final Pattern MENTION = Pattern.compile("<([@#!])([^>|]+)(?:\\|([^>]*))?>");

  private RichText() {}

  /**
   * The {@code rich_text} block the Slack client makes of typed text: {@code <@U…>} becomes a user
   * element, {@code <#C…>} a channel, {@code <!subteam^S…>} a user group, the rest text.
   */
  static JsonArray blocks(String text, String blockId) {
    JsonArray elements = new JsonArray();
    Matcher matcher = MENTION.matcher(text);
    int at = 0;
    while (matcher.find()) {
      if (matcher.start() > at) {
        elements.add(textElement(text.substring(at, matcher.start())));
      }
      JsonObject element = new JsonObject();
      String id = matcher.group(2);
      switch (matcher.group(1)) {
        case "@" -> {
          element.addProperty("type", "user");
          element.addProperty("user_id", id);
        }
        case "#" -> {
          element.addProperty("type", "channel");
          element.addProperty("channel_id", id);
        }
        default -> {
          if (id.startsWith("subteam^")) {
            element.addProperty("type", "usergroup");
            element.addProperty("usergroup_id", id.substring("subteam^".length()));
          } else {
            element.addProperty("type", "broadcast");
            element.addProperty("range", id);
          }
        }
      }
      elements.add(element);
      at = matcher.end();
    }
    if (at < text.length()) {
      elements.add(textElement(text.substring(at)));
    }
    JsonObject section = new JsonObject();
    section.addProperty("type", "rich_text_section");
    section.add("elements", elements);
    JsonArray sections = new JsonArray();
    sections.add(section);
    JsonObject block = new JsonObject();
    block.addProperty("type", "rich_text");
    block.addProperty("block_id", blockId);
    block.add("elements", sections);
    JsonArray blocks = new JsonArray();
    blocks.add(block);
    return blocks;
  }

  private static JsonObject textElement(String text) {
    JsonObject element = new JsonObject();
    element.addProperty("type", "text");
    element.addProperty("text", text);
    return element;
  }
}
