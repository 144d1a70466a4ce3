package dev.rootbot.bot.replicas;

import dev.rootbot.bot.Postgres;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Several Rootbot replicas, each its own JVM, on one PostgreSQL schema, behind a {@link LoadBalancer} that the
 * simulated Slack workspace talks to, against the simulated AWS organization: a deployment on one machine.
 * Replicas can be started, stopped (SIGTERM, as a rolling deploy does) and killed (SIGKILL, as a crash does).
 */
final class ReplicaSet implements AutoCloseable {
  final Sandboxed sandbox;
  final String store;
  private final LoadBalancer balancer;
  private final Duration lease;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, URI> urls = new LinkedHashMap<>();

  ReplicaSet(Duration lease) {
    this.store = Postgres.newSchema("rootbot_replicas");
    this.lease = lease;
    this.sandbox = Sandboxed.withoutBot(Map.of("ROOTBOT_STORE", store,
        "ROOTBOT_LEASE_SECONDS", String.valueOf(lease.toSeconds())));
    try {
      this.balancer = new LoadBalancer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sandbox.slack.connectBot(balancer.eventsUrl(), SlackWorkspace.SIGNING_SECRET);
  }

  Duration lease() {
    return lease;
  }

  /** Starts replica {@code id} and puts it behind the load balancer once it answers. */
  void start(String id) {
    int port = Sandboxed.freePort();
    Process child = sandbox.startBotProcess(port, Map.of("ROOTBOT_REPLICA_ID", id), id + ".log", false);
    URI url = URI.create("http://127.0.0.1:" + port + "/slack/events");
    processes.put(id, child);
    urls.put(id, url);
    balancer.add(url);
  }

  /** Stops replica {@code id} as a rolling deploy does: out of the load balancer, then SIGTERM, and waits. */
  void stop(String id) throws InterruptedException {
    balancer.remove(urls.get(id));
    Process child = processes.remove(id);
    child.destroy();
    if (!child.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError("replica " + id + " did not stop within 90 s; its log: " + log(id));
    }
  }

  /** Kills replica {@code id} as a crash does: SIGKILL, no shutdown hook, no draining. */
  void kill(String id) throws InterruptedException {
    Process child = processes.remove(id);
    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    balancer.remove(urls.get(id));
  }

  /** How many Slack requests replica {@code id} answered. */
  int served(String id) {
    return balancer.served(urls.get(id));
  }

  /** The replica running request {@code id} (its {@code runner} in the store), if any. */
  Optional<String> runnerOf(String requestId) {
    try (Connection connection = DriverManager.getConnection(store);
        PreparedStatement select = connection.prepareStatement("SELECT runner FROM requests WHERE id = ?")) {
      select.setString(1, requestId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String log(String id) {
    try {
      return Files.readString(sandbox.logOf(id + ".log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    processes.values().forEach(Process::destroyForcibly);
    for (Process child : processes.values()) {
      try {
        child.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    balancer.close();
    sandbox.close();
    Postgres.dropSchema(store);
  }
}
