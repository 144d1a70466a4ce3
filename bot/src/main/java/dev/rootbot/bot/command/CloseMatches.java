package dev.rootbot.bot.command;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Names close to a mistyped one: few edits apart, or one inside the other, ignoring case. */
final class CloseMatches {
  private static final int MAX_SHOWN = 3;

  private CloseMatches() {}

  static List<String> to(String typed, List<String> names) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int tolerance = Math.max(2, wanted.length() / 3);
    return names.stream()
        .filter(name -> isClose(wanted, name.toLowerCase(Locale.ROOT), tolerance))
        .distinct()
        .sorted(Comparator.comparingInt((String name) -> distance(wanted, name.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()))
        .limit(MAX_SHOWN)
        .toList();
  }

  private static boolean isClose(String wanted, String name, int tolerance) {
    boolean inside = wanted.length() >= 3 && (name.contains(wanted) || wanted.contains(name));
    return inside || distance(wanted, name) <= tolerance;
  }

  /** Levenshtein distance, two rows at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
