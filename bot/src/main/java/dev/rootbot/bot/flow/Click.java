package dev.rootbot.bot.flow;

import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.Objects;

/**
 * A click on one of a card's buttons, from Slack's signed payload: who clicked, the request ID the button
 * carries, and the message and channel the button was on, which must be that request's own card.
 */
public record Click(RequestId request, UserId clicker, ChannelId channel, MessageTs message) {
  public Click {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(clicker, "clicker");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
  }
}
