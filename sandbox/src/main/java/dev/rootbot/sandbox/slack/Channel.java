package dev.rootbot.sandbox.slack;

import java.util.Objects;

/** A conversation messages are posted in: a public or private channel ({@code C…}) or a direct message ({@code D…}). */
public record Channel(String id, String name, boolean isPrivate, boolean isIm) {

  public Channel {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (!id.matches("[CGD][A-Z0-9]{2,}")) {
      throw new IllegalArgumentException("a Slack conversation ID starts with C, G or D, then capitals and digits: " + id);
    }
  }

  /** A public channel, such as {@code #incident-42}; the name is given without the {@code #}. */
  public static Channel publicChannel(String id, String name) {
    return new Channel(id, name, false, false);
  }

  public static Channel privateChannel(String id, String name) {
    return new Channel(id, name, true, false);
  }

  /** The direct-message conversation between the bot and one person, named after that person's ID as Slack does. */
  static Channel directMessage(String id, String userId) {
    return new Channel(id, userId, true, true);
  }
}
