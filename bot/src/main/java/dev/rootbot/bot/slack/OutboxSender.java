package dev.rootbot.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.rootbot.bot.card.Card;
import dev.rootbot.bot.card.SlackMessage;
import dev.rootbot.bot.logging.RequestLog;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.store.Delivery;
import dev.rootbot.bot.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to Slack: cards, card updates and thread replies, each after the one before it for the
 * same request. When Slack is down or rate-limits (429 with {@code Retry-After}), a message waits and is sent
 * when Slack answers again, so no outcome is lost; Slack's permanent refusals (a deleted channel) are given
 * up and audited.
 *
 * <p>One background thread; {@link #nudge()} wakes it when something was queued. Cards are rendered from the
 * request as it is when sent, so an update after an outage shows the latest truth.
 */
public final class OutboxSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Set<String> PERMANENT = Set.of("channel_not_found", "is_archived", "not_in_channel",
      "invalid_blocks", "msg_too_long", "no_text", "message_not_found", "cant_update_message", "restricted_action");
  private static final int GIVE_UP_AFTER = 50;
  private static final Duration LEASE = Duration.ofMinutes(1);
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);

  private final Store store;
  private final MethodsClient slack;
  private final Card card;
  private final Clock clock;
  private final Metrics metrics;
  private final Semaphore wake = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  public OutboxSender(Store store, MethodsClient slack, Card card, Clock clock, Metrics metrics) {
    this.store = store;
    this.slack = slack;
    this.card = card;
    this.clock = clock;
    this.metrics = metrics;
    this.thread = new Thread(this::loop, "rootbot-outbox");
    this.thread.setDaemon(true);
    metrics.gauge("rootbot_outbox_pending", "Messages for Slack not yet delivered", () -> safePending());
  }

  public OutboxSender start() {
    thread.start();
    return this;
  }

  /** Something was queued: send it now rather than at the next poll. */
  public void nudge() {
    wake.release();
  }

  /** Sends every due message once; returns how many were delivered. For the loop and for tests. */
  public int sendDue() {
    int delivered = 0;
    List<Delivery> due;
    while (running && !(due = store.outbox().claimDue(20, LEASE)).isEmpty()) {
      int before = delivered;
      for (Delivery delivery : due) {
        if (RequestLog.call(delivery.request().value(), () -> send(delivery))) {
          delivered++;
        }
      }
      if (delivered == before) {
        break; // everything due failed: wait for the next nudge or poll
      }
    }
    return delivered;
  }

  private void loop() {
    while (running) {
      try {
        sendDue();
      } catch (RuntimeException e) {
        log.warn("Outbox: could not read the store; trying again shortly", e);
      }
      try {
        wake.tryAcquire(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private boolean send(Delivery delivery) {
    try {
      RootRequest request = store.requests().find(delivery.request()).orElseThrow();
      Optional<String> refused = deliver(delivery, request);
      if (refused.isEmpty()) {
        store.outbox().delivered(delivery.id());
        metrics.count("rootbot_slack_messages_total", "kind", delivery.message().kind().name(), "outcome", "delivered");
        metrics.delivered(delivery.message().kind().name(), delivery.enqueuedAt(), clock.instant());
        return true;
      }
      String error = refused.get();
      if (PERMANENT.contains(error) || delivery.attempts() >= GIVE_UP_AFTER) {
        log.warn("Outbox: Slack refused {} for request {} ({}); giving up", delivery.message().kind(),
            delivery.request().value(), error);
        store.outbox().giveUp(delivery.id(), "Slack answered " + error);
        metrics.count("rootbot_slack_messages_total", "kind", delivery.message().kind().name(), "outcome", "given_up");
      } else {
        retryLater(delivery, backoff(delivery.attempts()), error);
      }
    } catch (SlackApiException e) {
      Duration wait = e.getResponse().code() == 429 ? retryAfter(e) : backoff(delivery.attempts());
      retryLater(delivery, wait, "HTTP " + e.getResponse().code());
    } catch (IOException e) {
      retryLater(delivery, backoff(delivery.attempts()), "unreachable: " + e.getMessage());
    }
    return false;
  }

  /** Sends one message; empty when Slack took it, else Slack's error code. */
  private Optional<String> deliver(Delivery delivery, RootRequest request) throws IOException, SlackApiException {
    String channel = request.origin().channel().value();
    switch (delivery.message().kind()) {
      case POST_CARD:
        return request.card().isPresent() ? Optional.empty() : postCard(request);
      case UPDATE_CARD:
        if (request.card().isEmpty()) {
          return postCard(request); // the card was never posted (given up): post it as it is now
        }
        SlackMessage now = card.render(request);
        return error(slack.chatUpdate(r -> r.channel(channel).ts(request.card().get().value())
            .text(now.text()).blocksAsString(now.blocks())));
      case THREAD_REPLY:
        SlackMessage reply = SlackMessage.fromJson(delivery.message().body());
        String thread = request.card().or(() -> request.origin().thread()).map(MessageTs::value).orElse(null);
        return error(slack.chatPostMessage(r -> r.channel(channel).threadTs(thread).text(reply.text())
            .blocksAsString(reply.blocks()).unfurlLinks(false).unfurlMedia(false)));
      default:
        throw new IllegalStateException("unknown outbox message " + delivery.message().kind());
    }
  }

  private Optional<String> postCard(RootRequest request) throws IOException, SlackApiException {
    SlackMessage rendered = card.render(request);
    var response = slack.chatPostMessage(r -> r.channel(request.origin().channel().value())
        .threadTs(request.origin().thread().map(MessageTs::value).orElse(null))
        .text(rendered.text()).blocksAsString(rendered.blocks()).unfurlLinks(false).unfurlMedia(false));
    if (response.isOk()) {
      store.requests().cardPosted(request.id(), new MessageTs(response.getTs()));
      metrics.cardPosted(request.createdAt(), clock.instant());
    }
    return error(response);
  }

  private void retryLater(Delivery delivery, Duration wait, String why) {
    log.info("Outbox: Slack did not take {} for request {} ({}); retrying in {}s", delivery.message().kind(),
        delivery.request().value(), why, wait.toSeconds());
    metrics.count("rootbot_slack_messages_total", "kind", delivery.message().kind().name(), "outcome", "retried");
    store.outbox().retryAt(delivery.id(), clock.instant().plus(wait), why);
  }

  private static Optional<String> error(SlackApiTextResponse response) {
    return response.isOk() ? Optional.empty() : Optional.of(String.valueOf(response.getError()));
  }

  private static Duration retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
    } catch (NumberFormatException bad) {
      return Duration.ofSeconds(30);
    }
  }

  /** 1 s, 2 s, 4 s … up to a minute. */
  static Duration backoff(int attempts) {
    return Duration.ofSeconds(Math.min(60, 1L << Math.min(6, Math.max(0, attempts - 1))));
  }

  private long safePending() {
    try {
      return store.outbox().pending();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** Lets the message being sent finish (so its claim is settled), then stops; interrupts only a hung send. */
  @Override
  public void close() {
    running = false;
    wake.release();
    try {
      thread.join(15_000);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
