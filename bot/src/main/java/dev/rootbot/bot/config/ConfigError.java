package dev.rootbot.bot.config;

import java.util.List;

/** Configuration that cannot start the bot: every problem found, each saying which variable to fix and how. */
public final class ConfigError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigError(List<String> problems) {
    super("Rootbot cannot start:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /**
   * The store that {@code ROOTBOT_STORE} names could not be opened at start (the database is down, the host or
   * the password is wrong, or the value is not a store): a configuration problem, named without its password.
   *
   * @param failure from opening the store: a {@code StoreFailure}, or an {@link IllegalArgumentException}
   *     explaining a value that is not a store
   */
  public static ConfigError store(String location, RuntimeException failure) {
    List<String> secrets = Redaction.secretsIn(location);
    if (failure instanceof IllegalArgumentException) {
      return new ConfigError(List.of(Redaction.scrub(String.valueOf(failure.getMessage()), secrets)));
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = String.valueOf(failure.getMessage())
        + (root == failure ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
    return new ConfigError(List.of(Redaction.scrub("ROOTBOT_STORE: cannot open the store " + Redaction.of(location)
        + ": " + why + ". Is the database running and reachable from here, and does ROOTBOT_STORE name the right host,"
        + " port, database, user and password?", secrets)));
  }
}
