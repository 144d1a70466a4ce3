package dev.rootbot.sandbox;

import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code slack} command: the port of the simulated Slack workspace and, if given, the bot's
 * {@code /slack/events} URL that its people send signed requests to, parsed from the arguments.
 */
record SlackCommand(int port, Optional<URI> botUrl) {

  static SlackCommand parse(String... args) throws UsageError {
    if (args.length == 0 || !args[0].equals("slack")) {
      throw new UsageError(args.length == 0 ? "name a command" : "unknown command '" + args[0] + "'");
    }
    Integer port = null;
    Optional<URI> botUrl = Optional.empty();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = AwsCommand.port(AwsCommand.value(args, i++));
          break;
        case "--bot-url":
          botUrl = Optional.of(url(AwsCommand.value(args, i++)));
          break;
        default:
          throw new UsageError("unknown argument '" + args[i] + "'");
      }
    }
    if (port == null) {
      throw new UsageError("--port is required");
    }
    return new SlackCommand(port, botUrl);
  }

  /** The demo workspace (its people, channels and approvers group), connected to the bot when a URL was given. */
  SlackWorkspace start() {
    SlackWorkspace slack = SlackWorkspace.onPort(port);
    botUrl.ifPresent(url -> slack.connectBot(url, SlackWorkspace.SIGNING_SECRET));
    return slack;
  }

  /** What a bot needs to be configured against the workspace; these are the sandbox's fixed, public values. */
  static void announce(SlackWorkspace slack, Optional<URI> botUrl, PrintStream out) {
    out.println("Simulated Slack workspace " + SlackWorkspace.TEAM_ID + " listening on " + slack.baseUrl());
    out.println("  SLACK_API_URL=" + slack.apiUrl());
    out.println("  SLACK_BOT_TOKEN=" + slack.botToken());
    out.println("  SLACK_SIGNING_SECRET=" + SlackWorkspace.SIGNING_SECRET);
    out.println("  sends to: " + botUrl.map(URI::toString).orElse("no bot (start with --bot-url URL to connect one)"));
    out.flush();
  }

  private static URI url(String text) throws UsageError {
    try {
      URI uri = URI.create(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new UsageError("--bot-url takes the bot's events URL, like http://127.0.0.1:3000/slack/events, not '"
        + text + "'");
  }
}
