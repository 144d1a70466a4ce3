/**
 * Durable memory on SQLite or PostgreSQL: requests, the append-only audit log, the outbox for Slack and
 * seen events. Start with {@link dev.rootbot.bot.store.Store#open}.
 */
package dev.rootbot.bot.store;
