package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code views.*} methods for modals: open with a fresh trigger ID, push, update by ID or external ID. */
final class ViewMethods {
  private static final int MAX_STACK = 3;

  private final WorkspaceState state;
  private final Triggers triggers;
  private final Ids ids;
  private final SlackJson json;

  ViewMethods(WorkspaceState state, Triggers triggers, Ids ids, SlackJson json) {
    this.state = state;
    this.triggers = triggers;
    this.ids = ids;
    this.json = json;
  }

  void registerOn(WebApi api) {
    api.register("views.open", WebApi.TokenKind.BOT, params -> open(params, false));
    api.register("views.push", WebApi.TokenKind.BOT, params -> open(params, true));
    api.register("views.update", WebApi.TokenKind.BOT, this::update);
  }

  private JsonObject open(Params params, boolean push) throws SlackError {
    String triggerId = params.require("trigger_id", "invalid_trigger_id");
    JsonObject input = modal(params.require("view", "invalid_arguments"));
    String user = triggers.redeem(triggerId);
    List<View> open = state.viewsFor(user);
    if (push && open.size() >= MAX_STACK) {
      throw new SlackError("push_limit_reached");
    }
    View view = created(user, input, push ? open.stream().findFirst() : Optional.empty());
    if (push) {
      state.push(view);
    } else {
      state.open(view);
    }
    return answer(view);
  }

  private JsonObject update(Params params) throws SlackError {
    View current = find(params);
    Optional<String> hash = params.get("hash");
    if (hash.isPresent() && !hash.get().equals(current.hash())) {
      throw new SlackError("hash_conflict");
    }
    View view = replaced(current, modal(params.require("view", "invalid_arguments")));
    state.replace(view);
    return answer(view);
  }

  /** A new view for {@code user} from the bot's view object, pushed on top of {@code under} if present. */
  View created(String user, JsonObject input, Optional<View> under) throws SlackError {
    JsonArray blocks = BlockKit.normalize(Json.array(input, "blocks"), BlockKit.MAX_VIEW_BLOCKS, ids);
    String id = ids.viewId();
    String rootId = under.flatMap(v -> Json.string(v.object(), "root_view_id")).orElse(id);
    JsonObject view = json.view(id, input, blocks, ids.hash(), rootId, under.map(View::id).orElse(null));
    return new View(id, user, Json.write(view), Map.of());
  }

  /** {@code current} with the bot's new view object in it: same ID, new hash, no errors. */
  View replaced(View current, JsonObject input) throws SlackError {
    JsonArray blocks = BlockKit.normalize(Json.array(input, "blocks"), BlockKit.MAX_VIEW_BLOCKS, ids);
    JsonObject old = current.object();
    JsonObject view = json.view(current.id(), input, blocks, ids.hash(),
        Json.string(old, "root_view_id").orElse(current.id()), Json.string(old, "previous_view_id").orElse(null));
    return new View(current.id(), current.user(), Json.write(view), Map.of());
  }

  private View find(Params params) throws SlackError {
    Optional<String> viewId = params.get("view_id");
    Optional<String> externalId = params.get("external_id");
    if (viewId.isEmpty() && externalId.isEmpty()) {
      throw new SlackError("invalid_arguments", List.of("[ERROR] view_id or external_id is required"));
    }
    return state.views().stream()
        .filter(v -> viewId.map(v.id()::equals).orElse(true))
        .filter(v -> externalId.map(e -> e.equals(Json.string(v.object(), "external_id").orElse(""))).orElse(true))
        .findFirst().orElseThrow(() -> new SlackError("not_found"));
  }

  /** The {@code view} argument, checked for the mistakes Slack refuses in a modal. */
  static JsonObject modal(String viewJson) throws SlackError {
    JsonObject view = Json.parseObject(viewJson).orElseThrow(
        () -> new SlackError("invalid_arguments", List.of("[ERROR] view must be a JSON object [json-pointer:/view]")));
    List<String> problems = new ArrayList<>();
    if (!"modal".equals(Json.string(view, "type").orElse(""))) {
      problems.add("[ERROR] must be one of: modal [json-pointer:/view/type]");
    }
    checkText(view, "title", true, problems);
    checkText(view, "submit", false, problems);
    checkText(view, "close", false, problems);
    boolean hasInput = Json.array(view, "blocks").asList().stream()
        .anyMatch(b -> b.isJsonObject() && "input".equals(Json.string(b.getAsJsonObject(), "type").orElse("")));
    if (hasInput && !view.has("submit")) {
      problems.add("[ERROR] submit is required when an input block is present [json-pointer:/view/submit]");
    }
    if (Json.string(view, "private_metadata").orElse("").length() > 3000) {
      problems.add("[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]");
    }
    if (Json.string(view, "callback_id").orElse("").length() > 255) {
      problems.add("[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]");
    }
    if (!problems.isEmpty()) {
      throw new SlackError("invalid_arguments", problems);
    }
    return view;
  }

  private static void checkText(JsonObject view, String field, boolean required, List<String> problems) {
    Optional<JsonObject> text = Json.object(view, field);
    if (text.isEmpty()) {
      if (required) {
        problems.add("[ERROR] missing required field: " + field + " [json-pointer:/view]");
      }
      return;
    }
    if (!"plain_text".equals(Json.string(text.get(), "type").orElse(""))) {
      problems.add("[ERROR] must be one of: plain_text [json-pointer:/view/" + field + "/type]");
    }
    if (Json.string(text.get(), "text").orElse("").length() > 24) {
      problems.add("[ERROR] must be less than 25 characters [json-pointer:/view/" + field + "/text]");
    }
  }

  private static JsonObject answer(View view) {
    JsonObject answer = new JsonObject();
    answer.add("view", view.object());
    return answer;
  }
}
