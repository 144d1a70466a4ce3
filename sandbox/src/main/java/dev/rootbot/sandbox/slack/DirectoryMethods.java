package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The methods about who is who: who the bot is ({@code auth.test}, {@code bots.info}), people, and user groups,
 * whose members an admin's user token can change ({@code usergroups.users.update}).
 */
final class DirectoryMethods {
  private final Directory directory;
  private final WorkspaceState state;
  private final SlackJson json;

  DirectoryMethods(Directory directory, WorkspaceState state, SlackJson json) {
    this.directory = directory;
    this.state = state;
    this.json = json;
  }

  void registerOn(WebApi api) {
    api.register("auth.test", WebApi.TokenKind.BOT, params -> authTest());
    api.register("bots.info", WebApi.TokenKind.BOT, this::botsInfo);
    api.register("users.info", WebApi.TokenKind.BOT, this::usersInfo);
    api.register("users.list", WebApi.TokenKind.BOT, params -> usersList());
    api.register("usergroups.list", WebApi.TokenKind.BOT, this::usergroupsList);
    api.register("usergroups.users.list", WebApi.TokenKind.BOT, this::usergroupsUsersList);
    api.register("usergroups.users.update", WebApi.TokenKind.USER, this::usergroupsUsersUpdate);
  }

  private JsonObject authTest() {
    Person bot = directory.bot();
    JsonObject answer = new JsonObject();
    answer.addProperty("url", "https://" + SlackWorkspace.TEAM_DOMAIN + ".slack.com/");
    answer.addProperty("team", SlackWorkspace.TEAM_NAME);
    answer.addProperty("user", bot.name());
    answer.addProperty("team_id", SlackWorkspace.TEAM_ID);
    answer.addProperty("user_id", bot.id());
    answer.addProperty("bot_id", bot.botId().orElseThrow());
    answer.addProperty("is_enterprise_install", false);
    return answer;
  }

  private JsonObject botsInfo(Params params) throws SlackError {
    String botId = params.require("bot", "bot_not_found");
    Person bot = directory.personByBotId(botId).orElseThrow(() -> new SlackError("bot_not_found"));
    JsonObject answer = new JsonObject();
    answer.add("bot", json.bot(bot));
    return answer;
  }

  private JsonObject usersInfo(Params params) throws SlackError {
    Person person = directory.person(params.require("user", "user_not_found"))
        .orElseThrow(() -> new SlackError("user_not_found"));
    JsonObject answer = new JsonObject();
    answer.add("user", json.user(person));
    return answer;
  }

  private JsonObject usersList() {
    JsonArray members = new JsonArray();
    directory.people().forEach(p -> members.add(json.user(p)));
    JsonObject answer = new JsonObject();
    answer.add("members", members);
    answer.add("response_metadata", noMorePages());
    return answer;
  }

  private JsonObject usergroupsList(Params params) {
    boolean withUsers = params.flag("include_users");
    JsonArray groups = new JsonArray();
    for (UserGroup group : directory.groups()) {
      JsonObject entry = json.group(group);
      if (withUsers) {
        entry.add("users", ids(group.userIds()));
      }
      groups.add(entry);
    }
    JsonObject answer = new JsonObject();
    answer.add("usergroups", groups);
    return answer;
  }

  private JsonObject usergroupsUsersList(Params params) throws SlackError {
    UserGroup group = directory.group(params.require("usergroup", "no_such_subteam"))
        .orElseThrow(() -> new SlackError("no_such_subteam"));
    JsonObject answer = new JsonObject();
    answer.add("users", ids(group.userIds()));
    return answer;
  }

  /**
   * Replaces the members of a user group, as an admin does: the whole list in {@code users}, comma-separated;
   * a group is never left empty.
   */
  private JsonObject usergroupsUsersUpdate(Params params) throws SlackError {
    UserGroup group = directory.group(params.require("usergroup", "no_such_subteam"))
        .orElseThrow(() -> new SlackError("no_such_subteam"));
    List<String> users = List.of(params.require("users", "no_users_provided").split("\\s*,\\s*")).stream()
        .filter(u -> !u.isEmpty()).distinct().toList();
    if (users.isEmpty()) {
      throw new SlackError("no_users_provided");
    }
    if (!users.stream().allMatch(u -> directory.person(u).isPresent())) {
      throw new SlackError("invalid_users");
    }
    UserGroup updated = group.withMembers(users);
    directory.add(updated);
    state.announce(new Change(Change.Kind.DIRECTORY_CHANGED, "", "", updated.id()));
    JsonObject entry = json.group(updated);
    entry.add("users", ids(updated.userIds()));
    JsonObject answer = new JsonObject();
    answer.add("usergroup", entry);
    return answer;
  }

  private static JsonArray ids(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  private static JsonObject noMorePages() {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("next_cursor", "");
    return metadata;
  }
}
