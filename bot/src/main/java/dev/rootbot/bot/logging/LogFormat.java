package dev.rootbot.bot.logging;

import java.util.Locale;
import java.util.Optional;

/** How Rootbot writes its log lines ({@code ROOTBOT_LOG_FORMAT}): for people, or one JSON object a line. */
public enum LogFormat {
  /** {@code 2026-12-01T21:00:00.000Z INFO  d.r.b.Rootbot - …}, from {@code logback.xml}. */
  TEXT("logback.xml"),
  /** logback's {@code JsonEncoder}, from {@code logback-json.xml}: every line parses as JSON. */
  JSON("logback-json.xml");

  private final String configuration;

  LogFormat(String configuration) {
    this.configuration = configuration;
  }

  /** {@code text} or {@code json}, in any case; empty for anything else. */
  public static Optional<LogFormat> parse(String text) {
    for (LogFormat format : values()) {
      if (format.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The logback configuration on the classpath that writes this format. */
  String configuration() {
    return configuration;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
