package dev.rootbot.bot.policy;

import java.util.List;
import java.util.Objects;

/** What checking a policy file found: a policy to use, or every problem in it. */
public sealed interface CheckedPolicy permits CheckedPolicy.Valid, CheckedPolicy.Invalid {

  /** The problems, ordered by line; empty when valid. */
  List<Problem> problems();

  /**
   * A policy that passed every check made.
   *
   * @param unchecked what could not be checked and so was not, e.g. account names without an organization
   */
  record Valid(Policy policy, List<String> unchecked) implements CheckedPolicy {
    public Valid {
      Objects.requireNonNull(policy, "policy");
      unchecked = List.copyOf(unchecked);
    }

    @Override
    public List<Problem> problems() {
      return List.of();
    }
  }

  /** A file that must not be used; Rootbot refuses to start on it, or keeps its previous policy. */
  record Invalid(List<Problem> problems) implements CheckedPolicy {
    public Invalid {
      problems = problems.stream().sorted().toList();
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an invalid policy has at least one problem");
      }
    }
  }
}
