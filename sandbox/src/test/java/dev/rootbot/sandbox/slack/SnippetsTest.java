package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The examples in the documentation, run as written. */
class SnippetsTest {
  private final List<ExampleBot> bots = new ArrayList<>();

  @AfterEach
  void stopBots() throws Exception {
    for (ExampleBot bot : bots) {
      bot.close();
    }
  }

  @Test
  void the_slack_workspace_class_example_runs() {
    Message outcome;
    // --- the example in SlackWorkspace's class documentation, unchanged ---
    try (SlackWorkspace slack = SlackWorkspace.onFreePort()) {
      URI bot = startBot(slack.apiUrl(), slack.botToken(), SlackWorkspace.SIGNING_SECRET); // the bot under test
      slack.connectBot(bot, SlackWorkspace.SIGNING_SECRET);

      slack.as(ALICE).slashCommand("/root", "unlock bucket payments-audit-logs in account 222222222222"
          + " because the auditors are locked out", INCIDENT_42);
      Message card = slack.awaitMessage(INCIDENT_42, m -> m.actionIds().contains("approve"), Duration.ofSeconds(5));
      slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
      /* Message */ outcome = slack.awaitReply(INCIDENT_42, card.ts(), m -> m.allText().contains("Succeeded"),
          Duration.ofSeconds(30));
    }
    // ---

    assertThat(outcome.fromBot()).isTrue();
    assertThat(outcome.isReply()).isTrue();
  }

  private URI startBot(String apiUrl, String botToken, String signingSecret) {
    ExampleBot bot = ExampleBot.start(apiUrl, botToken, signingSecret);
    bots.add(bot);
    return bot.eventsUrl();
  }
}
