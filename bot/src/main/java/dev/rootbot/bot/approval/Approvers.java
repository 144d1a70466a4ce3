package dev.rootbot.bot.approval;

import dev.rootbot.bot.request.UserId;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may approve, from {@code ROOTBOT_APPROVERS}: Slack user IDs and user group IDs. Empty means nobody
 * can approve yet, which is the safe default.
 */
public record Approvers(Set<UserId> users, Set<GroupId> groups) {
  public Approvers {
    // In the order written, so that the card names them as the list does.
    users = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(users));
    groups = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(groups));
  }

  public static Approvers none() {
    return new Approvers(Set.of(), Set.of());
  }

  /**
   * Reads {@code ROOTBOT_APPROVERS}: IDs separated by commas or spaces, e.g. {@code U024BE7LH, S0614TZR7}.
   * Pasted mentions ({@code <@U024BE7LH>}, {@code <!subteam^S0614TZR7>}) are accepted too. IDs are
   * upper case, as Slack writes them, so that a name such as "ulrike" is refused rather than taken for one.
   *
   * @throws IllegalArgumentException naming the first entry that is not an ID, and how to find IDs
   */
  public static Approvers parse(String value) {
    var users = new LinkedHashSet<UserId>();
    var groups = new LinkedHashSet<GroupId>();
    if (value == null) {
      return none();
    }
    for (String entry : value.split("[,\\s]+")) {
      String id = unwrap(entry.strip());
      if (id.isEmpty()) {
        continue;
      }
      if (id.matches("[UW][A-Z0-9]{2,}")) {
        users.add(new UserId(id));
      } else if (id.matches("S[A-Z0-9]{2,}")) {
        groups.add(new GroupId(id));
      } else {
        throw new IllegalArgumentException("ROOTBOT_APPROVERS: \"" + entry.strip() + "\" is not a Slack user ID (U… or W…)"
            + " or user group ID (S…). Names cannot be used: copy a member ID from a profile's ⋮ menu, or a group's"
            + " ID from its page.");
      }
    }
    return new Approvers(users, groups);
  }

  /** Whether {@code person} is listed, by ID or through a listed group. */
  public boolean include(Person person) {
    return users.contains(person.id()) || person.groups().stream().anyMatch(groups::contains);
  }

  public boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty();
  }

  private static String unwrap(String entry) {
    return entry.replaceAll("^<[@!](?:subteam\\^)?([A-Za-z0-9]+)(?:\\|[^>]*)?>$", "$1");
  }
}
