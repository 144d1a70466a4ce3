package dev.rootbot.sandbox.slack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The workspace's people, user groups and channels. Thread-safe; tests add to it while the bot reads it. */
final class Directory {
  private final Person bot;
  private final Map<String, Person> people = new LinkedHashMap<>();
  private final Map<String, UserGroup> groups = new LinkedHashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();

  Directory(Person bot) {
    this.bot = bot;
    people.put(bot.id(), bot);
  }

  /** The bot user that the bot token acts as. */
  Person bot() {
    return bot;
  }

  synchronized void add(Person person) {
    people.put(person.id(), person);
  }

  synchronized void add(UserGroup group) {
    groups.put(group.id(), group);
  }

  synchronized void add(Channel channel) {
    channels.put(channel.id(), channel);
  }

  /** Replaces a group with {@code change} applied to it, in one step; empty when there is no such group. */
  synchronized Optional<UserGroup> updateGroup(String id, UnaryOperator<UserGroup> change) {
    UserGroup current = groups.get(id);
    if (current == null) {
      return Optional.empty();
    }
    UserGroup updated = change.apply(current);
    groups.put(id, updated);
    return Optional.of(updated);
  }

  synchronized Optional<Person> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  synchronized Optional<Person> personByBotId(String botId) {
    return people.values().stream().filter(p -> p.botId().filter(botId::equals).isPresent()).findFirst();
  }

  synchronized Optional<UserGroup> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  synchronized Optional<Channel> channel(String id) {
    return Optional.ofNullable(channels.get(id));
  }

  /**
   * The conversation a message goes to: a channel by ID, or for a user ID the direct-message conversation
   * between the bot and that user, opened on first use as {@code chat.postMessage} does.
   */
  synchronized Optional<Channel> conversation(String idOrUser) {
    Channel existing = channels.get(idOrUser);
    if (existing != null) {
      return Optional.of(existing);
    }
    if (people.containsKey(idOrUser)) {
      Channel im = Channel.directMessage("D" + idOrUser.substring(1), idOrUser);
      channels.put(im.id(), im);
      return Optional.of(im);
    }
    return Optional.empty();
  }

  synchronized List<Person> people() {
    return new ArrayList<>(people.values());
  }

  synchronized List<UserGroup> groups() {
    return new ArrayList<>(groups.values());
  }

  synchronized List<Channel> channels() {
    return new ArrayList<>(channels.values());
  }
}
