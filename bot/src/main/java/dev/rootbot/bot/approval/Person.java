package dev.rootbot.bot.approval;

import dev.rootbot.bot.request.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * What Slack says about the person who asked or clicked, looked up at the edge ({@code users.info},
 * {@code usergroups.users.list}) just before a decision.
 *
 * @param deleted Slack's {@code deleted}: the account is deactivated
 * @param bot Slack's {@code is_bot}
 * @param restricted Slack's {@code is_restricted}: a multi-channel guest
 * @param ultraRestricted Slack's {@code is_ultra_restricted}: a single-channel guest
 * @param groups the listed approver groups the person belongs to (others need not be looked up)
 */
public record Person(UserId id, boolean deleted, boolean bot, boolean restricted, boolean ultraRestricted,
    Set<GroupId> groups) {
  public Person {
    Objects.requireNonNull(id, "id");
    groups = Set.copyOf(groups);
  }

  /** An active, full member of the workspace, in {@code groups}. */
  public static Person member(UserId id, GroupId... groups) {
    return new Person(id, false, false, false, false, Set.of(groups));
  }

  /** An active, full member: not deactivated, not a bot, not a guest. Only they may ask, approve or deny. */
  public boolean activeFullMember() {
    return !deleted && !bot && !guest();
  }

  /** Whether Slack counts them as a guest, of either kind. */
  public boolean guest() {
    return restricted || ultraRestricted;
  }
}
