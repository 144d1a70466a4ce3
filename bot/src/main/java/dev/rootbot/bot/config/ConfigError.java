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
}
