package dev.rootbot.sandbox.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;

/** The unmodified Slack Java SDK, pointed at a workspace, as the bot sets it up with {@code SLACK_API_URL}. */
final class SlackClients {
  private SlackClients() {}

  static Slack slack(SlackWorkspace workspace) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
    // Stats would make the SDK call auth.test once per token before the first call, which muddles counts of calls.
    config.setStatsEnabled(false);
    // Any field the SDK does not know is a misspelling in the simulation's answers.
    config.setFailOnUnknownProperties(true);
    return Slack.getInstance(config);
  }

  static MethodsClient bot(SlackWorkspace workspace) {
    return slack(workspace).methods(workspace.botToken());
  }
}
