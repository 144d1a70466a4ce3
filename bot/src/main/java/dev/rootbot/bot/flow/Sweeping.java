package dev.rootbot.bot.flow;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.trail.TrailLink;
import dev.rootbot.actions.trail.TrailLinks;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ends what time ends: requests nobody approved in time expire, and after a restart, requests that were
 * approved or running when Rootbot stopped are closed without being run again, each with a word in its
 * thread and its card updated.
 */
public final class Sweeping {
  private final Store store;
  private final Supplier<AccountId> caller;
  private final AwsRegion stsRegion;
  private final Runnable nudge;

  /** @param caller the bot's own account, where AssumeRoot is logged, for the links of interrupted tasks */
  public Sweeping(Store store, Supplier<AccountId> caller, AwsRegion stsRegion, Runnable nudge) {
    this.store = store;
    this.caller = caller;
    this.stsRegion = stsRegion;
    this.nudge = nudge;
  }

  /** Expires every request whose time to approve is up; returns how many. */
  public int expireDue() {
    List<RootRequest> expired = store.requests().expireDue(after -> List.of(new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
        new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.ended(after).toJson())));
    if (!expired.isEmpty()) {
      nudge.run();
    }
    return expired.size();
  }

  /**
   * At start, with one replica: RUNNING becomes UNKNOWN (it may have changed something, so it is never
   * re-run) and APPROVED becomes FAILED (it never started). Returns them.
   */
  public List<RootRequest> recoverAtStart() {
    List<RootRequest> recovered = store.requests().recoverInterrupted(Duration.ZERO, after -> List.of(
        new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
        new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.interrupted(after, links(after)).toJson())));
    // Messages a dead process had claimed would otherwise wait for their lease to run out.
    store.outbox().releaseClaims();
    nudge.run();
    return recovered;
  }

  private List<TrailLink> links(RootRequest request) {
    List<TrailLink> links = new ArrayList<>();
    try {
      links.add(TrailLinks.assumeRootCalls(caller.get(), stsRegion));
    } catch (RuntimeException unknown) {
      // AWS may be unreachable at start; the session's own link below still finds its calls.
    }
    request.accessKeyId().ifPresent(key ->
        links.add(TrailLinks.sessionCalls(request.task().target(), request.task().eventsRegion(), key)));
    return links;
  }
}
