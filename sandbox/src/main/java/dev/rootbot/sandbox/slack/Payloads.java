package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the payloads Slack sends to a bot, field for field: slash commands, {@code block_actions},
 * {@code view_submission}, {@code block_suggestion}, and Events API {@code event_callback}s.
 */
final class Payloads {
  private final SlackJson json;

  Payloads(SlackJson json) {
    this.json = json;
  }

  /** A slash command's fields in the order Slack sends them; every value is a string, as in the form. */
  JsonObject slashCommand(Person person, Channel channel, String command, String text, String responseUrl,
      String triggerId) {
    JsonObject fields = new JsonObject();
    fields.addProperty("token", SlackWorkspace.VERIFICATION_TOKEN);
    fields.addProperty("team_id", SlackWorkspace.TEAM_ID);
    fields.addProperty("team_domain", SlackWorkspace.TEAM_DOMAIN);
    fields.addProperty("channel_id", channel.id());
    fields.addProperty("channel_name", channelName(channel));
    fields.addProperty("user_id", person.id());
    fields.addProperty("user_name", person.name());
    fields.addProperty("command", command);
    fields.addProperty("text", text);
    fields.addProperty("api_app_id", SlackWorkspace.APP_ID);
    fields.addProperty("is_enterprise_install", "false");
    fields.addProperty("response_url", responseUrl);
    fields.addProperty("trigger_id", triggerId);
    return fields;
  }

  /** The form body of a slash command: {@code application/x-www-form-urlencoded}, UTF-8. */
  static String form(JsonObject fields) {
    StringBuilder form = new StringBuilder();
    for (Map.Entry<String, JsonElement> field : fields.entrySet()) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(encode(field.getKey())).append('=').append(encode(field.getValue().getAsString()));
    }
    return form.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * A click on an element of a message. For an ephemeral message Slack sends no {@code message}, only a
   * container saying it was ephemeral.
   */
  JsonObject blockActions(Person person, Channel channel, String messageTs, Optional<String> threadTs,
      Optional<Message> message, BlockKit.Element element, String value, String responseUrl, String triggerId,
      String actionTs) {
    JsonObject payload = interaction("block_actions", person);
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", messageTs);
    container.addProperty("channel_id", channel.id());
    container.addProperty("is_ephemeral", message.isEmpty());
    threadTs.ifPresent(t -> container.addProperty("thread_ts", t));
    payload.add("container", container);
    payload.addProperty("trigger_id", triggerId);
    payload.add("team", team());
    payload.add("enterprise", JsonNull.INSTANCE);
    payload.addProperty("is_enterprise_install", false);
    JsonObject channelJson = new JsonObject();
    channelJson.addProperty("id", channel.id());
    channelJson.addProperty("name", channelName(channel));
    payload.add("channel", channelJson);
    message.ifPresent(m -> payload.add("message", json.message(m)));
    payload.add("state", emptyState());
    payload.addProperty("response_url", responseUrl);
    payload.add("actions", actions(element, value, actionTs));
    return payload;
  }

  /** A click on an element inside a modal: the container is the view, and the view comes along. */
  JsonObject blockActionsInView(Person person, View view, BlockKit.Element element, String value, String triggerId,
      String actionTs) {
    JsonObject payload = interaction("block_actions", person);
    payload.add("container", viewContainer(view));
    payload.addProperty("trigger_id", triggerId);
    payload.add("team", team());
    payload.add("enterprise", JsonNull.INSTANCE);
    payload.addProperty("is_enterprise_install", false);
    payload.add("view", view.object());
    payload.add("actions", actions(element, value, actionTs));
    return payload;
  }

  JsonObject viewSubmission(Person person, View view, JsonObject values, String triggerId) {
    JsonObject payload = interaction("view_submission", person);
    payload.add("team", team());
    payload.addProperty("trigger_id", triggerId);
    JsonObject submitted = view.object();
    JsonObject state = new JsonObject();
    state.add("values", values);
    submitted.add("state", state);
    payload.add("view", submitted);
    payload.add("response_urls", new JsonArray());
    payload.add("enterprise", JsonNull.INSTANCE);
    payload.addProperty("is_enterprise_install", false);
    return payload;
  }

  /** A modal closed with its Close button, sent only for a view with {@code notify_on_close}. */
  JsonObject viewClosed(Person person, View view) {
    JsonObject payload = interaction("view_closed", person);
    payload.add("team", team());
    payload.add("view", view.object());
    payload.addProperty("is_cleared", false);
    payload.add("enterprise", JsonNull.INSTANCE);
    payload.addProperty("is_enterprise_install", false);
    return payload;
  }

  /** The type-ahead request of an external select: what the person has typed so far, in {@code value}. */
  JsonObject blockSuggestion(Person person, View view, BlockKit.Element element, String typed) {
    JsonObject payload = interaction("block_suggestion", person);
    payload.add("container", viewContainer(view));
    payload.addProperty("action_id", element.actionId());
    payload.addProperty("block_id", element.blockId());
    payload.addProperty("value", typed);
    payload.add("team", team());
    payload.add("view", view.object());
    payload.add("enterprise", JsonNull.INSTANCE);
    payload.addProperty("is_enterprise_install", false);
    return payload;
  }

