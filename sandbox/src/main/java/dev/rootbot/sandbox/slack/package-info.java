/**
 * A simulated Slack workspace: an independent statement of how Slack behaves towards a bot, for the bot's
 * tests and for sandbox mode. It depends on no Slack library; its tests check it against the unmodified
 * Slack Java SDK and Bolt.
 *
 * <p>Start one with {@link dev.rootbot.sandbox.slack.SlackWorkspace#onFreePort()}, point the bot at
 * {@link dev.rootbot.sandbox.slack.SlackWorkspace#apiUrl()} ({@code SLACK_API_URL}) with
 * {@link dev.rootbot.sandbox.slack.SlackWorkspace#BOT_TOKEN}, then either tell the workspace the bot's
 * Request URL and signing secret ({@code connectBot}) or let the bot connect with Socket Mode using
 * {@link dev.rootbot.sandbox.slack.SlackWorkspace#APP_TOKEN}. People act through
 * {@link dev.rootbot.sandbox.slack.SlackWorkspace#as(Person)}; tests read and wait on what people would
 * see ({@code messages}, {@code thread}, {@code files}, {@code ephemeralsFor}, {@code openViews}, {@code await…}) and
 * on what the bot called ({@code calls}). The same port serves the sandbox page
 * ({@link dev.rootbot.sandbox.slack.page.SandboxPage}), where people act in a browser.
 *
 * <p>The seeded workspace ({@code T0SANDBOX}): Alice ({@code U0ALICE00}, engineer), Bob
 * ({@code U0BOB0000}, approver by ID), Carol ({@code U0CAROL00}, approver through user group
 * {@code S0APPROVE}), Dave ({@code U0DAVE000}, a guest), Erin ({@code U0ERIN000}, deactivated), and
 * Rootbot's bot user ({@code U0ROOTBOT}, bot {@code B0ROOTBOT}, app {@code A0ROOTBOT}); channels
 * {@code #incident-42} ({@code C0INCIDENT}) and {@code #platform} ({@code C0PLATFORM}).
 */
package dev.rootbot.sandbox.slack;
