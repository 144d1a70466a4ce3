package dev.rootbot.bot.store;

import java.time.Clock;

/**
 * Rootbot's durable memory: requests, the append-only audit log, the outbox of messages for Slack, the
 * Slack events already handled, and the replicas sharing it with their leases. One database, SQLite by default or PostgreSQL, so that several
 * replicas can share it.
 *
 * <pre>{@code
 * try (Store store = Store.open("sqlite:rootbot.db", Clock.systemUTC())) {
 *   RootRequest request = store.requests().file(asked);
 *   store.requests().move(request.id(), Transition.approve(bob));  // empty when someone else was first
 *   store.requests().claimNext(me, report)                          // on any replica's runner
 *       .ifPresent(running -> run(running));
 * }
 * }</pre>
 *
 * <p>Thread-safe: every call borrows one of a few connections and runs in one transaction, so calls
 * from any number of threads, or replicas, see each change whole or not at all. Times come from the
 * clock given to {@link #open}, never from the system.
 */
public interface Store extends AutoCloseable {

  /**
   * Opens the store {@code ROOTBOT_STORE} names, creating its schema when missing (safe to repeat).
   *
   * @param location {@code sqlite:PATH} or a {@code jdbc:postgresql://HOST/DB?user=…} URL
   * @throws IllegalArgumentException when {@code location} is neither
   * @throws StoreFailure when the database cannot be reached or was written by a newer Rootbot
   */
  static Store open(String location, Clock clock) {
    return JdbcStore.open(Location.parse(location), clock, JdbcStore.CONNECTIONS);
  }

  /**
   * Opens the store at {@code location} to read it as it is, for the audit commands: nothing is created,
   * migrated or written by opening it.
   *
   * @throws IllegalArgumentException when {@code location} is neither form
   * @throws StoreFailure when there is no store there, it cannot be reached, or its schema is another Rootbot's
   */
  static Store openExisting(String location, Clock clock) {
    return JdbcStore.openExisting(Location.parse(location), clock, 1);
  }

  Requests requests();

  /** Each account's result of the tasks over the organization. */
  FleetResults fleet();

  AuditLog audit();

  Outbox outbox();

  SeenEvents events();

  Replicas replicas();

  /**
   * Checks that the database answers, for {@code /healthz}.
   *
   * @throws StoreFailure when it does not
   */
  void ping();

  /** Closes every connection; calls after this fail. */
  @Override
  void close();
}
