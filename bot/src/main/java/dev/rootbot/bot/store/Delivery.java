package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RequestId;
import java.time.Instant;

/**
 * A message claimed from the outbox for sending: send it, then report {@code delivered}, {@code retryAt}
 * or {@code giveUp} with its {@code id}.
 *
 * @param attempts how many times it has been claimed, this time included
 */
public record Delivery(long id, RequestId request, Outgoing message, int attempts, Instant enqueuedAt) {}
