package dev.rootbot.bot.logging;

import java.util.Map;

/**
 * Chooses the log format before the first line is logged: logback reads {@code logback.configurationFile} when
 * the first logger is made, so {@code Main} calls {@link #configure} before anything that logs. An unknown
 * value leaves the text format; the configuration check then refuses it.
 */
public final class Logging {
  /** The system property logback reads its configuration from. */
  static final String CONFIGURATION_FILE = "logback.configurationFile";

  private Logging() {}

  /** Applies {@code ROOTBOT_LOG_FORMAT} from {@code env}, unless a configuration file was named explicitly. */
  public static void configure(Map<String, String> env) {
    LogFormat format = LogFormat.parse(env.getOrDefault("ROOTBOT_LOG_FORMAT", "")).orElse(LogFormat.TEXT);
    if (format != LogFormat.TEXT && System.getProperty(CONFIGURATION_FILE) == null) {
      System.setProperty(CONFIGURATION_FILE, format.configuration());
    }
  }
}
