package dev.rootbot.bot.flow;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.trail.TrailLink;
import dev.rootbot.actions.trail.TrailLinks;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.store.Outgoing;
import dev.rootbot.bot.store.ReplicaId;
import dev.rootbot.bot.store.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ends what time ends, on whichever replica holds the job: requests nobody approved in time expire; a request
 * RUNNING on a replica that is gone becomes UNKNOWN (it may have changed something, so it is never re-run); one
 * approved so long ago that no runner took it fails; messages claimed by a gone replica are released. Each with a
 * word in its thread and its card updated. Nothing here touches what a live replica holds.
 */
public final class Sweeping {
  private final Store store;
  private final Supplier<AccountId> caller;
  private final AwsRegion stsRegion;
  private final Duration lease;
  private final Duration approvedFor;
  private final Runnable nudge;

  /**
   * @param caller the bot's own account, where AssumeRoot is logged, for the links of interrupted tasks
   * @param lease how long a replica may stay silent before what it runs is declared orphaned
   * @param approvedFor how long an approved request may wait for a runner before it fails
   */
  public Sweeping(Store store, Supplier<AccountId> caller, AwsRegion stsRegion, Duration lease, Duration approvedFor,
      Runnable nudge) {
    this.store = store;
    this.caller = caller;
    this.stsRegion = stsRegion;
    this.lease = lease;
    this.approvedFor = approvedFor;
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

  /** Ends the requests of replicas that are gone and releases their messages; returns the requests ended. */
  public List<RootRequest> recoverOrphans() {
    List<RootRequest> recovered = store.requests().recoverOrphans(lease, approvedFor, after -> List.of(
        new Outgoing(Outgoing.Kind.UPDATE_CARD, ""),
        new Outgoing(Outgoing.Kind.THREAD_REPLY, ThreadReplies.interrupted(after, links(after)).toJson())));
    int released = store.outbox().releaseClaimsOfGone(lease);
    if (!recovered.isEmpty() || released > 0) {
      nudge.run();
    }
    return recovered;
  }

  /**
   * At start, before this replica says it is alive: whatever a previous process with the same replica ID was
   * running or sending is orphaned now (this one has not started anything), so it is ended at once rather than
   * after a lease. Returns the requests ended.
   */
  public List<RootRequest> startingAs(ReplicaId me) {
    store.replicas().stopped(me);
    List<RootRequest> recovered = recoverOrphans();
    store.replicas().heartbeat(me);
    return recovered;
  }

  private List<TrailLink> links(RootRequest request) {
    List<TrailLink> links = new ArrayList<>();
    try {
      links.add(TrailLinks.assumeRootCalls(caller.get(), stsRegion));
    } catch (RuntimeException unknown) {
      // AWS may be unreachable; the session's own link below still finds its calls.
    }
    request.accessKeyId().ifPresent(key ->
        links.add(TrailLinks.sessionCalls(request.work().account(), request.rootTask().map(dev.rootbot.actions.task.RootTask::eventsRegion).orElse(dev.rootbot.actions.task.AwsRegion.US_EAST_1), key)));
    return links;
  }
}
