package dev.rootbot.bot.card;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Objects;

/**
 * A file to share in a request's thread, such as a fleet audit's CSV: its name, its title and its whole text,
 * as the outbox keeps it until Slack has it.
 */
public record FleetFile(String filename, String title, String content) {
  public FleetFile {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(content, "content");
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("filename", filename);
    json.addProperty("title", title);
    json.addProperty("content", content);
    return json.toString();
  }

  public static FleetFile fromJson(String stored) {
    JsonObject json = JsonParser.parseString(stored).getAsJsonObject();
    return new FleetFile(json.get("filename").getAsString(), json.get("title").getAsString(),
        json.get("content").getAsString());
  }
}
