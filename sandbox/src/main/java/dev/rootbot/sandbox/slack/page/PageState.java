package dev.rootbot.sandbox.slack.page;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.sandbox.slack.Person;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import dev.rootbot.sandbox.slack.View;
import java.net.URI;
import java.util.Optional;

/**
 * What one person sees: the workspace's state ({@link SlackWorkspace#stateJson()}) with only their own
 * ephemeral messages and open views (the one in front first), who they are, and where the simulated AWS is.
 */
final class PageState {
  private PageState() {}

  static JsonObject of(SlackWorkspace workspace, Person viewer, Optional<URI> aws) {
    JsonObject state = JsonParser.parseString(workspace.stateJson()).getAsJsonObject();
    JsonArray ephemerals = new JsonArray();
    for (JsonElement ephemeral : state.getAsJsonArray("ephemerals")) {
      if (viewer.id().equals(ephemeral.getAsJsonObject().get("user").getAsString())) {
        ephemerals.add(ephemeral);
      }
    }
    state.add("ephemerals", ephemerals);
    JsonArray views = new JsonArray();
    for (View view : workspace.openViews(viewer)) {
      JsonObject entry = new JsonObject();
      entry.add("view", JsonParser.parseString(view.json()));
      JsonObject errors = new JsonObject();
      view.errors().forEach(errors::addProperty);
      entry.add("errors", errors);
      views.add(entry);
    }
    state.add("views", views);
    state.addProperty("viewer", viewer.id());
    state.add("aws", aws.<JsonElement>map(uri -> new com.google.gson.JsonPrimitive(uri.toString()))
        .orElse(JsonNull.INSTANCE));
    return state;
  }
}
