package dev.rootbot.actions.task;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * One read of the state a change depends on: what it found, for people, and its fingerprint. A preview's
 * snapshot is what an approver approves; the bot stores it with the request ({@link #toJson}) and hands it
 * back to the run, whose first read must give the same fingerprint.
 */
public record Snapshot(Finding finding, Fingerprint fingerprint) {
  /** The stored form. Its field names are stored data: never rename one. */
  public String toJson() {
    var sections = new JsonArray();
    for (Finding.Section section : finding.sections()) {
      var json = new JsonObject();
      json.addProperty("title", section.title());
      json.addProperty("text", section.text());
      json.addProperty("verbatim", section.verbatim());
      sections.add(json);
    }
    var json = new JsonObject();
    json.addProperty("fingerprint", fingerprint.sha256());
    json.addProperty("headline", finding.headline());
    json.add("sections", sections);
    return json.toString();
  }

  /** Reads what {@link #toJson} wrote; throws {@link InvalidInput} for anything else. */
  public static Snapshot fromJson(String stored) {
    try {
      JsonObject json = JsonParser.parseString(stored).getAsJsonObject();
      List<Finding.Section> sections = new ArrayList<>();
      for (JsonElement element : field(json, "sections").getAsJsonArray()) {
        JsonObject section = element.getAsJsonObject();
        sections.add(new Finding.Section(field(section, "title").getAsString(), field(section, "text").getAsString(),
            field(section, "verbatim").getAsBoolean()));
      }
      return new Snapshot(new Finding(field(json, "headline").getAsString(), sections),
          new Fingerprint(field(json, "fingerprint").getAsString()));
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new InvalidInput("a stored snapshot is JSON with fingerprint, headline and sections; this one is not ("
          + e.getMessage() + ")");
    }
  }

  private static JsonElement field(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      throw new InvalidInput("a stored snapshot has no \"" + name + "\"");
    }
    return value;
  }
}
