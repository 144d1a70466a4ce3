package dev.rootbot.actions.org.scp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The resource a root session's call acts on, as far as it is known before the call: an exact ARN, {@code *}
 * for calls that act on none ({@code s3:ListAllMyBuckets}), an ARN known only by its start, or one of several
 * such candidates (an IAM call on the root user, whose resource ARN AWS does not document).
 *
 * <p>AWS documents Resource wildcards both as matching within one colon-separated part and, at the end of a
 * part, as running past the colon. A pattern that matches under one reading and not the other, or matches some
 * candidates and not others, is undecidable here rather than guessed (see {@link Glob#arnLike}).
 */
public record ResourceRef(List<Candidate> candidates) {
  /**
   * One ARN the resource may have: {@code known} in full, or only its start when not {@code complete}, followed
   * by a name that holds no colon when {@code restIsName}.
   */
  public record Candidate(String known, boolean complete, boolean restIsName) {
    @Override
    public String toString() {
      return complete ? known : known + "…";
    }
  }

  public ResourceRef {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("a resource needs at least one ARN it may have");
    }
    candidates = List.copyOf(candidates);
  }

  public static ResourceRef exact(String arn) {
    return new ResourceRef(List.of(new Candidate(arn, true, false)));
  }

  /** The resource of a call that acts on none, as IAM evaluates it: {@code *}. */
  public static ResourceRef none() {
    return exact("*");
  }

  /** A resource whose ARN starts with {@code prefix} and goes on in a way not known before the call. */
  public static ResourceRef startingWith(String prefix) {
    return new ResourceRef(List.of(new Candidate(prefix, false, false)));
  }

  /**
   * A resource whose ARN is {@code prefix} and then a name not known before the call: a bucket, a queue, a user
   * or an MFA device, whose names hold no colon.
   */
  public static ResourceRef nameAfter(String prefix) {
    return new ResourceRef(List.of(new Candidate(prefix, false, true)));
  }

  /** A resource that is one of these, not known which. */
  public static ResourceRef oneOf(ResourceRef... refs) {
    return new ResourceRef(java.util.Arrays.stream(refs).flatMap(r -> r.candidates().stream())
        .collect(Collectors.toList()));
  }

  /** Whether a Resource or NotResource pattern of a statement matches this resource. */
  Tri matchedBy(String pattern) {
    Tri first = matches(pattern, candidates.get(0));
    for (Candidate candidate : candidates.subList(1, candidates.size())) {
      if (matches(pattern, candidate) != first) {
        return Tri.UNKNOWN;
      }
    }
    return first;
  }

  private static Tri matches(String pattern, Candidate candidate) {
    if (pattern.equals("*")) {
      return Tri.TRUE;
    }
    if (candidate.complete()) {
      return Glob.arnLike(pattern, candidate.known());
    }
    if (Glob.matchesEveryCompletion(pattern, candidate.known(), candidate.restIsName()) == Tri.FALSE) {
      return Tri.FALSE;
    }
    return partsMatchEveryCompletion(pattern, candidate) == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
  }

  /** The part-by-part reading, for a prefix: known parts must match, the open last part decides. */
  private static Tri partsMatchEveryCompletion(String pattern, Candidate candidate) {
    String prefix = candidate.known();
    String[] want = pattern.split(":", 6);
    String[] have = prefix.split(":", 6);
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
    return Glob.matchesEveryCompletion(want[5], have[5], candidate.restIsName());
  }

  @Override
  public String toString() {
    return candidates.stream().map(Candidate::toString).collect(Collectors.joining(" or "));
  }
}
