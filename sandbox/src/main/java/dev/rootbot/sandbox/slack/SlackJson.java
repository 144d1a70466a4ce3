package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Writes the workspace's people, channels, messages and views as the Web API's JSON objects. */
final class SlackJson {
  private final Directory directory;
  private final WorkspaceState state;
  private final long created;
  private final Supplier<String> baseUrl;

  SlackJson(Directory directory, WorkspaceState state, Clock clock, Supplier<String> baseUrl) {
    this.directory = directory;
    this.state = state;
    this.created = clock.instant().getEpochSecond();
    this.baseUrl = baseUrl;
  }

  JsonObject user(Person person) {
    JsonObject user = new JsonObject();
    user.addProperty("id", person.id());
    user.addProperty("team_id", SlackWorkspace.TEAM_ID);
    user.addProperty("name", person.name());
    user.addProperty("deleted", person.deleted());
    user.addProperty("color", "9f69e7");
    user.addProperty("real_name", person.realName());
    user.addProperty("tz", "Europe/London");
    user.addProperty("tz_label", "Greenwich Mean Time");
    user.addProperty("tz_offset", 0);
    JsonObject profile = new JsonObject();
    profile.addProperty("title", person.title());
    profile.addProperty("real_name", person.realName());
    profile.addProperty("real_name_normalized", person.realName());
    profile.addProperty("display_name", person.isBot() ? "" : person.name());
    profile.addProperty("display_name_normalized", person.isBot() ? "" : person.name());
    profile.addProperty("status_text", "");
    profile.addProperty("status_emoji", "");
    profile.addProperty("avatar_hash", "g0" + person.id().toLowerCase().substring(1, 5));
    if (person.isBot()) {
      profile.addProperty("api_app_id", SlackWorkspace.APP_ID);
      profile.addProperty("always_active", false);
      profile.addProperty("bot_id", person.botId().orElseThrow());
    } else {
      profile.addProperty("email", person.name() + "@" + SlackWorkspace.TEAM_DOMAIN + ".example");
    }
    profile.addProperty("image_72", "https://a.slack-edge.com/80588/img/avatars/ava_0010-72.png");
    profile.addProperty("team", SlackWorkspace.TEAM_ID);
    user.add("profile", profile);
    user.addProperty("is_admin", false);
    user.addProperty("is_owner", false);
    user.addProperty("is_primary_owner", false);
    user.addProperty("is_restricted", person.isRestricted());
    user.addProperty("is_ultra_restricted", person.isUltraRestricted());
    user.addProperty("is_bot", person.isBot());
    user.addProperty("is_app_user", false);
    user.addProperty("updated", created);
    user.addProperty("is_email_confirmed", !person.isBot());
    user.addProperty("who_can_share_contact_card", "EVERYONE");
    return user;
  }

  JsonObject bot(Person bot) {
    JsonObject json = new JsonObject();
    json.addProperty("id", bot.botId().orElseThrow());
    json.addProperty("deleted", false);
    json.addProperty("name", bot.realName());
    json.addProperty("updated", created);
    json.addProperty("app_id", SlackWorkspace.APP_ID);
    json.addProperty("user_id", bot.id());
    JsonObject icons = new JsonObject();
    icons.addProperty("image_36", "https://a.slack-edge.com/80588/img/plugins/app/bot_36.png");
    icons.addProperty("image_48", "https://a.slack-edge.com/80588/img/plugins/app/bot_48.png");
    icons.addProperty("image_72", "https://a.slack-edge.com/80588/img/plugins/app/service_72.png");
    json.add("icons", icons);
    return json;
  }

  JsonObject channel(Channel channel) {
    JsonObject json = new JsonObject();
    json.addProperty("id", channel.id());
    json.addProperty("created", created);
    if (channel.isIm()) {
      json.addProperty("is_im", true);
      json.addProperty("is_org_shared", false);
      json.addProperty("user", channel.name());
      json.addProperty("is_user_deleted", directory.person(channel.name()).map(Person::deleted).orElse(false));
      json.addProperty("priority", 0);
      return json;
    }
    json.addProperty("name", channel.name());
    json.addProperty("is_channel", !channel.isPrivate());
    json.addProperty("is_group", channel.isPrivate());
    json.addProperty("is_im", false);
    json.addProperty("is_mpim", false);
    json.addProperty("is_private", channel.isPrivate());
    json.addProperty("is_archived", false);
    json.addProperty("is_general", false);
    json.addProperty("unlinked", 0);
    json.addProperty("name_normalized", channel.name());
    json.addProperty("is_shared", false);
    json.addProperty("is_org_shared", false);
    json.addProperty("is_pending_ext_shared", false);
    json.add("pending_shared", new JsonArray());
    json.addProperty("context_team_id", SlackWorkspace.TEAM_ID);
    json.addProperty("updated", created * 1000);
    json.add("parent_conversation", JsonNull.INSTANCE);
    json.addProperty("creator", directory.bot().id());
    json.addProperty("is_ext_shared", false);
    JsonArray teams = new JsonArray();
    teams.add(SlackWorkspace.TEAM_ID);
    json.add("shared_team_ids", teams);
    json.add("pending_connected_team_ids", new JsonArray());
    json.addProperty("is_member", true);
    json.add("topic", topic(""));
    json.add("purpose", topic(""));
    json.add("previous_names", new JsonArray());
    return json;
  }

