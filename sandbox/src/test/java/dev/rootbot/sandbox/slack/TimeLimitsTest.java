package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slack's time limits, on a workspace whose clock the test moves. */
class TimeLimitsTest {
  static final String FORM = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Root task\"},"
      + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Hello\"}}]}";

  SettableClock clock = SettableClock.now();
  SlackWorkspace workspace;
  RecordingBot bot;
  MethodsClient client;

  @BeforeEach
  void start() {
    workspace = SlackWorkspace.start(0, clock);
    bot = RecordingBot.onFreePort();
    workspace.connectBot(bot.eventsUrl(), SlackWorkspace.SIGNING_SECRET);
    client = SlackClients.bot(workspace);
  }

  @AfterEach
  void stop() {
    bot.close();
    workspace.close();
  }

  @Test
  void a_trigger_id_opens_a_view_within_three_seconds() throws Exception {
    String trigger = triggerOfACommand();
    clock.advance(Duration.ofMillis(2999));

    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(trigger).viewAsString(FORM));

    assertThat(opened.isOk()).isTrue();
  }

  @Test
  void a_trigger_id_three_seconds_old_has_expired() throws Exception {
    String trigger = triggerOfACommand();
    clock.advance(Duration.ofSeconds(3));

    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(trigger).viewAsString(FORM));

    assertThat(opened.getError()).isEqualTo("expired_trigger_id");
    assertThat(workspace.openViews(ALICE)).isEmpty();
  }

  @Test
  void signatures_carry_the_workspace_clock_time() {
    clock.advance(Duration.ofMinutes(2));

    BotResponse response = workspace.as(ALICE).slashCommand("/root", "status", INCIDENT_42);

    assertThat(response.request().headers().get("X-Slack-Request-Timestamp"))
        .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
  }

  @Test
  void message_timestamps_strictly_increase_even_when_the_clock_stands_still() throws Exception {
    String first = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("one")).getTs();
    String second = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("two")).getTs();

    assertThat(first).startsWith(Long.toString(clock.instant().getEpochSecond()));
    assertThat(new java.math.BigDecimal(second)).isGreaterThan(new java.math.BigDecimal(first));
  }

  private String triggerOfACommand() {
    BotResponse response = workspace.as(ALICE).slashCommand("/root", "", INCIDENT_42);
    return SlackAlgorithm.form(response.request().body()).get("trigger_id");
  }
}
