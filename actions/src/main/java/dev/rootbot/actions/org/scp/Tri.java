package dev.rootbot.actions.org.scp;

/**
 * A truth value that may be unknown: what a statement evaluates to when a condition key, an operator or the
 * resource cannot be known before the call. Kleene's logic: false wins an "and", true wins an "or".
 */
enum Tri {
  TRUE, FALSE, UNKNOWN;

  static Tri of(boolean value) {
    return value ? TRUE : FALSE;
  }

  Tri and(Tri other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
  }

  Tri or(Tri other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
  }

  Tri not() {
    return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
  }
}
