package dev.rootbot.actions.org.scp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One key of a statement's Condition: an operator (with its {@code IfExists} form and a
 * {@code ForAnyValue:}/{@code ForAllValues:} qualifier), a context key and the policy's values.
 *
 * <p>IAM's rules: the values of one key are alternatives; a negated operator holds when none matches; a missing
 * key fails a positive operator and satisfies a negated one or an {@code IfExists} one; {@code ForAllValues}
 * holds for an empty set and {@code ForAnyValue} does not. String, ARN, Bool and Null operators are evaluated;
 * Numeric, Date, IpAddress and Binary ones only test keys Rootbot cannot know (time, source IP, MFA age), so
 * they, unknown keys and unknown operators make the condition undecidable.
 */
record ScpCondition(String operator, String key, List<String> values) {

  /** The operators Rootbot evaluates, each with whether it is the negated form. */
  private enum Comparison {
    STRING_EQUALS(false, (actual, value) -> Tri.of(actual.equals(value))),
    STRING_NOT_EQUALS(true, (actual, value) -> Tri.of(actual.equals(value))),
    STRING_EQUALS_IGNORE_CASE(false, (actual, value) -> Tri.of(actual.equalsIgnoreCase(value))),
    STRING_NOT_EQUALS_IGNORE_CASE(true, (actual, value) -> Tri.of(actual.equalsIgnoreCase(value))),
    STRING_LIKE(false, (actual, pattern) -> Tri.of(Glob.matches(pattern, actual, false))),
    STRING_NOT_LIKE(true, (actual, pattern) -> Tri.of(Glob.matches(pattern, actual, false))),
    ARN_EQUALS(false, (actual, pattern) -> Glob.arnLike(pattern, actual)),
    ARN_LIKE(false, (actual, pattern) -> Glob.arnLike(pattern, actual)),
    ARN_NOT_EQUALS(true, (actual, pattern) -> Glob.arnLike(pattern, actual)),
    ARN_NOT_LIKE(true, (actual, pattern) -> Glob.arnLike(pattern, actual)),
    BOOL(false, (actual, value) -> Tri.of(actual.equalsIgnoreCase(value))),
    NULL(false, (actual, wanted) -> Tri.FALSE);

    final boolean negated;
    final BiFunction<String, String, Tri> matches;

    Comparison(boolean negated, BiFunction<String, String, Tri> matches) {
      this.negated = negated;
      this.matches = matches;
    }

    static Optional<Comparison> named(String base) {
      for (Comparison c : values()) {
        if (c.name().replace("_", "").equalsIgnoreCase(base)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    boolean takesVariables() {
      return this != BOOL && this != NULL;
    }
  }

  private enum Quantifier { NONE, ANY, ALL }

  Tri evaluate(RootSessionContext who, RootCall call, List<String> doubts) {
    String op = operator.toLowerCase(Locale.ROOT);
    Quantifier quantifier = Quantifier.NONE;
    if (op.startsWith("forallvalues:")) {
      quantifier = Quantifier.ALL;
      op = op.substring("forallvalues:".length());
    } else if (op.startsWith("foranyvalue:")) {
      quantifier = Quantifier.ANY;
      op = op.substring("foranyvalue:".length());
    }
    boolean ifExists = op.endsWith("ifexists");
    if (ifExists) {
      op = op.substring(0, op.length() - "ifexists".length());
    }
    Optional<Comparison> found = Comparison.named(op);
    Optional<List<String>> actual = who.values(key, call);
    boolean nullWithExtras = found.orElse(null) == Comparison.NULL && (ifExists || quantifier != Quantifier.NONE);
    if (found.isEmpty() || nullWithExtras || actual.isEmpty()) {
      doubts.add("the condition " + operator + " on " + key);
      return Tri.UNKNOWN;
    }
    Comparison comparison = found.get();
    List<String> present = actual.get();
    if (comparison == Comparison.NULL) {
      return Tri.of(values.stream().anyMatch(v -> v.equalsIgnoreCase("true") ? present.isEmpty()
          : v.equalsIgnoreCase("false") && !present.isEmpty()));
    }
    if (present.isEmpty()) {
      if (ifExists || quantifier == Quantifier.ALL) {
        return Tri.TRUE;
      }
      return Tri.of(quantifier == Quantifier.NONE && comparison.negated);
    }
    Tri result = quantifier == Quantifier.ALL ? Tri.TRUE : Tri.FALSE;
    for (String value : present) {
      Tri matched = matchesAny(comparison, value, who, call);
      Tri satisfied = comparison.negated ? matched.not() : matched;
      result = quantifier == Quantifier.ALL ? result.and(satisfied) : result.or(satisfied);
    }
    if (result == Tri.UNKNOWN) {
      doubts.add("the condition " + operator + " on " + key + " (a policy variable, or an ARN pattern with a"
          + " wildcard that may run past a colon)");
    }
    return result;
  }

  private Tri matchesAny(Comparison comparison, String actual, RootSessionContext who, RootCall call) {
    Tri any = Tri.FALSE;
    for (String value : values) {
      Optional<String> wanted = comparison.takesVariables() ? Variables.resolve(value, who, call) : Optional.of(value);
      any = any.or(wanted.map(w -> comparison.matches.apply(actual, w)).orElse(Tri.UNKNOWN));
    }
    return any;
  }

  /** Whether this condition looks at {@code aws:AssumedRoot}, i.e. was written with root sessions in mind. */
  boolean tests(String contextKey) {
    return key.equalsIgnoreCase(contextKey);
  }
}
