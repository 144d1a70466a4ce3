package dev.rootbot.bot.store;

import dev.rootbot.bot.config.Redaction;
import java.nio.file.Path;

/** Where the store lives, read from {@code ROOTBOT_STORE}: a SQLite file or a PostgreSQL URL. */
record Location(Dialect dialect, String jdbcUrl) {
  private static final String FORMS = "ROOTBOT_STORE is sqlite:PATH (e.g. sqlite:rootbot.db) or"
      + " jdbc:postgresql://HOST:PORT/DATABASE?user=…";

  static Location parse(String value) {
    String text = value == null ? "" : value.strip();
    if (text.startsWith("sqlite:") || text.startsWith("jdbc:sqlite:")) {
      String path = text.substring(text.indexOf("sqlite:") + "sqlite:".length());
      if (path.isEmpty() || path.contains(":memory:") || path.startsWith("file::memory")) {
        // Each connection would get its own empty database: requests would vanish between calls.
        throw new IllegalArgumentException(FORMS + "; an in-memory SQLite database cannot be shared by connections");
      }
      return new Location(Dialect.SQLITE, "jdbc:sqlite:" + path);
    }
    if (text.startsWith("jdbc:postgresql:")) {
      return new Location(Dialect.POSTGRES, text);
    }
    // Repeated without its password, which may be anywhere in it.
    throw new IllegalArgumentException(FORMS + "; got " + (text.isEmpty() ? "nothing" : Redaction.of(text)));
  }

  /** The SQLite file, to create its folder. */
  Path sqliteFile() {
    return Path.of(jdbcUrl.substring("jdbc:sqlite:".length()));
  }

  /** The URL without its password, which may be in the user information or any parameter. */
  @Override
  public String toString() {
    return Redaction.of(jdbcUrl);
  }
}
