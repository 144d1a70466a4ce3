package dev.rootbot.actions.org.scp;

import java.util.BitSet;

/**
 * IAM's wildcards, {@code *} (any run of characters) and {@code ?} (one character), matched against a whole
 * value or against every value that starts with a known prefix.
 */
final class Glob {
  private Glob() {}

  static boolean matches(String pattern, String value, boolean ignoreCase) {
    // Most patterns are "*" or a plain name: answer those without the automaton.
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      return ignoreCase ? pattern.equalsIgnoreCase(value) : pattern.equals(value);
    }
    BitSet states = after(pattern, value, ignoreCase);
    return states.get(pattern.length());
  }

  /**
   * Whether {@code pattern} matches every value that starts with {@code prefix} (TRUE), none of them (FALSE),
   * or some but not all (UNKNOWN). With {@code restHasNoColon}, only values whose rest after the prefix holds no
   * colon count, as for a name at the end of an ARN. Case-sensitive, as resource ARNs are.
   */
  static Tri matchesEveryCompletion(String pattern, String prefix, boolean restHasNoColon) {
    BitSet states = after(pattern, prefix, false);
    if (restHasNoColon) {
      // A state whose rest of pattern needs a literal colon can match no colon-free rest.
      for (int p = states.nextSetBit(0); p >= 0; p = states.nextSetBit(p + 1)) {
        if (pattern.indexOf(':', p) >= 0) {
          states.clear(p);
        }
      }
    }
    if (states.isEmpty()) {
      return Tri.FALSE;
    }
    // Some state left with only stars matches every rest; without one, the empty rest already fails
    // every state but "consumed", and a non-empty rest fails that one.
    for (int p = states.nextSetBit(0); p >= 0; p = states.nextSetBit(p + 1)) {
      if (p < pattern.length() && onlyStars(pattern, p)) {
        return Tri.TRUE;
      }
    }
    return Tri.UNKNOWN;
  }

  /**
   * ArnLike and ArnEquals, and Resource patterns: AWS documents each of the six colon-separated parts as matched
   * on its own, and also a trailing {@code *} of a part as running past the colon. TRUE when the part-by-part
   * reading matches (so the wider one does too), FALSE when even the wider reading fails, UNKNOWN between.
   */
  static Tri arnLike(String pattern, String arn) {
    if (!matches(pattern, arn, false)) {
      return Tri.FALSE;
    }
    String[] want = pattern.split(":", 6);
    String[] have = arn.split(":", 6);
    if (want.length != have.length) {
      return Tri.UNKNOWN;
    }
    for (int i = 0; i < want.length; i++) {
      if (!matches(want[i], have[i], false)) {
        return Tri.UNKNOWN;
      }
    }
    return Tri.TRUE;
  }

  /** The pattern positions reachable after reading {@code text}: a small NFA, linear in both lengths. */
  private static BitSet after(String pattern, String text, boolean ignoreCase) {
    BitSet states = closure(pattern, single(0));
    for (int i = 0; i < text.length() && !states.isEmpty(); i++) {
      char c = text.charAt(i);
      BitSet next = new BitSet(pattern.length() + 1);
      for (int p = states.nextSetBit(0); p >= 0 && p < pattern.length(); p = states.nextSetBit(p + 1)) {
        char want = pattern.charAt(p);
        if (want == '*') {
          next.set(p);
        } else if (want == '?' || same(want, c, ignoreCase)) {
          next.set(p + 1);
        }
      }
      states = closure(pattern, next);
    }
    return states;
  }

  private static BitSet single(int position) {
    BitSet set = new BitSet();
    set.set(position);
    return set;
  }

  /** A star may also match nothing, so every state before a star reaches the state after it. */
  private static BitSet closure(String pattern, BitSet states) {
    for (int p = states.nextSetBit(0); p >= 0 && p < pattern.length(); p = states.nextSetBit(p + 1)) {
      if (pattern.charAt(p) == '*') {
        states.set(p + 1);
      }
    }
    return states;
  }

  private static boolean onlyStars(String pattern, int from) {
    for (int i = from; i < pattern.length(); i++) {
      if (pattern.charAt(i) != '*') {
        return false;
      }
    }
    return true;
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
  }
}