  JsonObject eventCallback(JsonObject event, String eventId, long eventTime) {
    JsonObject payload = new JsonObject();
    payload.addProperty("token", SlackWorkspace.VERIFICATION_TOKEN);
    payload.addProperty("team_id", SlackWorkspace.TEAM_ID);
    payload.addProperty("context_team_id", SlackWorkspace.TEAM_ID);
    payload.add("context_enterprise_id", JsonNull.INSTANCE);
    payload.addProperty("api_app_id", SlackWorkspace.APP_ID);
    payload.add("event", event);
    payload.addProperty("type", "event_callback");
    payload.addProperty("event_id", eventId);
    payload.addProperty("event_time", eventTime);
    JsonObject authorization = new JsonObject();
    authorization.add("enterprise_id", JsonNull.INSTANCE);
    authorization.addProperty("team_id", SlackWorkspace.TEAM_ID);
    authorization.addProperty("user_id", SlackWorkspace.ROOTBOT.id());
    authorization.addProperty("is_bot", true);
    authorization.addProperty("is_enterprise_install", false);
    JsonArray authorizations = new JsonArray();
    authorizations.add(authorization);
    payload.add("authorizations", authorizations);
    payload.addProperty("is_ext_shared_channel", false);
    String context = "{\"et\":\"" + Json.string(event, "type").orElse("") + "\",\"tid\":\"" + SlackWorkspace.TEAM_ID
        + "\",\"aid\":\"" + SlackWorkspace.APP_ID + "\"}";
    payload.addProperty("event_context",
        "4-" + Base64.getUrlEncoder().withoutPadding().encodeToString(context.getBytes(StandardCharsets.UTF_8)));
    return payload;
  }

  /** The {@code app_mention} event for a message a person typed. */
  static JsonObject appMention(Message message, String clientMsgId, Optional<String> parentUser) {
    JsonObject event = new JsonObject();
    event.addProperty("user", message.user());
    event.addProperty("type", "app_mention");
    event.addProperty("ts", message.ts());
    event.addProperty("client_msg_id", clientMsgId);
    event.addProperty("text", message.text());
    event.addProperty("team", SlackWorkspace.TEAM_ID);
    message.threadTs().ifPresent(t -> event.addProperty("thread_ts", t));
    parentUser.ifPresent(u -> event.addProperty("parent_user_id", u));
    event.add("blocks", Json.parseArray(message.blocksJson()).orElseGet(JsonArray::new));
    event.addProperty("channel", message.channel());
    event.addProperty("event_ts", message.ts());
    return event;
  }

  static JsonObject reactionAdded(String user, Message item, String reaction, String eventTs) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "reaction_added");
    event.addProperty("user", user);
    event.addProperty("reaction", reaction);
    event.addProperty("item_user", item.user());
    JsonObject itemJson = new JsonObject();
    itemJson.addProperty("type", "message");
    itemJson.addProperty("channel", item.channel());
    itemJson.addProperty("ts", item.ts());
    event.add("item", itemJson);
    event.addProperty("event_ts", eventTs);
    return event;
  }

  static JsonObject urlVerification(String challenge) {
    JsonObject payload = new JsonObject();
    payload.addProperty("token", SlackWorkspace.VERIFICATION_TOKEN);
    payload.addProperty("challenge", challenge);
    payload.addProperty("type", "url_verification");
    return payload;
  }

  private JsonObject interaction(String type, Person person) {
    JsonObject payload = new JsonObject();
    payload.addProperty("type", type);
    JsonObject user = new JsonObject();
    user.addProperty("id", person.id());
    user.addProperty("username", person.name());
    user.addProperty("name", person.name());
    user.addProperty("team_id", SlackWorkspace.TEAM_ID);
    payload.add("user", user);
    payload.addProperty("api_app_id", SlackWorkspace.APP_ID);
    payload.addProperty("token", SlackWorkspace.VERIFICATION_TOKEN);
    return payload;
  }

  private static JsonArray actions(BlockKit.Element element, String value, String actionTs) {
    JsonObject action = new JsonObject();
    String type = element.type();
    action.addProperty("action_id", element.actionId());
    action.addProperty("block_id", element.blockId());
    if (type.equals("button")) {
      if (element.json().has("text")) {
        action.add("text", element.json().get("text"));
      }
      if (value != null) {
        action.addProperty("value", value);
      }
      Json.string(element.json(), "style").ifPresent(s -> action.addProperty("style", s));
    } else if (type.endsWith("select") && !type.startsWith("multi_") || type.equals("overflow")
        || type.equals("radio_buttons")) {
      JsonObject selected = ViewInputs.state(element.json(), Optional.ofNullable(value));
      selected.entrySet().stream().filter(e -> !e.getKey().equals("type"))
          .forEach(e -> action.add(e.getKey(), e.getValue()));
    } else if (value != null) {
      action.addProperty("value", value);
    }
    action.addProperty("type", type);
    action.addProperty("action_ts", actionTs);
    JsonArray actions = new JsonArray();
    actions.add(action);
    return actions;
  }

  private static JsonObject viewContainer(View view) {
    JsonObject container = new JsonObject();
    container.addProperty("type", "view");
    container.addProperty("view_id", view.id());
    return container;
  }

  private static JsonObject team() {
    JsonObject team = new JsonObject();
    team.addProperty("id", SlackWorkspace.TEAM_ID);
    team.addProperty("domain", SlackWorkspace.TEAM_DOMAIN);
    return team;
  }

  private static JsonObject emptyState() {
    JsonObject state = new JsonObject();
    state.add("values", new JsonObject());
    return state;
  }

  /** The channel name Slack puts in payloads; a direct message is {@code directmessage}. */
  private static String channelName(Channel channel) {
    return channel.isIm() ? "directmessage" : channel.name();
  }
}
