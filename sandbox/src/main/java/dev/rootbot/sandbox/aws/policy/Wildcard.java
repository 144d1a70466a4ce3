package dev.rootbot.sandbox.aws.policy;

/** Matches IAM-style patterns, where {@code *} is any run of characters and {@code ?} is one character. */
public final class Wildcard {
  private Wildcard() {}

  public static boolean matches(String pattern, String value) {
    return matches(pattern, value, false);
  }

  public static boolean matchesIgnoringCase(String pattern, String value) {
    return matches(pattern, value, true);
  }

  private static boolean matches(String pattern, String value, boolean ignoreCase) {
    // Iterative glob with backtracking to the last star: linear in practice, no regex compilation.
    int p = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < value.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
  }
}
