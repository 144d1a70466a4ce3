package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.Optional;

/**
 * Applies a message response from the bot (a {@code response_url} post, or the body of a slash command's
 * acknowledgement) as Slack does: {@code delete_original} deletes the message the interaction came from,
 * {@code replace_original} replaces it in place, otherwise a new message goes to the person alone
 * ({@code response_type} {@code ephemeral}, the default) or to the channel ({@code in_channel}).
 */
final class MessageResponses {

  /** The message an interaction came from, which {@code replace_original} and {@code delete_original} act on. */
  record Original(String ts, boolean ephemeral) {}

  /** Where a response goes: the interaction's channel and person, and its original message if any. */
  record Target(String channel, String user, Optional<Original> original) {}

  private final Directory directory;
  private final WorkspaceState state;
  private final ChatMethods chat;
  private final Ids ids;
  private final Clock clock;

  MessageResponses(Directory directory, WorkspaceState state, ChatMethods chat, Ids ids, Clock clock) {
    this.directory = directory;
    this.state = state;
    this.chat = chat;
    this.ids = ids;
    this.clock = clock;
  }

  /** Applies {@code response} and returns the message a later {@code replace_original} would act on. */
  Optional<Original> apply(Target target, JsonObject response, Via via) throws SlackError {
    Optional<Original> original = target.original();
    if (flag(response, "delete_original")) {
      original.ifPresent(o -> delete(target, o));
      return Optional.empty();
    }
    String text = Json.string(response, "text").orElse("");
    String blocks = response.has("blocks") && !response.get("blocks").isJsonNull()
        ? chat.blocks(Json.write(response.get("blocks")))
        : "[]";
    if (flag(response, "replace_original") && original.isPresent()) {
      replace(target, original.get(), text, blocks, via);
      return original;
    }
    if (text.isEmpty() && blocks.equals("[]") && !response.has("attachments")) {
      throw new SlackError("no_text");
    }
    Optional<String> threadTs = Json.string(response, "thread_ts");
    Person bot = directory.bot();
    if ("in_channel".equals(Json.string(response, "response_type").orElse("ephemeral"))) {
      Optional<String> root = chat.threadRoot(target.channel(), threadTs);
      Message message = Message.of(target.channel(), ids.nextTs(), bot, text, blocks, root, false, via);
      state.post(message);
      return Optional.of(new Original(message.ts(), false));
    }
    Ephemeral ephemeral = new Ephemeral(target.channel(), target.user(), ids.nextTs(), text, blocks, threadTs, via);
    state.post(ephemeral);
    return Optional.of(new Original(ephemeral.ts(), true));
  }

  private void replace(Target target, Original original, String text, String blocks, Via via) {
    if (original.ephemeral()) {
      state.updateEphemeral(target.user(), original.ts(), e -> e.replacedBy(text, blocks, via));
    } else {
      state.update(target.channel(), original.ts(), m -> m.replacedBy(text, blocks, clock.instant(), via));
    }
  }

  private void delete(Target target, Original original) {
    if (original.ephemeral()) {
      state.updateEphemeral(target.user(), original.ts(), e -> null);
    } else {
      state.update(target.channel(), original.ts(), Message::asDeleted);
    }
  }

  /** A boolean field, which bots send as {@code true} or as the string {@code "true"}. */
  private static boolean flag(JsonObject response, String name) {
    return Json.bool(response, name) || Json.string(response, name).filter("true"::equals).isPresent();
  }
}
