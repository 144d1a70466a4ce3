package dev.rootbot.bot.text;

/**
 * Slack's escaping of its three markup characters, in one place: {@code & < >} become {@code &amp; &lt; &gt;}.
 * Everything Rootbot posts that did not come from Rootbot itself goes through {@link #escape}; text that
 * arrives from Slack goes through {@link #unescape} before it is read as plain text.
 */
public final class SlackText {
  private SlackText() {}

  /** Plain text made safe to post as Slack text: it can then neither mention, nor link, nor broadcast. */
  public static String escape(String plain) {
    return plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Slack text back to the plain text it shows. */
  public static String unescape(String slack) {
    return slack.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
