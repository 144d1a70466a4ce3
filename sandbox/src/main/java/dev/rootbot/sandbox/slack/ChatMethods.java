package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The {@code chat.*} methods: messages posted, updated and deleted as the bot, and ephemeral messages. */
final class ChatMethods {
  private static final int MAX_TEXT = 40_000;

  private final Directory directory;
  private final WorkspaceState state;
  private final Ids ids;
  private final SlackJson json;
  private final Clock clock;

  /** What a message says: its text and its blocks (checked, IDs filled in). */
  record Content(String text, String blocksJson) {}

  ChatMethods(Directory directory, WorkspaceState state, Ids ids, SlackJson json, Clock clock) {
    this.directory = directory;
    this.state = state;
    this.ids = ids;
    this.json = json;
    this.clock = clock;
  }

  void registerOn(WebApi api) {
    api.register("chat.postMessage", WebApi.TokenKind.BOT, this::postMessage);
    api.register("chat.update", WebApi.TokenKind.BOT, this::update);
    api.register("chat.postEphemeral", WebApi.TokenKind.BOT, this::postEphemeral);
    api.register("chat.delete", WebApi.TokenKind.BOT, this::delete);
    api.register("chat.getPermalink", WebApi.TokenKind.BOT, this::getPermalink);
  }

  JsonObject postMessage(Params params) throws SlackError {
    Channel channel = conversation(params);
    Content content = content(params).orElseThrow(() -> new SlackError("no_text"));
    MessageMetadata metadata = MessageMetadata.of(params);
    Optional<String> threadTs = threadRoot(channel.id(), params.get("thread_ts"));
    Message message = Message.of(channel.id(), ids.nextTs(), directory.bot(), content.text(), content.blocksJson(),
        threadTs, threadTs.isPresent() && params.flag("reply_broadcast"), Via.WEB_API).withMetadata(metadata.kept());
    state.post(message);
    JsonObject answer = new JsonObject();
    answer.addProperty("channel", channel.id());
    answer.addProperty("ts", message.ts());
    answer.add("message", json.message(message, false));
    metadata.warnOn(answer);
    return answer;
  }

  JsonObject update(Params params) throws SlackError {
    Channel channel = channel(params);
    Message current = botMessage(channel.id(), params.require("ts", "message_not_found"), "cant_update_message");
    Optional<String> text = text(params);
    Optional<String> blocks = params.get("blocks");
    if (text.isEmpty() && blocks.isEmpty() && params.get("attachments").isEmpty()) {
      throw new SlackError("no_text");
    }
    MessageMetadata metadata = MessageMetadata.of(params);
    // Slack keeps what chat.update leaves out: blocks when only text is given, text when only blocks are, and
    // the metadata when none is given.
    String newBlocks = blocks.isPresent() ? blocks(blocks.get()) : current.blocksJson();
    String newText = text.orElse(current.text());
    Optional<Message.Metadata> newMetadata = metadata.kept().or(current::metadata);
    state.update(channel.id(), current.ts(),
        m -> m.replacedBy(newText, newBlocks, newMetadata, clock.instant(), Via.WEB_API));
    Message updated = state.message(channel.id(), current.ts()).orElseThrow(() -> new SlackError("message_not_found"));
    JsonObject answer = new JsonObject();
    answer.addProperty("channel", channel.id());
    answer.addProperty("ts", updated.ts());
    answer.addProperty("text", updated.text());
    answer.add("message", json.message(updated, false));
    metadata.warnOn(answer);
    return answer;
  }

  JsonObject postEphemeral(Params params) throws SlackError {
    Channel channel = conversation(params);
    Person user = directory.person(params.require("user", "user_not_found")).orElseThrow(
        () -> new SlackError("user_not_found"));
    Content content = content(params).orElseThrow(() -> new SlackError("no_text"));
    Ephemeral ephemeral = new Ephemeral(channel.id(), user.id(), ids.nextTs(), content.text(), content.blocksJson(),
        params.get("thread_ts"), Via.WEB_API);
    state.post(ephemeral);
    JsonObject answer = new JsonObject();
    answer.addProperty("message_ts", ephemeral.ts());
    return answer;
  }

  JsonObject delete(Params params) throws SlackError {
    Channel channel = channel(params);
    Message current = botMessage(channel.id(), params.require("ts", "message_not_found"), "cant_delete_message");
    state.update(channel.id(), current.ts(), Message::asDeleted);
    JsonObject answer = new JsonObject();
    answer.addProperty("channel", channel.id());
    answer.addProperty("ts", current.ts());
    return answer;
  }

  JsonObject getPermalink(Params params) throws SlackError {
    Channel channel = channel(params);
    Message message = state.message(channel.id(), params.require("message_ts", "message_not_found"))
        .orElseThrow(() -> new SlackError("message_not_found"));
    JsonObject answer = new JsonObject();
    answer.addProperty("channel", channel.id());
    answer.addProperty("permalink", permalink(message));
    return answer;
  }

  static String permalink(Message message) {
    String link = "https://" + SlackWorkspace.TEAM_DOMAIN + ".slack.com/archives/" + message.channel() + "/p"
        + message.ts().replace(".", "");
    return message.isReply()
        ? link + "?thread_ts=" + message.threadTs().orElseThrow() + "&cid=" + message.channel()
        : link;
  }

  /** The text and blocks of a message to post; empty when it has neither (nor attachments). */
  Optional<Content> content(Params params) throws SlackError {
    Optional<String> text = text(params);
    Optional<String> blocks = params.get("blocks");
    if (text.isEmpty() && blocks.isEmpty() && params.get("attachments").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Content(text.orElse(""), blocks.isPresent() ? blocks(blocks.get()) : "[]"));
  }

  private Optional<String> text(Params params) throws SlackError {
    Optional<String> text = params.get("text").or(() -> params.get("markdown_text"));
    if (text.isPresent() && text.get().length() > MAX_TEXT) {
      throw new SlackError("msg_too_long");
    }
    return text;
  }

  String blocks(String blocksParam) throws SlackError {
    return Json.write(BlockKit.normalize(blocksParam, BlockKit.MAX_MESSAGE_BLOCKS, ids));
  }

  /**
   * The thread a reply goes to. A reply to a reply joins the same thread; an unknown {@code thread_ts}
   * is no error to Slack, which then posts the message in the channel itself.
   */
  Optional<String> threadRoot(String channel, Optional<String> threadTs) {
    return threadTs.flatMap(ts -> state.message(channel, ts)).map(m -> m.threadTs().orElse(m.ts()));
  }

  private Channel channel(Params params) throws SlackError {
    return directory.channel(params.require("channel", "channel_not_found"))
        .orElseThrow(() -> new SlackError("channel_not_found"));
  }

  private Channel conversation(Params params) throws SlackError {
    return directory.conversation(params.require("channel", "channel_not_found"))
        .orElseThrow(() -> new SlackError("channel_not_found"));
  }

  private Message botMessage(String channel, String ts, String notTheBots) throws SlackError {
    Message message = state.message(channel, ts).orElseThrow(() -> new SlackError("message_not_found"));
    if (!message.botId().equals(directory.bot().botId())) {
      throw new SlackError(notTheBots);
    }
    return message;
  }
}
