package dev.rootbot.actions.org.scp;

/**
 * The resource a root session's call acts on, as far as it is known before the call: an exact ARN, {@code *}
 * for calls that act on no resource ({@code s3:ListAllMyBuckets}), or only the start of its ARN (an IAM call on
 * the root user, whose resource ARN AWS does not document).
 *
 * <p>AWS documents Resource wildcards both as matching within one colon-separated part and, at the end of a
 * part, as running past the colon. A pattern that matches under one reading and not the other is undecidable
 * here rather than guessed (see {@link Glob#arnLike}).
 */
public record ResourceRef(String known, boolean complete) {
  public ResourceRef {
    if (known == null) {
      throw new IllegalArgumentException("a resource needs its ARN or the start of it");
    }
  }

  public static ResourceRef exact(String arn) {
    return new ResourceRef(arn, true);
  }

  /** The resource of a call that acts on none, as IAM evaluates it: {@code *}. */
  public static ResourceRef none() {
    return exact("*");
  }

  /** A resource whose ARN starts with {@code prefix} and goes on in a way not known before the call. */
  public static ResourceRef startingWith(String prefix) {
    return new ResourceRef(prefix, false);
  }

  /** Whether a Resource or NotResource pattern of a statement matches this resource. */
  Tri matchedBy(String pattern) {
    if (pattern.equals("*")) {
      return Tri.TRUE;
    }
    if (complete) {
      return Glob.arnLike(pattern, known);
    }
    if (Glob.matchesEveryCompletion(pattern, known) == Tri.FALSE) {
      return Tri.FALSE;
    }
    return partsMatchEveryCompletion(pattern) == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
  }

  /** The part-by-part reading, for a prefix: known parts must match, the open last part decides. */
  private Tri partsMatchEveryCompletion(String pattern) {
    String[] want = pattern.split(":", 6);
    String[] have = known.split(":", 6);
    if (want.length < have.length) {
      return Tri.FALSE;
    }
    for (int i = 0; i < have.length - 1; i++) {
      if (!Glob.matches(want[i], have[i], false)) {
        return Tri.FALSE;
      }
    }
    if (have.length < 6 || want.length != 6) {
      return Tri.UNKNOWN; // the open part may still hold colons, so later parts are unknown
    }
    return Glob.matchesEveryCompletion(want[5], have[5]);
  }

  @Override
  public String toString() {
    return complete ? known : known + "…";
  }
}
