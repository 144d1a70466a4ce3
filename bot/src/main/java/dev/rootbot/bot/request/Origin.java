package dev.rootbot.bot.request;

import java.util.Objects;
import java.util.Optional;

/** Where a request was asked: a channel, and the thread when it was asked in one (the card goes there too). */
public record Origin(ChannelId channel, Optional<MessageTs> thread) {
  public Origin {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(thread, "thread");
  }

  /** Asked at the top level of {@code channel}. */
  public static Origin channel(ChannelId channel) {
    return new Origin(channel, Optional.empty());
  }

  /** Asked in the thread that starts at {@code thread}. */
  public static Origin thread(ChannelId channel, MessageTs thread) {
    return new Origin(channel, Optional.of(thread));
  }
}
