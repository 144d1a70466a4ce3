package dev.rootbot.bot.store;

import java.sql.PreparedStatement;
import java.time.Instant;

/** Seen Slack events in the {@code seen_events} table; the primary key makes "first time" atomic. */
final class JdbcSeenEvents implements SeenEvents {
  private final Database database;

  JdbcSeenEvents(Database database) {
    this.database = database;
  }

  @Override
  public boolean firstSighting(String eventId) {
    if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
      throw new IllegalArgumentException("a Slack event_id is a short non-empty text; got " + eventId);
    }
    return database.autocommit(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING")) {
        insert.setString(1, eventId);
        database.dialect().setInstant(insert, 2, database.now());
        return insert.executeUpdate() == 1;
      }
    });
  }

  @Override
  public int forgetBefore(Instant cutoff) {
    return database.autocommit(connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM seen_events WHERE seen_at < ?")) {
        database.dialect().setInstant(delete, 1, cutoff);
        return delete.executeUpdate();
      }
    });
  }
}
