package dev.rootbot.bot.store;

import java.util.Objects;

/**
 * A message for Slack about one request, waiting in the outbox. Where it goes (channel, card, thread)
 * is looked up from the request when it is sent, so a reply queued before the card was posted still
 * finds the card's thread.
 *
 * @param body what the Slack side needs to send it, e.g. Block Kit JSON; the store does not read it
 */
public record Outgoing(Kind kind, String body) {
  public Outgoing {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(body, "body");
  }

  /** What to do with the message. */
  public enum Kind {
    /** Post the approval card where the request was asked. */
    POST_CARD,
    /** Update the card to show the request as it is now. */
    UPDATE_CARD,
    /** Reply in the card's thread. */
    THREAD_REPLY,
    /**
     * A second card of the request slipped out (its {@code body} is that message's ts): update it to point at
     * the real card, without buttons, if it really is one of this request's cards.
     */
    RETIRE_DUPLICATE,
    /**
     * Post in another channel than the request's, at its top level, such as a break-glass notice for the announce
     * channels: the {@code body} names the channel and holds the message.
     */
    ANNOUNCE,
    /**
     * The progress of a task over the organization (its {@code body} the message): posted in the thread the first
     * time, then that one message is updated in place.
     */
    PROGRESS,
    /** Share a file in the thread (its {@code body} a {@code FleetFile}), such as a fleet audit's CSV. */
    UPLOAD
  }
}
