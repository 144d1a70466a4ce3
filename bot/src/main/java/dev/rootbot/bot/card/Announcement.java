package dev.rootbot.bot.card;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.bot.request.ChannelId;
import java.util.Objects;

/**
 * A message about a request for a channel other than its own, such as a break-glass run's announce channels:
 * where it goes and what it says, stored whole in the outbox.
 */
public record Announcement(ChannelId channel, SlackMessage message) {
  public Announcement {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
  }

  public String toJson() {
    var json = new JsonObject();
    json.addProperty("channel", channel.value());
    json.add("message", JsonParser.parseString(message.toJson()));
    return json.toString();
  }

  public static Announcement fromJson(String json) {
    JsonObject object = JsonParser.parseString(json).getAsJsonObject();
    return new Announcement(new ChannelId(object.get("channel").getAsString()),
        SlackMessage.fromJson(object.get("message").toString()));
  }
}
