package dev.rootbot.sandbox.slack;

import java.util.Map;
import java.util.Optional;

/**
 * A person at the keyboard: each method does what they would do in Slack, sends the bot what Slack
 * sends it, returns the bot's answer, and applies that answer as Slack would (a slash command's
 * acknowledgement text becomes a message only the person sees; a form's {@code response_action: errors}
 * shows on the form). Throws {@link IllegalArgumentException} for what the Slack client would not let
 * the person do, such as clicking a button that is not on the message.
 */
public interface Actor {
  Person person();

  /** The same person, sending requests signed in the given (usually forged) way. */
  Actor signing(Signing signing);

  /** Types {@code /command text} in a channel. */
  BotResponse slashCommand(String command, String text, String channel);

  /** Posts a message in the channel that mentions the bot, and Slack sends the bot an {@code app_mention} event. */
  BotResponse mention(String channel, String text);

  /** Replies in the thread of {@code threadTs} with a message that mentions the bot. */
  BotResponse mention(String channel, String text, String threadTs);

  /**
   * Posts a message that does not mention the bot. Slack sends the bot nothing, since Rootbot subscribes
   * only to {@code app_mention}; text that mentions the bot is refused here, as {@link #mention} sends it.
   */
  Message say(String channel, String text);

  /** Replies in the thread of {@code threadTs} with a message that does not mention the bot. */
  Message say(String channel, String text, String threadTs);

  /** Clicks a button (or picks from a menu) in a message, the bot's own or one only this person sees. */
  BotResponse click(String channel, String messageTs, String actionId);

  /**
   * Clicks with a chosen value: for a menu, the value of the option picked; for a button, a value other
   * than its own, which the Slack client would never send.
   */
  BotResponse click(String channel, String messageTs, String actionId, String value);

  /**
   * A click Slack never sends, correctly signed: the element {@code actionId} carrying {@code value} (another
   * request's, say), claimed to be on message {@code messageTs} in {@code channel}, though that message may not
   * have that element, or may not exist at all (then the payload carries no {@code message}, as for an
   * ephemeral one). For testing that a click must match its request's channel and card.
   */
  BotResponse forgedClick(String channel, String messageTs, String actionId, String value);

  /** Clicks a button inside a modal this person has open. */
  BotResponse clickInView(String viewId, String actionId);

  /** Fills in and submits the modal in front of this person; {@code values} by action ID. */
  BotResponse submit(String viewId, Map<String, String> values);

  /**
   * Closes the modal in front with its Close button; the one under it, if any, is in front again. Slack
   * tells the bot ({@code view_closed}) only when the view asked with {@code notify_on_close}.
   */
  Optional<BotResponse> close(String viewId);

  /** Types into an external select in a modal; the bot answers with the options to show. */
  BotResponse suggest(String viewId, String actionId, String typed);

  /** Adds an emoji reaction to a message; Slack sends a {@code reaction_added} event. */
  BotResponse react(String channel, String messageTs, String emoji);
}
