package dev.rootbot.sandbox.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * A user of the workspace as {@code users.info} describes them: who they are and their standing, which
 * decides the flags Slack reports ({@code is_restricted}, {@code is_ultra_restricted}, {@code deleted},
 * {@code is_bot}).
 */
public record Person(String id, String name, String realName, String title, Standing standing, Optional<String> botId) {

  /** A user's standing in the workspace; each maps to the flags Slack sets on the user object. */
  public enum Standing {
    /** A full member. */
    MEMBER,
    /** A multi-channel guest: {@code is_restricted}. */
    GUEST,
    /** A single-channel guest: {@code is_restricted} and {@code is_ultra_restricted}. */
    SINGLE_CHANNEL_GUEST,
    /** A deactivated account: {@code deleted}. */
    DEACTIVATED,
    /** The user behind an app's bot: {@code is_bot}, with a bot ID. */
    BOT
  }

  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(realName, "realName");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(standing, "standing");
    Objects.requireNonNull(botId, "botId");
    if (!id.matches("[UW][A-Z0-9]{2,}")) {
      throw new IllegalArgumentException("a Slack user ID starts with U or W, then capitals and digits: " + id);
    }
    if ((standing == Standing.BOT) != botId.isPresent()) {
      throw new IllegalArgumentException("a bot user, and only a bot user, has a bot ID: " + id);
    }
  }

  /** A full member of the workspace. */
  public static Person member(String id, String name, String realName) {
    return new Person(id, name, realName, "", Standing.MEMBER, Optional.empty());
  }

  /** The bot user of an app, with its bot ID ({@code B…}). */
  public static Person bot(String id, String name, String realName, String botId) {
    return new Person(id, name, realName, "", Standing.BOT, Optional.of(botId));
  }

  public Person titled(String newTitle) {
    return new Person(id, name, realName, newTitle, standing, botId);
  }

  public Person asGuest() {
    return withStanding(Standing.GUEST);
  }

  public Person asSingleChannelGuest() {
    return withStanding(Standing.SINGLE_CHANNEL_GUEST);
  }

  public Person deactivated() {
    return withStanding(Standing.DEACTIVATED);
  }

  private Person withStanding(Standing newStanding) {
    if (standing == Standing.BOT) {
      throw new IllegalStateException("a bot user keeps its standing: " + id);
    }
    return new Person(id, name, realName, title, newStanding, botId);
  }

  public boolean isBot() {
    return standing == Standing.BOT;
  }

  public boolean isRestricted() {
    return standing == Standing.GUEST || standing == Standing.SINGLE_CHANNEL_GUEST;
  }

  public boolean isUltraRestricted() {
    return standing == Standing.SINGLE_CHANNEL_GUEST;
  }

  public boolean deleted() {
    return standing == Standing.DEACTIVATED;
  }

  /** How a message mentions this person: {@code <@U…>}. */
  public String mention() {
    return "<@" + id + ">";
  }
}
