package dev.rootbot.bot.command;

import dev.rootbot.bot.text.SlackText;
import dev.rootbot.actions.task.InvalidInput;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Slack and people's keyboards do to text before it reaches us, undone: odd spaces, invisible
 * characters, smart punctuation, escaped {@code & < >} and markup for links and mentions.
 */
final class SlackInput {
  private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
  private static final Pattern SPACES =
      Pattern.compile("[\\s\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+");
  private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212]");
  private static final Pattern LINK = Pattern.compile("<((?:https?|s3)://[^\\s<>|]+)(?:\\|([^<>]*))?>");
  private static final int QUOTED_MAX = 60;

  private SlackInput() {}

  /** One line with single ordinary spaces and nothing invisible, stripped. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String visible = INVISIBLE.matcher(text).replaceAll("");
    return SPACES.matcher(visible).replaceAll(" ").strip();
  }

  /**
   * The value of one word of a command. Slack turns what looks like a domain or URL into a link: an
   * autolinked bucket ({@code <http://logs.example.com|logs.example.com>}) or queue URL becomes what was
   * typed again. A link whose label hides another address, or a mention, is refused: neither names a resource.
   */
  static String value(String word) {
    String value = DASHES.matcher(word).replaceAll("-");
    if (value.startsWith("<")) {
      Matcher link = LINK.matcher(value);
      if (!link.matches()) {
        throw new InvalidInput("Slack mentions such as " + quote(SlackText.unescape(value)) + " are not part of a command");
      }
      String url = SlackText.unescape(link.group(1));
      String label = link.group(2) == null ? url : SlackText.unescape(link.group(2)).strip();
      if (!label.equals(url) && !label.equals(url.replaceFirst("^[a-z0-9]+://", "").replaceFirst("/$", ""))
          && !label.equals(url.replaceFirst("^[a-z0-9]+://", ""))) {
        throw new InvalidInput("the link " + quote(label) + " points somewhere else (" + quote(url)
            + "); type the name or URL itself");
      }
      return label;
    }
    return SlackText.unescape(value);
  }

  /** A value someone typed, quoted and shortened for an error message (escaped later, with the message). */
  static String quote(String value) {
    int cut = value.offsetByCodePoints(0, Math.min(QUOTED_MAX, value.codePointCount(0, value.length())));
    return "\"" + value.substring(0, cut) + (cut < value.length() ? "…" : "") + "\"";
  }
}
