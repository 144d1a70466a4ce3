package dev.rootbot.bot.store;

import dev.rootbot.bot.request.RequestId;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit log.
 *
 * @param seq its position in the log, increasing
 * @param actor a Slack user ID, or "rootbot" for what Rootbot did by itself
 * @param event what happened: "request", "approve", "start", "session", "backup", "refused approve", …
 * @param detail the rest, in words
 */
public record AuditEntry(long seq, Instant at, Optional<RequestId> request, String actor, String event,
    String detail) {}
