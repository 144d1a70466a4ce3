package dev.rootbot.bot.store;

import java.time.Duration;

/**
 * The replicas sharing the store, each saying regularly that it is alive, and the periodic jobs that only
 * one of them may run at a time. A claim (a running request, an outbox message) whose owner has not said it is
 * alive for a lease's length, or said it stopped, may be taken over; nothing takes a live replica's claims.
 */
public interface Replicas {

  /** Says {@code replica} is alive now; the first call registers it. */
  void heartbeat(ReplicaId replica);

  /** Says {@code replica} stopped on purpose, so that what it held can be taken over at once. */
  void stopped(ReplicaId replica);

  /**
   * Takes the lease of periodic job {@code job} for {@code period}, if nobody else holds it: true when this
   * replica should run the job now. The holder may take it again before its lease ends.
   */
  boolean acquireJob(String job, ReplicaId replica, Duration period);
}
