package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The methods that read the workspace: who the bot is ({@code auth.test}, {@code bots.info}), people and
 * user groups, and channels with their history and threads.
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
    api.register("conversations.info", WebApi.TokenKind.BOT, this::conversationsInfo);
    api.register("conversations.history", WebApi.TokenKind.BOT, this::conversationsHistory);
    api.register("conversations.replies", WebApi.TokenKind.BOT, this::conversationsReplies);
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

  private JsonObject conversationsInfo(Params params) throws SlackError {
    JsonObject answer = new JsonObject();
    answer.add("channel", json.channel(channel(params)));
    return answer;
  }

  /** The channel's own messages (not replies, except those also sent to the channel), newest first. */
  private JsonObject conversationsHistory(Params params) throws SlackError {
    Channel channel = channel(params);
    int limit = limit(params);
    boolean inclusive = params.flag("inclusive");
    Optional<String> oldest = params.get("oldest");
    Optional<String> latest = params.get("latest");
    List<Message> inChannel = state.messages(channel.id()).stream()
        .filter(m -> !m.isReply() || m.replyBroadcast())
        .filter(m -> oldest.map(o -> after(m.ts(), o, inclusive)).orElse(true))
        .filter(m -> latest.map(l -> after(l, m.ts(), inclusive)).orElse(true))
        .sorted(Comparator.comparing(Message::ts, DirectoryMethods::compareTs).reversed())
        .toList();
    JsonArray messages = new JsonArray();
    inChannel.stream().limit(limit).forEach(m -> messages.add(json.message(m)));
    JsonObject answer = new JsonObject();
    answer.add("messages", messages);
    answer.addProperty("has_more", inChannel.size() > limit);
    answer.addProperty("pin_count", 0);
    answer.add("response_metadata", noMorePages());
    return answer;
  }

  private JsonObject conversationsReplies(Params params) throws SlackError {
    Channel channel = channel(params);
    String ts = params.require("ts", "thread_not_found");
    Message asked = state.message(channel.id(), ts).orElseThrow(() -> new SlackError("thread_not_found"));
    List<Message> thread = asked.isReply() ? List.of(asked) : state.thread(channel.id(), ts);
    JsonArray messages = new JsonArray();
    thread.forEach(m -> messages.add(json.message(m)));
    JsonObject answer = new JsonObject();
    answer.add("messages", messages);
    answer.addProperty("has_more", false);
    answer.add("response_metadata", noMorePages());
    return answer;
  }

  private Channel channel(Params params) throws SlackError {
    return directory.channel(params.require("channel", "channel_not_found"))
        .orElseThrow(() -> new SlackError("channel_not_found"));
  }

  private static int limit(Params params) throws SlackError {
    try {
      return params.get("limit").map(Integer::parseInt).filter(l -> l > 0).orElse(100);
    } catch (NumberFormatException e) {
      throw new SlackError("invalid_limit");
    }
  }

  private static boolean after(String ts, String bound, boolean inclusive) {
    int order = compareTs(ts, bound);
    return inclusive ? order >= 0 : order > 0;
  }

  static int compareTs(String a, String b) {
    return new BigDecimal(a).compareTo(new BigDecimal(b));
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
