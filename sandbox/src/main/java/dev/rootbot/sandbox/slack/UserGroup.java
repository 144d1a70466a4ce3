package dev.rootbot.sandbox.slack;

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
}
