package dev.rootbot.bot.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.User;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.flow.People;
import dev.rootbot.bot.request.UserId;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who someone is, from Slack's {@code users.info} and the members of the user groups the approval policy names
 * ({@code usergroups.users.list}), each kept at most {@code ttl}: {@link #FRESH}, so that someone deactivated or
 * removed from an approving group cannot decide for longer than that. When Slack cannot answer, nobody is taken
 * for an approver: it fails closed with {@link People.Unavailable}. Thread-safe.
 */
public final class SlackPeople implements People {
  /** How old a fact about someone may be when it decides: the approval policy's promise. */
  public static final Duration FRESH = Duration.ofSeconds(30);

  private final MethodsClient slack;
  private final Supplier<Set<GroupId>> named;
  private final LoadingCache<UserId, User> users;
  private final LoadingCache<GroupId, Set<UserId>> groups;

  /**
   * @param named the user groups whose members matter now: those the approval policy in force names
   * @param ticker the time the caches keep their entries by
   */
  public SlackPeople(MethodsClient slack, Supplier<Set<GroupId>> named, Duration ttl, Ticker ticker) {
    this.slack = slack;
    this.named = named;
    this.users = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(10_000).build(this::load);
    this.groups = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(1_000).build(this::members);
  }

  @Override
  public Person person(UserId id) {
    User user = users.get(id);
    Set<GroupId> in = named.get().stream()
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
