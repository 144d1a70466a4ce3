package dev.rootbot.bot.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.User;
import dev.rootbot.bot.approval.Approvers;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.flow.People;
import dev.rootbot.bot.request.UserId;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who someone is, from Slack's {@code users.info} and the members of the approver user groups
 * ({@code usergroups.users.list}), cached for a few minutes. When Slack cannot answer, nobody is taken for
 * an approver: it fails closed with {@link People.Unavailable}. Thread-safe.
 */
public final class SlackPeople implements People {
  private final MethodsClient slack;
  private final Approvers approvers;
  private final LoadingCache<UserId, User> users;
  private final LoadingCache<GroupId, Set<UserId>> groups;

  public SlackPeople(MethodsClient slack, Approvers approvers, Duration ttl) {
    this.slack = slack;
    this.approvers = approvers;
    this.users = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build(this::load);
    this.groups = Caffeine.newBuilder().expireAfterWrite(ttl).build(this::members);
  }

  @Override
  public Person person(UserId id) {
    User user = users.get(id);
    Set<GroupId> in = approvers.groups().stream()
        .filter(group -> groups.get(group).contains(id))
        .collect(Collectors.toSet());
    boolean bot = user.isBot() || user.isAppUser() || user.isWorkflowBot() || "USLACKBOT".equals(id.value());
    return new Person(id, user.isDeleted(), bot, user.isRestricted(), user.isUltraRestricted(), in);
  }

  private User load(UserId id) {
    try {
      var response = slack.usersInfo(r -> r.user(id.value()));
      if (!response.isOk() || response.getUser() == null) {
        throw new People.Unavailable("users.info for " + id.value() + " answered " + response.getError(), null);
      }
      return response.getUser();
    } catch (IOException | SlackApiException e) {
      throw new People.Unavailable("users.info for " + id.value() + " failed: " + e.getMessage(), e);
    }
  }

  private Set<UserId> members(GroupId group) {
    try {
      var response = slack.usergroupsUsersList(r -> r.usergroup(group.value()));
      if (!response.isOk() || response.getUsers() == null) {
        throw new People.Unavailable("usergroups.users.list for " + group.value() + " answered " + response.getError(), null);
      }
      return response.getUsers().stream().map(UserId::new).collect(Collectors.toUnmodifiableSet());
    } catch (IOException | SlackApiException e) {
      throw new People.Unavailable("usergroups.users.list for " + group.value() + " failed: " + e.getMessage(), e);
    }
  }
}
