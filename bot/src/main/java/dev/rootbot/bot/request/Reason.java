package dev.rootbot.bot.request;

import dev.rootbot.bot.text.SlackText;
import dev.rootbot.actions.task.InvalidInput;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a person needs root, as Slack text that is safe to post on a card as it is: 4 to 500 characters.
 *
 * <p>"Safe" means the only markup left is what cannot surprise anyone reading the card: user mentions
 * ({@code <@U…>}), channel links ({@code <#C…>}) and links that show their real address ({@code <https://…>}).
 * Every other {@code &}, {@code <} and {@code >} is escaped, so a reason can never notify a channel or
 * hide a link behind friendly words.
 */
public record Reason(String text) {
  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 500;

  private static final Pattern SAFE = Pattern.compile(
      "(?:[^<>&]|&amp;|&lt;|&gt;|<@[UW][A-Z0-9]+>|<#[CG][A-Z0-9]+>|<(?:https?|mailto):[^\\s<>|]+>)*+");
  private static final Pattern MARKUP = Pattern.compile("<([^<>]*)>");
  private static final Pattern USER = Pattern.compile("@([UW][A-Z0-9]+)(?:\\|.*)?");
  private static final Pattern CHANNEL = Pattern.compile("#([CG][A-Z0-9]+)(?:\\|.*)?");
  private static final Pattern LINK = Pattern.compile("((?:https?|mailto):[^\\s<>|]+)(?:\\|.*)?");
  private static final Pattern SPECIAL = Pattern.compile("!([^|]*)(?:\\|(.*))?");

  public Reason {
    if (text == null || !SAFE.matcher(text).matches() || !text.equals(text.strip())) {
      throw new IllegalArgumentException("not safe Slack text; build a Reason with fromSlack or fromPlainText");
    }
    int length = visibleLength(text);
    if (length < MIN_LENGTH) {
      throw new InvalidInput("the reason is too short: say in a few words why you need root");
    }
    if (length > MAX_LENGTH) {
      throw new InvalidInput("the reason has " + length + " characters; keep it to " + MAX_LENGTH);
    }
  }

  /**
   * Reads a reason from a slash command or a mention, where Slack has already turned mentions and links
   * into markup and escaped {@code & < >}. Broadcasts ({@code <!here>}) become plain words, labelled links
   * show their address, anything else odd is escaped.
   */
  public static Reason fromSlack(String slackText) {
    String text = collapse(slackText);
    var out = new StringBuilder();
    Matcher markup = MARKUP.matcher(text);
    int last = 0;
    while (markup.find()) {
      out.append(SlackText.escape(SlackText.unescape(text.substring(last, markup.start()))));
      out.append(rewrite(markup.group(1)));
      last = markup.end();
    }
    out.append(SlackText.escape(SlackText.unescape(text.substring(last))));
    return new Reason(out.toString().strip());
  }

  /** Reads a reason typed in a form's plain-text field, where nothing is markup. */
  public static Reason fromPlainText(String plain) {
    return new Reason(SlackText.escape(collapse(plain)));
  }

  @Override
  public String toString() {
    return text;
  }

  private static String rewrite(String inner) {
    Matcher m;
    if ((m = USER.matcher(inner)).matches()) {
      return "<@" + m.group(1) + ">";
    }
    if ((m = CHANNEL.matcher(inner)).matches()) {
      return "<#" + m.group(1) + ">";
    }
    if ((m = LINK.matcher(inner)).matches()) {
      return "<" + m.group(1) + ">";
    }
    if ((m = SPECIAL.matcher(inner)).matches()) {
      // A broadcast in a reason would notify everyone each time the card is posted or updated.
      String shown = m.group(2) != null ? m.group(2) : "@" + m.group(1).replaceFirst("^subteam\\^", "");
      return SlackText.escape(SlackText.unescape(shown));
    }
    return SlackText.escape("<" + SlackText.unescape(inner) + ">");
  }

  private static String collapse(String text) {
    return text == null ? "" : text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
  }



  private static int visibleLength(String text) {
    String visible = SlackText.unescape(text);
    return visible.codePointCount(0, visible.length());
  }
}
