package dev.rootbot.sandbox.slack;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers requests to the bot the way it is connected: over its Socket Mode connection when it has one
 * open (Slack then sends nothing over HTTP), otherwise to its Request URL, signed.
 */
final class Dispatcher {
  static final Duration SLACK_ACK_TIMEOUT = Duration.ofSeconds(3);

  private final SocketMode socketMode;
  private final Clock clock;
  private final Map<String, Outgoing> eventsById = new ConcurrentHashMap<>();
  private volatile HttpBot httpBot;
  private volatile Duration ackTimeout = SLACK_ACK_TIMEOUT;

  Dispatcher(SocketMode socketMode, Clock clock) {
    this.socketMode = socketMode;
    this.clock = clock;
  }

  void connect(URI eventsUrl, String signingSecret) {
    httpBot = new HttpBot(eventsUrl, signingSecret, clock);
  }

  void ackTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("an acknowledgement timeout is positive: " + timeout);
    }
    ackTimeout = timeout;
  }

  BotResponse deliver(Outgoing outgoing, Signing signing) {
    outgoing.eventId().ifPresent(id -> eventsById.putIfAbsent(id, outgoing));
    if (socketMode.connected() && outgoing.kind() != Outgoing.Kind.URL_VERIFICATION) {
      return socketMode.deliver(outgoing, ackTimeout);
    }
    return http().deliver(outgoing, signing, ackTimeout);
  }

  /** Sends an event again with the same {@code event_id}, as Slack retries one the bot did not acknowledge. */
  BotResponse redeliver(String eventId, int attempt, String reason) {
    if (attempt < 1) {
      throw new IllegalArgumentException("Slack numbers its retries from 1: " + attempt);
    }
    Outgoing original = eventsById.get(eventId);
    if (original == null) {
      throw new IllegalArgumentException("no event " + eventId + " was sent; sent: " + eventsById.keySet());
    }
    return deliver(original.retried(attempt, Objects.requireNonNull(reason, "reason")), Signing.asSlack());
  }

  /** Sends a request that went out over HTTP once more, byte for byte and header for header. */
  BotResponse replay(SentRequest sent) {
    return http().resend(sent, ackTimeout);
  }

  /** Sends a body as it is, over HTTP, for requests that Slack would never send. */
  BotResponse deliverRaw(String contentType, String body, Signing signing) {
    Outgoing stands = new Outgoing(Outgoing.Kind.EVENT, "{}", 0, "");
    return http().deliver("raw", contentType, body, body, stands, signing, ackTimeout);
  }

  private HttpBot http() {
    HttpBot bot = httpBot;
    if (bot == null) {
      throw new IllegalStateException("no bot is connected: call connectBot(eventsUrl, signingSecret), or connect "
          + "the bot with Socket Mode using the app token");
    }
    return bot;
  }
}
