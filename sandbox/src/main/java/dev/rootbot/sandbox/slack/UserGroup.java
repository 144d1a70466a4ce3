package dev.rootbot.sandbox.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A user group ({@code S…}), mentioned as {@code @handle}, whose members {@code usergroups.users.list} returns. */
public record UserGroup(String id, String handle, String name, List<String> userIds) {

  public UserGroup {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(name, "name");
    userIds = List.copyOf(userIds);
    if (!id.matches("S[A-Z0-9]{2,}")) {
      throw new IllegalArgumentException("a Slack user group ID starts with S, then capitals and digits: " + id);
    }
  }

  /** The same group with exactly these members. */
  public UserGroup withMembers(List<String> members) {
    return new UserGroup(id, handle, name, members);
  }

  /** The same group with {@code userId} added at the end, if not a member already. */
  public UserGroup with(String userId) {
    if (userIds.contains(userId)) {
      return this;
    }
    List<String> members = new ArrayList<>(userIds);
    members.add(userId);
    return withMembers(members);
  }

  /** The same group without {@code userId}. */
  public UserGroup without(String userId) {
    return withMembers(userIds.stream().filter(u -> !u.equals(userId)).toList());
  }
}
