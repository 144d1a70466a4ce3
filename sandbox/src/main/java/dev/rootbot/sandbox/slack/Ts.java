package dev.rootbot.sandbox.slack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * Message timestamps as Slack writes them ({@code 1764331200.000100}) and the order they sort in. The
 * workspace issues them with six decimals, so two compare by the length of their whole seconds and then
 * as text, which is cheap enough for indexes; a bound a client sends ({@code 0}, {@code 1764331200},
 * {@code 1764331200.5}) is first written the same way.
 */
final class Ts {
  /** Orders timestamps in the workspace's own format, oldest first. */
  static final Comparator<String> ORDER = (a, b) -> {
    int seconds = Integer.compare(a.indexOf('.'), b.indexOf('.'));
    return seconds != 0 ? seconds : a.compareTo(b);
  };

  private Ts() {}

  /** {@code bound} in the workspace's format, or {@code error} when it is not a non-negative number. */
  static String canonical(String bound, String error) throws SlackError {
    try {
      BigDecimal value = new BigDecimal(bound.trim());
      if (value.signum() < 0) {
        throw new SlackError(error);
      }
      return value.setScale(6, RoundingMode.DOWN).toPlainString();
    } catch (NumberFormatException e) {
      throw new SlackError(error);
    }
  }
}
