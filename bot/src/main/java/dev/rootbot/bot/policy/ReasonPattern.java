package dev.rootbot.bot.policy;

import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.text.SlackText;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rule's {@code reason}: a Java regular expression that must be found in the reason's text, as the person
 * typed it (so {@code ^} anchors at its start and nothing anchors its end unless the pattern says {@code $}).
 * Case counts. Compared by its source, since {@link Pattern} has no equality of its own.
 */
public record ReasonPattern(Pattern pattern) {
  public ReasonPattern {
    Objects.requireNonNull(pattern, "pattern");
  }

  /** @throws java.util.regex.PatternSyntaxException when {@code source} is not a regular expression */
  public static ReasonPattern compile(String source) {
    return new ReasonPattern(Pattern.compile(source));
  }

  public boolean matches(Reason reason) {
    return pattern.matcher(SlackText.unescape(reason.text())).find();
  }

  public String source() {
    return pattern.pattern();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReasonPattern that && that.source().equals(source());
  }

  @Override
  public int hashCode() {
    return source().hashCode();
  }

  @Override
  public String toString() {
    return source();
  }
}
