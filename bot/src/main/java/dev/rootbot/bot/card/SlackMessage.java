package dev.rootbot.bot.card;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A message as Slack takes it: the notification text and the Block Kit blocks as JSON. Stored whole in
 * the outbox, so what is posted after an outage is what was written at the time.
 */
public record SlackMessage(String text, String blocks) {
  public String toJson() {
    var json = new JsonObject();
    json.addProperty("text", text);
    json.add("blocks", JsonParser.parseString(blocks));
    return json.toString();
  }

  public static SlackMessage fromJson(String json) {
    JsonObject object = JsonParser.parseString(json).getAsJsonObject();
    return new SlackMessage(object.get("text").getAsString(), object.get("blocks").toString());
  }
}
