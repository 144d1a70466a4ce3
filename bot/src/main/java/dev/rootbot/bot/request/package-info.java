/**
 * A root request and its life: {@link dev.rootbot.bot.request.RootRequest}, its
 * {@link dev.rootbot.bot.request.State}s and the {@link dev.rootbot.bot.request.Action}s between them; no I/O.
 */
package dev.rootbot.bot.request;
