package dev.rootbot.bot.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.methods.MethodsClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells one person something only they see: through the interaction's {@code response_url} when there is
 * one, else with {@code chat.postEphemeral}. Best effort: an ephemeral message is not part of the record.
 */
@FunctionalInterface
interface Answer {
  Logger LOG = LoggerFactory.getLogger(Answer.class);

  void tell(String mrkdwn);

  static Answer viaCommand(SlashCommandContext ctx) {
    return text -> {
      try {
        ctx.respond(SlashCommandResponse.builder().responseType("ephemeral").text(text).build());
      } catch (Exception e) {
        LOG.warn("Could not answer a slash command: {}", e.getMessage());
      }
    };
  }

  static Answer viaAction(ActionContext ctx) {
    return text -> {
      try {
        ctx.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false).text(text).build());
      } catch (Exception e) {
        LOG.warn("Could not answer a click: {}", e.getMessage());
      }
    };
  }

  static Answer ephemeral(MethodsClient slack, String channel, String user, Optional<String> thread) {
    return text -> {
      try {
        var response = slack.chatPostEphemeral(r -> r.channel(channel).user(user).threadTs(thread.orElse(null)).text(text));
        if (!response.isOk()) {
          LOG.warn("Slack refused an ephemeral message: {}", response.getError());
        }
      } catch (Exception e) {
        LOG.warn("Could not send an ephemeral message: {}", e.getMessage());
      }
    };
  }
}
