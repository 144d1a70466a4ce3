package dev.rootbot.bot.card;

import dev.rootbot.bot.text.SlackText;
import dev.rootbot.bot.request.UserId;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Slack's mrkdwn, written safely: every piece of text that did not come from Rootbot itself goes through
 * {@link #escape}, so that nobody can ping {@code @channel}, mention someone or plant a disguised link
 * through a bucket name, an account name or an AWS error message. People appear only as {@code <@U…>}
 * built from IDs.
 */
public final class Mrkdwn {
  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Mrkdwn() {}

  /** Escapes the three characters Slack treats as markup: {@code & < >}. */
  public static String escape(String text) {
    return SlackText.escape(text);
  }

  /** A mention of a person, from their ID only. */
  public static String user(UserId user) {
    return "<@" + user.value() + ">";
  }

  /** Inline code: escaped, with backticks replaced so the text cannot close the span. */
  public static String code(String text) {
    return "`" + escape(text).replace('`', '\'') + "`";
  }

  /** A code block; {@code ```} inside it cannot end it early. */
  public static String block(String text) {
    return "```" + escape(text).replace("```", "'''") + "```";
  }

  /** A link to a URL Rootbot built, with an escaped label. */
  public static String link(URI url, String label) {
    return "<" + url.toString().replace("|", "%7C").replace(">", "%3E") + "|" + escape(label).replace("|", "¦") + ">";
  }

  /** A time shown in each reader's own time zone, with a UTC fallback. */
  public static String date(Instant when) {
    return "<!date^" + when.getEpochSecond() + "^{date_short_pretty} at {time}|" + FALLBACK.format(when) + ">";
  }

  /** Cuts {@code text} to at most {@code max} characters, saying that it did. */
  public static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
  }
}
