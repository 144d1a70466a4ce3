/**
 * The sandbox page: a web page, served by the simulated Slack workspace beside its Web API, that looks and
 * behaves like a Slack channel, so that people can try Rootbot in a browser with no Slack or AWS account.
 *
 * <p>It exists only for the sandbox. Whoever can load it can act as anyone in the workspace; everything it
 * does goes through the workspace's signed sender, so the bot receives exactly what Slack would send. The
 * browser side is plain JavaScript modules and CSS under {@code resources/…/page/assets}, with no build step.
 */
package dev.rootbot.sandbox.slack.page;