  private JsonObject topic(String value) {
    JsonObject topic = new JsonObject();
    topic.addProperty("value", value);
    topic.addProperty("creator", "");
    topic.addProperty("last_set", 0);
    return topic;
  }

  JsonObject group(UserGroup group) {
    JsonObject json = new JsonObject();
    json.addProperty("id", group.id());
    json.addProperty("team_id", SlackWorkspace.TEAM_ID);
    json.addProperty("is_usergroup", true);
    json.addProperty("is_subteam", true);
    json.addProperty("name", group.name());
    json.addProperty("description", "");
    json.addProperty("handle", group.handle());
    json.addProperty("is_external", false);
    json.addProperty("date_create", created);
    json.addProperty("date_update", created);
    json.addProperty("date_delete", 0);
    json.addProperty("auto_type", (String) null);
    json.addProperty("created_by", directory.bot().id());
    json.addProperty("updated_by", directory.bot().id());
    json.addProperty("deleted_by", (String) null);
    json.addProperty("user_count", group.userIds().size());
    return json;
  }

  /** A message as Slack returns it in a payload: its metadata whole. */
  JsonObject message(Message message) {
    return message(message, true);
  }

  /**
   * A message as {@code conversations.history} returns it, with thread details when it started a thread,
   * its files, and its metadata: the event payload only when {@code allMetadata} (see {@link MessageMetadata#json}).
   */
  JsonObject message(Message message, boolean allMetadata) {
    JsonObject json = new JsonObject();
    json.addProperty("user", message.user());
    json.addProperty("type", "message");
    if (message.replyBroadcast()) {
      json.addProperty("subtype", "thread_broadcast");
    }
    json.addProperty("ts", message.ts());
    if (message.botId().isPresent()) {
      json.addProperty("bot_id", message.botId().get());
      json.addProperty("app_id", SlackWorkspace.APP_ID);
    }
    json.addProperty("text", message.text());
    json.addProperty("team", SlackWorkspace.TEAM_ID);
    if (message.botId().isPresent()) {
      directory.personByBotId(message.botId().get()).ifPresent(bot -> {
        JsonObject profile = bot(bot);
        profile.remove("user_id");
        profile.addProperty("team_id", SlackWorkspace.TEAM_ID);
        json.add("bot_profile", profile);
      });
    }
    JsonArray blocks = Json.parseArray(message.blocksJson()).orElseGet(JsonArray::new);
    if (!blocks.isEmpty()) {
      json.add("blocks", blocks);
    }
    if (!message.fileIds().isEmpty()) {
      JsonArray files = new JsonArray();
      message.fileIds().forEach(id -> state.file(id).ifPresent(f -> files.add(file(f, Optional.of(message)))));
      json.add("files", files);
      json.addProperty("upload", true);
      json.addProperty("display_as_bot", false);
    }
    message.metadata().ifPresent(m -> json.add("metadata", MessageMetadata.json(m, allMetadata)));
    if (message.edited()) {
      JsonObject edited = new JsonObject();
      edited.addProperty("user", message.user());
      edited.addProperty("ts", Ids.ts(message.revisions().get(message.revisions().size() - 1).replacedAt()));
      json.add("edited", edited);
    }
    if (message.isReply()) {
      String threadTs = message.threadTs().orElseThrow();
      json.addProperty("thread_ts", threadTs);
      state.message(message.channel(), threadTs).ifPresent(parent -> json.addProperty("parent_user_id", parent.user()));
    } else {
      List<Message> replies = state.replies(message.channel(), message.ts());
      if (!replies.isEmpty()) {
        Set<String> replyUsers = new LinkedHashSet<>();
        replies.forEach(r -> replyUsers.add(r.user()));
        json.addProperty("thread_ts", message.ts());
        json.addProperty("reply_count", replies.size());
        json.addProperty("reply_users_count", replyUsers.size());
        json.addProperty("latest_reply", replies.get(replies.size() - 1).ts());
        JsonArray users = new JsonArray();
        replyUsers.forEach(users::add);
        json.add("reply_users", users);
        json.addProperty("is_locked", false);
        json.addProperty("subscribed", false);
      }
    }
    return json;
  }

