package dev.rootbot.sandbox.slack;

import java.util.Objects;

/**
 * A change to what people in the workspace see, for live views of it: which kind, in which channel (or
 * {@code ""}), for which person when only they see it (or {@code ""}), and the message ts or view ID.
 */
public record Change(Kind kind, String channel, String user, String id) {

  /** What changed. */
  public enum Kind {
    MESSAGE_POSTED, MESSAGE_CHANGED, MESSAGE_DELETED,
    EPHEMERAL_POSTED, EPHEMERAL_CHANGED, EPHEMERAL_DELETED,
    VIEW_OPENED, VIEW_CHANGED, VIEW_CLOSED,
    DIRECTORY_CHANGED
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(id, "id");
  }
}
