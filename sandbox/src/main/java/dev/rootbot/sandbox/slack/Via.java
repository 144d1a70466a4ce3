package dev.rootbot.sandbox.slack;

/** How a message came to be in the workspace. */
public enum Via {
  /** Typed by a person in the Slack client. */
  PERSON,
  /** Posted or changed by the bot through the Web API ({@code chat.postMessage}, {@code chat.update}, …). */
  WEB_API,
  /** Posted or changed by the bot through a {@code response_url}. */
  RESPONSE_URL,
  /** The body of the bot's acknowledgement of a slash command. */
  ACK,
  /** Slack's own notice, such as a slash command that failed because the bot did not answer in time. */
  SLACK
}
