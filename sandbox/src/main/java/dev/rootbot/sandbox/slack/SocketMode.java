package dev.rootbot.sandbox.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Socket Mode: {@code apps.connections.open} hands out a single-use WebSocket URL; a connection
 * gets {@code hello}, then one envelope per request, each waiting for the bot's acknowledgement
 * ({@code {"envelope_id":…, "payload":…}}).
 *
 * <p>Threading: Jetty threads open, close and acknowledge; the sender's thread sends and waits on a
 * future per envelope. Sends to one connection are serialized.
 */
final class SocketMode {
  private static final Logger log = LoggerFactory.getLogger(SocketMode.class);
  static final Duration TICKET_LIFETIME = Duration.ofSeconds(30);

  private final Map<String, Instant> tickets = new HashMap<>();
  private final List<WsContext> connections = new CopyOnWriteArrayList<>();
  private final Map<String, CompletableFuture<Optional<JsonElement>>> acks = new ConcurrentHashMap<>();
  private final Ids ids;
  private final Clock clock;
  private final Supplier<String> baseUrl;

  SocketMode(Ids ids, Clock clock, Supplier<String> baseUrl) {
    this.ids = ids;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  void registerOn(WebApi api) {
    api.register("apps.connections.open", WebApi.TokenKind.APP, params -> {
      JsonObject answer = new JsonObject();
      answer.addProperty("url", issueUrl());
      return answer;
    });
  }

  private synchronized String issueUrl() {
    String ticket = ids.uuid();
    tickets.put(ticket, clock.instant());
    return baseUrl.get().replaceFirst("^http", "ws") + "/link/?ticket=" + ticket + "&app_id=" + SlackWorkspace.APP_ID;
  }

  private synchronized boolean redeem(String ticket) {
    Instant issued = ticket == null ? null : tickets.remove(ticket);
    return issued != null && clock.instant().isBefore(issued.plus(TICKET_LIFETIME));
  }

  void configure(WsConfig ws) {
    ws.onConnect(ctx -> {
      if (!redeem(ctx.queryParam("ticket"))) {
        log.info("refused a Socket Mode connection without a valid ticket");
        ctx.closeSession(1008, "invalid ticket");
        return;
      }
      ctx.session.setIdleTimeout(Duration.ZERO);
      connections.add(ctx);
      send(ctx, hello());
      synchronized (this) {
        notifyAll();
      }
    });
    ws.onMessage(ctx -> acknowledge(ctx.message()));
    ws.onClose(ctx -> connections.remove(ctx));
    ws.onError(ctx -> connections.remove(ctx));
  }

  private String hello() {
    JsonObject hello = new JsonObject();
    hello.addProperty("type", "hello");
    hello.addProperty("num_connections", connections.size());
    JsonObject debug = new JsonObject();
    debug.addProperty("host", "applink-sandbox");
    debug.addProperty("build_number", 1);
    debug.addProperty("approximate_connection_time", 18060);
    hello.add("debug_info", debug);
    JsonObject info = new JsonObject();
    info.addProperty("app_id", SlackWorkspace.APP_ID);
    hello.add("connection_info", info);
    return Json.write(hello);
  }

  private void acknowledge(String message) {
    Optional<JsonObject> ack = Json.parseObject(message);
    Optional<String> envelopeId = ack.flatMap(a -> Json.string(a, "envelope_id"));
    CompletableFuture<Optional<JsonElement>> waiting = envelopeId.map(acks::remove).orElse(null);
    if (waiting == null) {
      log.warn("a Socket Mode message that acknowledges no envelope: {}", message);
      return;
    }
    waiting.complete(ack.map(a -> a.get("payload")).filter(p -> !p.isJsonNull()));
  }

  boolean connected() {
    return !connections.isEmpty();
  }

  /** Waits until a Socket Mode client has connected. */
  void awaitConnection(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (connections.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no Socket Mode client connected within " + timeout);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a Socket Mode client", e);
        }
      }
    }
  }

  /** Sends one envelope on the newest connection and waits for its acknowledgement. */
  BotResponse deliver(Outgoing outgoing, Duration ackTimeout) {
    if (outgoing.kind() == Outgoing.Kind.URL_VERIFICATION) {
      throw new IllegalStateException("Slack sends no url_verification to an app that uses Socket Mode");
    }
    List<WsContext> open = List.copyOf(connections);
    if (open.isEmpty()) {
      throw new IllegalStateException("no Socket Mode client is connected");
    }
    WsContext connection = open.get(open.size() - 1);
    String envelopeId = ids.uuid();
    JsonObject envelope = new JsonObject();
    envelope.addProperty("envelope_id", envelopeId);
    envelope.add("payload", outgoing.payload());
    envelope.addProperty("type", outgoing.kind().envelopeType);
    envelope.addProperty("accepts_response_payload", outgoing.kind().acceptsResponsePayload);
    if (outgoing.kind() == Outgoing.Kind.EVENT) {
      envelope.addProperty("retry_attempt", outgoing.retryAttempt());
      envelope.addProperty("retry_reason", outgoing.retryReason());
    }
    String text = Json.write(envelope);
    SentRequest sent = new SentRequest(outgoing.kind().envelopeType, Map.of(), text, outgoing.payloadJson(),
        outgoing.eventId());
    CompletableFuture<Optional<JsonElement>> ack = new CompletableFuture<>();
    acks.put(envelopeId, ack);
    long start = System.nanoTime();
    send(connection, text);
    try {
      Optional<JsonElement> payload = ack.get(ackTimeout.toNanos(), TimeUnit.NANOSECONDS);
      return new BotResponse(BotResponse.Transport.SOCKET_MODE, 200, Map.of(), payload.map(Json::write).orElse(""),
          Duration.ofNanos(System.nanoTime() - start), sent);
    } catch (TimeoutException e) {
      acks.remove(envelopeId);
      return new BotResponse(BotResponse.Transport.SOCKET_MODE, 0, Map.of(), "",
          Duration.ofNanos(System.nanoTime() - start), sent);
    } catch (ExecutionException e) {
      throw new IllegalStateException("an acknowledgement cannot fail", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the bot's acknowledgement", e);
    }
  }

  void closeAll() {
    for (WsContext connection : connections) {
      try {
        connection.closeSession(1001, "going away");
      } catch (RuntimeException e) {
        log.debug("closing a Socket Mode connection failed", e);
      }
    }
    connections.clear();
  }

  private static void send(WsContext connection, String text) {
    synchronized (connection) {
      connection.send(text);
    }
  }
}