  /**
   * A file object, as {@code files.completeUploadExternal} and messages carry it, with the share in
   * {@code sharedIn} when there is one. Its private URLs are served by the workspace to the bot token.
   */
  JsonObject file(SharedFile file, Optional<Message> sharedIn) {
    FileType type = FileType.of(file.name());
    long created = file.created().getEpochSecond();
    String filePath = baseUrl.get() + "/files-pri/" + SlackWorkspace.TEAM_ID + "-" + file.id() + "/";
    String name = Payloads.encode(file.name()).replace("+", "%20");
    JsonObject json = new JsonObject();
    json.addProperty("id", file.id());
    json.addProperty("created", created);
    json.addProperty("timestamp", created);
    json.addProperty("name", file.name());
    json.addProperty("title", file.title());
    json.addProperty("mimetype", type.mimetype());
    json.addProperty("filetype", type.filetype());
    json.addProperty("pretty_type", type.prettyType());
    json.addProperty("user", file.user());
    json.addProperty("user_team", SlackWorkspace.TEAM_ID);
    json.addProperty("editable", false);
    json.addProperty("size", file.size());
    json.addProperty("mode", "hosted");
    json.addProperty("is_external", false);
    json.addProperty("external_type", "");
    json.addProperty("is_public", sharedIn.flatMap(m -> directory.channel(m.channel())).map(c -> !c.isPrivate()
        && !c.isIm()).orElse(false));
    json.addProperty("public_url_shared", false);
    json.addProperty("display_as_bot", false);
    json.addProperty("username", "");
    json.addProperty("url_private", filePath + name);
    json.addProperty("url_private_download", filePath + "download/" + name);
    json.addProperty("permalink", "https://" + SlackWorkspace.TEAM_DOMAIN + ".slack.com/files/" + file.user() + "/"
        + file.id() + "/" + name);
    json.addProperty("permalink_public", "https://slack-files.com/" + SlackWorkspace.TEAM_ID + "-" + file.id());
    json.addProperty("has_rich_preview", false);
    json.addProperty("file_access", "visible");
    sharedIn.ifPresent(message -> addShare(json, message));
    return json;
  }

  private void addShare(JsonObject json, Message message) {
    Channel channel = directory.channel(message.channel()).orElse(Channel.publicChannel(message.channel(), ""));
    JsonObject share = new JsonObject();
    share.add("reply_users", new JsonArray());
    share.addProperty("reply_users_count", 0);
    share.addProperty("reply_count", 0);
    share.addProperty("ts", message.ts());
    message.threadTs().filter(t -> message.isReply()).ifPresent(t -> share.addProperty("thread_ts", t));
    share.addProperty("channel_name", channel.name());
    share.addProperty("team_id", SlackWorkspace.TEAM_ID);
    share.addProperty("share_user_id", message.user());
    share.addProperty("source", "UNKNOWN");
    JsonArray inChannel = new JsonArray();
    inChannel.add(share);
    JsonObject byChannel = new JsonObject();
    byChannel.add(channel.id(), inChannel);
    JsonObject shares = new JsonObject();
    shares.add(channel.isPrivate() || channel.isIm() ? "private" : "public", byChannel);
    json.add("shares", shares);
    JsonArray ids = new JsonArray();
    ids.add(channel.id());
    json.add("channels", channel.isIm() || channel.isPrivate() ? new JsonArray() : ids);
    json.add("groups", channel.isPrivate() && !channel.isIm() ? ids : new JsonArray());
    json.add("ims", channel.isIm() ? ids : new JsonArray());
  }

  /** The full view object Slack returns for a modal the bot opened, pushed or updated. */
  JsonObject view(String id, JsonObject input, JsonArray blocks, String hash, String rootViewId, String previousViewId) {
    JsonObject view = new JsonObject();
    view.addProperty("id", id);
    view.addProperty("team_id", SlackWorkspace.TEAM_ID);
    view.addProperty("type", Json.string(input, "type").orElse("modal"));
    view.add("blocks", blocks);
    view.addProperty("private_metadata", Json.string(input, "private_metadata").orElse(""));
    view.addProperty("callback_id", Json.string(input, "callback_id").orElse(""));
    JsonObject state = new JsonObject();
    state.add("values", new JsonObject());
    view.add("state", state);
    view.addProperty("hash", hash);
    view.add("title", input.get("title"));
    view.addProperty("clear_on_close", Json.bool(input, "clear_on_close"));
    view.addProperty("notify_on_close", Json.bool(input, "notify_on_close"));
    view.add("close", input.has("close") ? input.get("close") : JsonNull.INSTANCE);
    view.add("submit", input.has("submit") ? input.get("submit") : JsonNull.INSTANCE);
    view.addProperty("previous_view_id", previousViewId);
    view.addProperty("root_view_id", rootViewId);
    view.addProperty("app_id", SlackWorkspace.APP_ID);
    view.addProperty("external_id", Json.string(input, "external_id").orElse(""));
    view.addProperty("app_installed_team_id", SlackWorkspace.TEAM_ID);
    view.addProperty("bot_id", directory.bot().botId().orElseThrow());
    return view;
  }

  JsonObject ephemeral(Ephemeral ephemeral) {
    JsonObject json = new JsonObject();
    json.addProperty("type", "message");
    json.addProperty("subtype", "bot_message");
    json.addProperty("channel", ephemeral.channel());
    json.addProperty("user", ephemeral.user());
    json.addProperty("ts", ephemeral.ts());
    json.addProperty("text", ephemeral.text());
    json.add("blocks", Json.parseArray(ephemeral.blocksJson()).orElseGet(JsonArray::new));
    ephemeral.threadTs().ifPresent(t -> json.addProperty("thread_ts", t));
    json.addProperty("via", ephemeral.via().name());
    return json;
  }
}
