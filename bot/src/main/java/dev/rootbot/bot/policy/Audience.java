package dev.rootbot.bot.policy;

import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.request.UserId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The people a rule names for one part (who may ask, who approves, who may break glass): Slack users and
 * user groups, or any full member. Only full, active members are ever let in; that is checked by the rule,
 * not here.
 *
 * @param written the entries as the policy file wrote them (group names, IDs, {@code *}), for summaries
 * @param anyMember {@code *}: every full member of the workspace
 * @param users the users named, directly or through a group of the file, in the order written
 * @param groups the Slack user groups named, directly or through a group of the file, in the order written
 */
public record Audience(List<String> written, boolean anyMember, Set<UserId> users, Set<GroupId> groups) {
  public Audience {
    written = List.copyOf(written);
    users = Collections.unmodifiableSet(new LinkedHashSet<>(users));
    groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
  }

  /** {@code *}: any full member. */
  public static Audience everyone() {
    return new Audience(List.of("*"), true, Set.of(), Set.of());
  }

  /** Exactly these users and user groups, written as their IDs. */
  public static Audience of(Collection<UserId> users, Collection<GroupId> groups) {
    List<String> written = Stream.concat(users.stream().map(UserId::value), groups.stream().map(GroupId::value))
        .collect(Collectors.toList());
    return new Audience(written, false, new LinkedHashSet<>(users), new LinkedHashSet<>(groups));
  }

  /** Nobody. */
  public static Audience nobody() {
    return of(List.of(), List.of());
  }

  /** Whether {@code person} is named, by ID or through a user group, or everyone is. */
  public boolean includes(Person person) {
    return anyMember || users.contains(person.id()) || person.groups().stream().anyMatch(groups::contains);
  }

  public boolean isEmpty() {
    return !anyMember && users.isEmpty() && groups.isEmpty();
  }

  /**
   * How many distinct people it names, when that can be known from the file: only when it names users
   * alone. A user group has an unknown number of members (at least one, as far as the file can tell).
   */
  public OptionalInt knownSize() {
    return anyMember || !groups.isEmpty() ? OptionalInt.empty() : OptionalInt.of(users.size());
  }

  /**
   * Slack mentions of everyone named, groups first ({@code <!subteam^S…>, <@U…>}), so that posting it
   * notifies them; "any full member" for {@code *}.
   */
  public String mentions() {
    if (anyMember) {
      return "any full member";
    }
    if (isEmpty()) {
      return "nobody";
    }
    return Stream.concat(groups.stream().map(group -> "<!subteam^" + group.value() + ">"),
        users.stream().map(UserId::mention)).collect(Collectors.joining(", "));
  }

  /** Every user group named: whose members must be looked up to know who is in. */
  Stream<GroupId> userGroups() {
    return groups.stream();
  }
}
