package dev.rootbot.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.Message;
import dev.rootbot.bot.card.Announcement;
import dev.rootbot.bot.card.Card;
import dev.rootbot.bot.card.FleetFile;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import dev.rootbot.bot.card.SlackMessage;
import dev.rootbot.bot.logging.RequestLog;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.store.Delivery;
import dev.rootbot.bot.store.ReplicaId;
import dev.rootbot.bot.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to Slack: cards, card updates and thread replies, each after the one before it for the
 * same request. When Slack is down or rate-limits (429 with {@code Retry-After}), a message waits and is sent
 * when Slack answers again, so no outcome is lost; Slack's permanent refusals (a deleted channel) are given
 * up and audited.
 *
 * <p>People see each card and each reply once. Every post carries message metadata naming its request and its
 * outbox message. A message claimed before (its earlier sender died, or Slack's answer was lost or late) may
 * already be in Slack, so before posting it again the sender looks for it in the channel or thread
 * ({@code conversations.history} / {@code conversations.replies} with {@code include_all_metadata}) and, when
 * found, takes it as delivered. A duplicate card that slipped out all the same is retired when someone clicks
 * on it: updated to point at the real card, without buttons.
 *
 * <p>Per replica, one background thread claims what is due and {@link #SENDERS} threads send it: the messages of
 * different requests go out side by side, those of one request one after another (the outbox never lets a request's
 * next message be claimed while an earlier one is unsent). Any replica may send any request's messages, each claimed
 * with a lease. {@link #nudge()} wakes the claiming thread when something was queued. Cards are rendered from the
 * request as it is when sent, so an update after an outage shows the latest truth.
 */
public final class OutboxSender implements AutoCloseable {
  /** The metadata event type of every message Rootbot posts. */
  public static final String EVENT_TYPE = "rootbot_message";

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  private static final Set<String> PERMANENT = Set.of("channel_not_found", "is_archived", "not_in_channel",
      "invalid_blocks", "msg_too_long", "no_text", "message_not_found", "cant_update_message", "restricted_action");
  private static final int GIVE_UP_AFTER = 50;
  /**
   * How many messages one replica sends at once. Each send waits on Slack for tens of milliseconds; one at a time,
   * a burst of requests waited seconds for its cards behind each other's.
   */
  static final int SENDERS = 8;
  static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration IDLE_POLL = Duration.ofSeconds(1);
  /** How far before a message was queued to look for it in Slack: clocks of Slack and the replicas differ. */
  private static final Duration LOOK_BACK = Duration.ofMinutes(2);
  /** Sends a file's bytes to the upload URL Slack gave; never redirected, never resent by itself. */
  private static final HttpClient UPLOADS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private final Store store;
  private final MethodsClient slack;
  private final Card card;
  private final Clock clock;
  private final Metrics metrics;
  private final ReplicaId me;
  private final Semaphore wake = new Semaphore(0);
  private final Semaphore free = new Semaphore(SENDERS);
  private final ExecutorService senders;
  private final Thread thread;
  private final AtomicBoolean warnedNoHistory = new AtomicBoolean();
  private volatile boolean running = true;

  public OutboxSender(Store store, MethodsClient slack, Card card, Clock clock, Metrics metrics, ReplicaId me) {
    this.store = store;
    this.slack = slack;
    this.card = card;
    this.clock = clock;
    this.metrics = metrics;
    this.me = me;
    this.thread = new Thread(this::loop, "rootbot-outbox");
    this.thread.setDaemon(true);
    var count = new AtomicInteger();
    this.senders = Executors.newFixedThreadPool(SENDERS, runnable -> {
      var sender = new Thread(runnable, "rootbot-outbox-" + count.incrementAndGet());
      sender.setDaemon(true);
      return sender;
    });
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

  /**
   * Sends what is due on the calling thread, until nothing is due or a round delivers nothing; returns how many were
   * delivered. For tests: the running sender claims and sends the same from its own threads.
   */
  public int sendDue() {
    int delivered = 0;
    List<Delivery> due;
    while (running && !(due = store.outbox().claimDue(me, SENDERS, LEASE)).isEmpty()) {
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

  /**
   * Claims as many due messages as there are free senders and hands each to one; a sender that finishes wakes this
   * loop, since the next message of its request may now be due.
   */
  private void loop() {
    while (running) {
      int slots;
      try {
        free.acquire();
        slots = 1 + free.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      List<Delivery> due = List.of();
      try {
        due = running ? store.outbox().claimDue(me, slots, LEASE) : List.of();
      } catch (RuntimeException e) {
        log.warn("Outbox: could not read the store ({}); trying again shortly", e.getMessage());
      }
      free.release(slots - due.size());
      for (Delivery delivery : due) {
        senders.execute(() -> {
          try {
            RequestLog.call(delivery.request().value(), () -> send(delivery));
          } catch (RuntimeException e) {
            log.warn("Outbox: could not settle {} for request {} ({}); it is sent again when its claim runs out",
                delivery.message().kind(), delivery.request().value(), e.getMessage());
          } finally {
            free.release();
            wake.release();
          }
        });
      }
      if (!due.isEmpty()) {
        continue; // there may be more: look again once a sender is free
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
    RootRequest request = store.requests().find(delivery.request()).orElseThrow();
    Optional<String> refused;
    try {
      refused = deliver(delivery, request);
    } catch (SlackApiException e) {
      Duration wait = e.getResponse().code() == 429 ? retryAfter(e) : backoff(delivery.attempts());
      retryLater(delivery, wait, "HTTP " + e.getResponse().code());
      return false;
    } catch (IOException e) {
      // Slack may or may not have it: the next attempt looks before posting again.
      retryLater(delivery, backoff(delivery.attempts()), "no answer from Slack: " + e.getMessage());
      return false;
    } catch (RuntimeException e) {
      // E.g. a 200 whose body is not JSON (a proxy's error page): Slack's side is unknown, so the same as above.
      retryLater(delivery, backoff(delivery.attempts()), "Slack's answer could not be read: " + e.getMessage());
      return false;
    }
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
    return false;
  }

  /** Sends one message; empty when Slack has it, else Slack's error code. */
  private Optional<String> deliver(Delivery delivery, RootRequest request) throws IOException, SlackApiException {
    String channel = request.origin().channel().value();
    switch (delivery.message().kind()) {
      case POST_CARD:
        return request.card().isPresent() ? Optional.empty() : postCard(delivery, request);
      case UPDATE_CARD:
        if (request.card().isEmpty()) {
          return postCard(delivery, request); // the card was never posted (given up): post it as it is now
        }
        SlackMessage now = render(request);
        return error(slack.chatUpdate(r -> r.channel(channel).ts(request.card().get().value())
            .text(now.text()).blocksAsString(now.blocks())));
      case THREAD_REPLY:
        Optional<MessageTs> thread = request.card().or(() -> request.origin().thread());
        if (delivery.attempts() > 1 && alreadyPosted(delivery, request, channel, thread).isPresent()) {
          return Optional.empty();
        }
        SlackMessage reply = SlackMessage.fromJson(delivery.message().body());
        return error(slack.chatPostMessage(r -> r.channel(channel).threadTs(thread.map(MessageTs::value).orElse(null))
            .text(reply.text()).blocksAsString(reply.blocks()).metadata(metadata(delivery))
            .unfurlLinks(false).unfurlMedia(false)));
      case RETIRE_DUPLICATE:
        return retire(request, new MessageTs(delivery.message().body()));
      case ANNOUNCE:
        Announcement announcement = Announcement.fromJson(delivery.message().body());
        String elsewhere = announcement.channel().value();
        if (delivery.attempts() > 1 && alreadyPosted(delivery, request, elsewhere, Optional.empty()).isPresent()) {
          return Optional.empty();
        }
        return error(slack.chatPostMessage(r -> r.channel(elsewhere).text(announcement.message().text())
            .blocksAsString(announcement.message().blocks()).metadata(metadata(delivery))
            .unfurlLinks(false).unfurlMedia(false)));
      case PROGRESS:
        return progress(delivery, request, channel);
      case UPLOAD:
        return upload(FleetFile.fromJson(delivery.message().body()), channel,
            request.card().or(() -> request.origin().thread()));
      default:
        throw new IllegalStateException("unknown outbox message " + delivery.message().kind());
    }
  }

  /** Posts the progress message in the thread the first time, and updates that one message after. */
  private Optional<String> progress(Delivery delivery, RootRequest request, String channel)
      throws IOException, SlackApiException {
    SlackMessage progress = SlackMessage.fromJson(delivery.message().body());
    Optional<MessageTs> posted = store.fleet().progressMessage(request.id());
    Optional<MessageTs> thread = request.card().or(() -> request.origin().thread());
    if (posted.isEmpty() && delivery.attempts() > 1) {
      posted = alreadyPosted(delivery, request, channel, thread).map(m -> new MessageTs(m.getTs()));
      posted.ifPresent(ts -> store.fleet().progressPosted(request.id(), ts));
    }
    if (posted.isPresent()) {
      String ts = posted.get().value();
      return error(slack.chatUpdate(r -> r.channel(channel).ts(ts).text(progress.text())
          .blocksAsString(progress.blocks())));
    }
    var response = slack.chatPostMessage(r -> r.channel(channel).threadTs(thread.map(MessageTs::value).orElse(null))
        .text(progress.text()).blocksAsString(progress.blocks()).metadata(metadata(delivery))
        .unfurlLinks(false).unfurlMedia(false));
    if (response.isOk()) {
      store.fleet().progressPosted(request.id(), new MessageTs(response.getTs()));
    }
    return error(response);
  }

  /**
   * Shares {@code file} in the thread in Slack's three steps: an upload URL, the bytes, then the share. A step with
   * no answer is an IOException, and the outbox tries the whole again (at worst the file is shared twice).
   */
  private Optional<String> upload(FleetFile file, String channel, Optional<MessageTs> thread)
      throws IOException, SlackApiException {
    byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
    var url = slack.filesGetUploadURLExternal(r -> r.filename(file.filename()).length(bytes.length));
    if (!url.isOk()) {
      return error(url);
    }
    var post = HttpRequest.newBuilder(URI.create(url.getUploadUrl())).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", "application/octet-stream").build();
    try {
      var answer = UPLOADS.send(post, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IOException("the upload URL answered " + answer.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while uploading " + file.filename(), e);
    }
    return error(slack.filesCompleteUploadExternal(r -> r.channelId(channel)
        .threadTs(thread.map(MessageTs::value).orElse(null))
        .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder().id(url.getFileId())
            .title(file.title()).build()))));
  }

  private Optional<String> postCard(Delivery delivery, RootRequest request) throws IOException, SlackApiException {
    if (delivery.attempts() > 1) {
      Optional<Message> posted = alreadyPosted(delivery, request, request.origin().channel().value(),
          request.origin().thread());
      if (posted.isPresent()) {
        store.requests().cardPosted(request.id(), new MessageTs(posted.get().getTs()));
        log.info("Outbox: the card of request {} was already in Slack ({}); not posting it again",
            request.id().value(), posted.get().getTs());
        return Optional.empty();
      }
    }
    SlackMessage rendered = render(request);
    var response = slack.chatPostMessage(r -> r.channel(request.origin().channel().value())
        .threadTs(request.origin().thread().map(MessageTs::value).orElse(null))
        .text(rendered.text()).blocksAsString(rendered.blocks()).metadata(metadata(delivery))
        .unfurlLinks(false).unfurlMedia(false));
    if (response.isOk()) {
      store.requests().cardPosted(request.id(), new MessageTs(response.getTs()));
      metrics.cardPosted(request.createdAt(), clock.instant());
    }
    return error(response);
  }

  /**
   * Updates a message that carries this request's card metadata but is not its card (a duplicate that slipped
   * out) to point at the real card, without buttons. Any other message is left alone.
   */
  private Optional<String> retire(RootRequest request, MessageTs duplicate) throws IOException, SlackApiException {
    if (request.card().map(duplicate::equals).orElse(true)) {
      return Optional.empty();
    }
    Optional<Message> found = find(request.origin().channel().value(), request.origin().thread(), duplicate.value(),
        m -> m.getTs().equals(duplicate.value()) && request.id().value().equals(payload(m).get("request_id")));
    if (found.isEmpty()) {
      return Optional.empty(); // not one of this request's cards: nothing to retire
    }
    SlackMessage retired = card.duplicate(request);
    return error(slack.chatUpdate(r -> r.channel(request.origin().channel().value()).ts(duplicate.value())
        .text(retired.text()).blocksAsString(retired.blocks())));
  }

  private SlackMessage render(RootRequest request) {
    int ahead = request.state() == State.APPROVED ? store.requests().approvedAhead(request.id()) : 0;
    return card.render(request, ahead);
  }

  /** The message Slack already has for this outbox message, if a previous attempt did post it. */
  private Optional<Message> alreadyPosted(Delivery delivery, RootRequest request, String channel,
      Optional<MessageTs> thread) throws IOException, SlackApiException {
    String oldest = slackTs(delivery.enqueuedAt().minus(LOOK_BACK));
    return find(channel, thread, oldest, m -> String.valueOf(delivery.id()).equals(payload(m).get("message"))
        && request.id().value().equals(payload(m).get("request_id")));
  }

  private Optional<Message> find(String channel, Optional<MessageTs> thread, String oldest,
      java.util.function.Predicate<Message> matching) throws IOException, SlackApiException {
    List<Message> messages;
    String error;
    if (thread.isPresent()) {
      var replies = slack.conversationsReplies(r -> r.channel(channel).ts(thread.get().value()).oldest(oldest)
          .inclusive(true).limit(200).includeAllMetadata(true));
      messages = replies.getMessages();
      error = replies.isOk() ? null : replies.getError();
    } else {
      var history = slack.conversationsHistory(r -> r.channel(channel).oldest(oldest).inclusive(true).limit(200)
          .includeAllMetadata(true));
      messages = history.getMessages();
      error = history.isOk() ? null : history.getError();
    }
    if (error != null) {
      if (warnedNoHistory.compareAndSet(false, true)) {
        log.warn("Outbox: Slack would not show the channel's messages ({}), so a message whose first attempt had no"
            + " answer may be posted twice. Give the app the scopes channels:history and groups:history.", error);
      }
      return Optional.empty();
    }
    return messages == null ? Optional.empty() : messages.stream().filter(m -> m.getTs() != null)
        .filter(matching).findFirst();
  }

  private static Map<String, Object> payload(Message message) {
    Message.Metadata metadata = message.getMetadata();
    if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType()) || metadata.getEventPayload() == null) {
      return Map.of();
    }
    return metadata.getEventPayload();
  }

  private static Message.Metadata metadata(Delivery delivery) {
    return Message.Metadata.builder().eventType(EVENT_TYPE)
        .eventPayload(Map.of("request_id", delivery.request().value(), "message", String.valueOf(delivery.id())))
        .build();
  }

  /** A time as Slack writes a message's ts: seconds and microseconds. */
  static String slackTs(Instant at) {
    return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
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

  /** Lets the messages being sent finish (so their claims are settled), then stops; interrupts only hung sends. */
  @Override
  public void close() {
    running = false;
    wake.release();
    free.release(); // the loop may be waiting for a free sender
    try {
      thread.join(15_000);
      senders.shutdown();
      if (!senders.awaitTermination(15, TimeUnit.SECONDS)) {
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
      }
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
