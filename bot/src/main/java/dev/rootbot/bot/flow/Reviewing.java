package dev.rootbot.bot.flow;

import dev.rootbot.bot.card.Announcement;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.policy.BreakGlass;
import dev.rootbot.bot.policy.Policies;
import dev.rootbot.bot.policy.Rule;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reminds of break-glass runs whose review is overdue: in the rule's announce channels, once every
 * {@link #REMIND_EVERY} until someone reviews it (in the request's thread when the rule is gone from the policy
 * or announces nowhere). Run as a periodic job by one replica at a time.
 */
public final class Reviewing {
  /** How often an overdue review is reminded. */
  public static final Duration REMIND_EVERY = Duration.ofHours(1);

  private final Store store;
  private final Policies policies;
  private final Runnable nudge;
  private final AtomicLong overdue = new AtomicLong();

  /** @param nudge wakes the outbox's sender after something was queued */
  public Reviewing(Store store, Policies policies, Runnable nudge) {
    this.store = store;
    this.policies = policies;
    this.nudge = nudge;
  }

  /** Queues a reminder for each overdue review not reminded within the hour; counts the overdue ones. */
  public void remindOverdue() {
    overdue.set(store.requests().reviewsOverdue(Duration.ZERO).size());
    List<RootRequest> due = store.requests().reviewsOverdue(REMIND_EVERY);
    for (RootRequest request : due) {
      store.requests().remind(request.id(), now -> reminders(now));
    }
    if (!due.isEmpty()) {
      nudge.run();
    }
  }

  /** How many break-glass runs were overdue for review when last looked at, for {@code /metrics}. */
  public long overdue() {
    return overdue.get();
  }

  private List<Outgoing> reminders(RootRequest request) {
    Optional<Rule> rule = request.clearance().rule().flatMap(policies.current()::rule);
    String reviewers = rule.map(r -> r.approvers().mentions()).orElse("Its approvers");
    var reminder = ThreadReplies.reviewOverdue(request, reviewers);
    List<ChannelId> channels = rule.flatMap(Rule::breakGlass).map(BreakGlass::announce).orElse(List.of());
    List<Outgoing> messages = new ArrayList<>();
    for (ChannelId channel : channels) {
      messages.add(new Outgoing(Outgoing.Kind.ANNOUNCE, new Announcement(channel, reminder).toJson()));
    }
    if (messages.isEmpty()) {
      messages.add(new Outgoing(Outgoing.Kind.THREAD_REPLY, reminder.toJson()));
    }
    return messages;
  }
}
