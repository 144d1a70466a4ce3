package dev.rootbot.sandbox.aws.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One condition of a statement: an operator, a context key and the values it is compared with.
 *
 * <p>The operators are the ones real root-control SCPs and resource policies use, with their {@code IfExists}
 * forms. As in IAM, a missing key fails a positive operator and satisfies a negated one, and a negated operator
 * with several values holds only when none of them matches.
 */
record Condition(String operator, String key, List<String> values) {

  private static final Set<String> SUPPORTED = Set.of(
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
      "StringLike", "StringNotLike", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Bool", "Null");

  boolean supported() {
    return SUPPORTED.contains(base()) && !(operator.equals("NullIfExists"));
  }

  boolean holds(RequestContext context) {
    Optional<String> actual = context.key(key);
    String base = base();
    if (base.equals("Null")) {
      boolean wantAbsent = values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
      return wantAbsent == actual.isEmpty();
    }
    if (actual.isEmpty()) {
      return operator.endsWith("IfExists") || negated(base);
    }
    String value = actual.get();
    switch (base) {
      case "StringEquals": return values.contains(value);
      case "StringNotEquals": return !values.contains(value);
      case "StringEqualsIgnoreCase": return values.stream().anyMatch(value::equalsIgnoreCase);
      case "StringNotEqualsIgnoreCase": return values.stream().noneMatch(value::equalsIgnoreCase);
      case "StringLike": return values.stream().anyMatch(p -> Wildcard.matches(p, value));
      case "StringNotLike": return values.stream().noneMatch(p -> Wildcard.matches(p, value));
      case "ArnEquals":
      case "ArnLike": return values.stream().anyMatch(p -> arnLike(p, value));
      case "ArnNotEquals":
      case "ArnNotLike": return values.stream().noneMatch(p -> arnLike(p, value));
      case "Bool": return values.stream().anyMatch(value::equalsIgnoreCase);
      default: return false; // an operator we cannot evaluate never makes a statement apply
    }
  }

  private String base() {
    return operator.endsWith("IfExists") ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
  }

  private static boolean negated(String base) {
    return base.contains("Not");
  }

  /** IAM compares each of an ARN's six colon-separated parts on its own, so a {@code *} never spans a colon. */
  static boolean arnLike(String pattern, String arn) {
    String[] want = pattern.split(":", 6);
    String[] have = arn.split(":", 6);
    if (want.length != have.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (!Wildcard.matches(want[i], have[i])) {
        return false;
      }
    }
    return true;
  }
}
