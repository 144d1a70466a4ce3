package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Messages for Slack waiting to be sent, so that nothing is lost while Slack is down or rate-limits us.
 * Messages about one request go out in the order they were queued: a later one waits until every
 * earlier one is delivered or given up.
 *
 * <pre>{@code
 * for (Delivery d : outbox.claimDue(me, 10, Duration.ofSeconds(30))) {
 *   try { slack.send(d); outbox.delivered(d.id()); }
 *   catch (RateLimited e) { outbox.retryAt(d.id(), now.plus(e.retryAfter()), "rate limited"); }
 * }
 * }</pre>
 *
 * <p>Delivery is at least once: a message whose lease runs out before it is reported is claimed again, so a
 * sender checks with Slack whether a message claimed before ({@link Delivery#attempts()} above 1) already arrived.
 */
public interface Outbox {

  /** Queues a message on its own; to queue it with a change, use a {@link Report}. Returns its id. */
  long enqueue(RequestId request, Outgoing message);

  /**
   * Claims up to {@code limit} messages that are due, the oldest unsent one of each request, for
   * {@code lease}: until then no other caller or replica claims them.
   */
  List<Delivery> claimDue(ReplicaId sender, int limit, Duration lease);

  /** Slack has it. */
  void delivered(long id);

  /** Sending failed; try again from {@code notBefore}, e.g. now plus Slack's {@code Retry-After}. */
  void retryAt(long id, Instant notBefore, String error);

  /** Stop trying (e.g. the channel is gone); the next message of the request can go. Audited. */
  void giveUp(long id, String why);

  /**
   * Makes the messages claimed by replicas that stopped, or have not said they are alive for {@code lease}, due
   * now instead of at the end of their claim. A live replica's claims are never taken. Returns how many.
   */
  int releaseClaimsOfGone(Duration lease);

  /** How many messages are neither delivered nor given up. */
  int pending();
}
