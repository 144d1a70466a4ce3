/**
 * What people type, read into a {@link dev.rootbot.bot.command.Command} or refused with a
 * {@link dev.rootbot.bot.command.UsageError}; no I/O. Start with {@link dev.rootbot.bot.command.Grammar}.
 */
package dev.rootbot.bot.command;
