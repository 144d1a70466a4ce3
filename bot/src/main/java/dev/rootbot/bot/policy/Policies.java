package dev.rootbot.bot.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The approval policy in force, and how to read it again. From a file, it is checked in full against the
 * organization when read, and a new reading replaces the policy only when it is valid: an invalid file keeps
 * the previous policy. Without a file it is the one {@link Policy#fromApprovers} builds, for good. Thread-safe.
 */
public final class Policies {
  private final Optional<Path> file;
  private final Supplier<OrganizationView> organization;
  private final AtomicReference<Policy> current;

  private Policies(Optional<Path> file, Supplier<OrganizationView> organization, Policy first) {
    this.file = file;
    this.organization = organization;
    this.current = new AtomicReference<>(first);
  }

  /** A policy that never changes: the approver list's, or one a test built. */
  public static Policies fixed(Policy policy) {
    return new Policies(Optional.empty(), () -> OrganizationView.of(List.of(), List.of()), policy);
  }

  /**
   * The policy in {@code file}, checked against {@code organization} (read at each reading, so that a new OU
   * can be named after it exists).
   *
   * @throws Invalid with every problem, when the file cannot be used
   */
  public static Policies fromFile(Path file, Supplier<OrganizationView> organization) {
    CheckedPolicy checked = PolicyFile.read(file, Optional.of(organization.get()));
    if (checked instanceof CheckedPolicy.Valid valid) {
      return new Policies(Optional.of(file), organization, valid.policy());
    }
    throw new Invalid(file, checked.problems());
  }

  /** The policy as it is now; a request keeps the name of its rule, so read this at each decision. */
  public Policy current() {
    return current.get();
  }

  /** The file the policy comes from, if it comes from one. */
  public Optional<Path> file() {
    return file;
  }

  /**
   * Reads the file again; the new policy applies only when it is valid. Without a file there is nothing to read.
   *
   * @return the problems that kept the previous policy; empty when the new one is in force
   */
  public List<Problem> reload() {
    if (file.isEmpty()) {
      return List.of();
    }
    CheckedPolicy checked = PolicyFile.read(file.get(), Optional.of(organization.get()));
    if (checked instanceof CheckedPolicy.Valid valid) {
      current.set(valid.policy());
    }
    return checked.problems();
  }

  /** A policy file that cannot be used, with every problem in it. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    Invalid(Path file, List<Problem> problems) {
      super(String.join("; ", problems.stream().map(p -> p.format(file.toString())).toList()));
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }
}
