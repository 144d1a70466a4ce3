package dev.rootbot.sandbox.slack.page;

import dev.rootbot.sandbox.slack.Person;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the Slack client sends for what a person typed. In a message: {@code & < >} escaped, {@code @name}
 * of someone in the workspace as {@code <@U…>}, {@code @here}, {@code @channel} and {@code @everyone} as
 * {@code <!here>} and so on, and a typed {@code http(s)} URL as a link {@code <https://…>}. In a slash
 * command's text, with {@code should_escape} off as in Rootbot's manifest: only {@code & < >} escaped.
 * So nothing typed can become markup that the person did not mean.
 */
final class Typing {
  private static final Pattern URL = Pattern.compile("(?<!\\S)https?://(?:(?!&[lg]t;)[^\\s|])+");
  private static final Pattern TRAILING = Pattern.compile("(?:[.,;:!?)\\]'\"]|&gt;|&lt;)+$");
  private static final List<String> BROADCASTS = List.of("here", "channel", "everyone");

  private Typing() {}

  static String escape(String typed) {
    return typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The text of a slash command as Slack sends it. */
  static String commandText(String typed) {
    return escape(typed.strip());
  }

  /** The text of a message as Slack sends it, mentions and links made from {@code people} and URLs. */
  static String message(String typed, List<Person> people) {
    Map<String, String> mentions = new LinkedHashMap<>();
    people.stream().filter(p -> !p.deleted())
        .forEach(p -> mentions.put(p.name().toLowerCase(Locale.ROOT), p.mention()));
    BROADCASTS.forEach(b -> mentions.put(b, "<!" + b + ">"));
    String names = mentions.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote).collect(Collectors.joining("|"));
    Pattern mention = Pattern.compile("(?<![\\w@./:])@(" + names + ")(?![\\w-])", Pattern.CASE_INSENSITIVE);
    Matcher matcher = mention.matcher(linkUrls(escape(typed)));
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out,
          Matcher.quoteReplacement(mentions.get(matcher.group(1).toLowerCase(Locale.ROOT))));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String linkUrls(String escaped) {
    Matcher matcher = URL.matcher(escaped);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String url = matcher.group();
      Matcher trailing = TRAILING.matcher(url);
      String rest = trailing.find() ? trailing.group() : "";
      String bare = url.substring(0, url.length() - rest.length());
      matcher.appendReplacement(out, Matcher.quoteReplacement("<" + bare + ">" + rest));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
