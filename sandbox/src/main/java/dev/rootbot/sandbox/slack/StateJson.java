package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The whole workspace as one JSON document, for a page that draws it: team, people, user groups,
 * channels with their messages (replies nested under the message that started the thread), ephemeral
 * messages with the person who sees them, and open views with their errors.
 */
final class StateJson {
  private StateJson() {}

  static String write(Directory directory, WorkspaceState state, SlackJson json) {
    JsonObject root = new JsonObject();
    JsonObject team = new JsonObject();
    team.addProperty("id", SlackWorkspace.TEAM_ID);
    team.addProperty("name", SlackWorkspace.TEAM_NAME);
    team.addProperty("domain", SlackWorkspace.TEAM_DOMAIN);
    team.addProperty("bot_user_id", directory.bot().id());
    root.add("team", team);
    JsonArray people = new JsonArray();
    directory.people().forEach(p -> people.add(json.user(p)));
    root.add("people", people);
    JsonArray groups = new JsonArray();
    for (UserGroup group : directory.groups()) {
      JsonObject entry = json.group(group);
      JsonArray users = new JsonArray();
      group.userIds().forEach(users::add);
      entry.add("users", users);
      groups.add(entry);
    }
    root.add("user_groups", groups);
    JsonArray channels = new JsonArray();
    for (Channel channel : directory.channels()) {
      JsonObject entry = json.channel(channel);
      entry.add("messages", messages(state, channel.id(), json));
      channels.add(entry);
    }
    root.add("channels", channels);
    JsonArray ephemerals = new JsonArray();
    state.ephemerals().forEach(e -> ephemerals.add(json.ephemeral(e)));
    root.add("ephemerals", ephemerals);
    JsonArray views = new JsonArray();
    for (View view : state.views()) {
      JsonObject entry = new JsonObject();
      entry.addProperty("user", view.user());
      entry.add("view", view.object());
      JsonObject errors = new JsonObject();
      view.errors().forEach(errors::addProperty);
      entry.add("errors", errors);
      views.add(entry);
    }
    root.add("views", views);
    return Json.write(root);
  }

  private static JsonArray messages(WorkspaceState state, String channel, SlackJson json) {
    JsonArray top = new JsonArray();
    for (Message message : state.messages(channel)) {
      if (message.isReply()) {
        continue;
      }
      JsonObject entry = json.message(message);
      entry.addProperty("via", message.via().name());
      JsonArray replies = new JsonArray();
      for (Message reply : state.replies(channel, message.ts())) {
        JsonObject replyJson = json.message(reply);
        replyJson.addProperty("via", reply.via().name());
        replies.add(replyJson);
      }
      entry.add("replies", replies);
      top.add(entry);
    }
    return top;
  }
}
