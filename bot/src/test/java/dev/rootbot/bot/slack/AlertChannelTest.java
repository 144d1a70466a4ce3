package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.sandbox.slack.ApiCall;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts go straight to Slack, outlast a rate limit or an outage for a few tries, and stop at a refusal. */
class AlertChannelTest {
  private final SlackWorkspace slack = SlackWorkspace.start(0, Clock.systemUTC());
  private final List<Duration> pauses = new ArrayList<>();

  @AfterEach
  void close() {
    slack.close();
  }

  private AlertChannel to(String channel) {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    return new AlertChannel(Slack.getInstance(config).methods(slack.botToken()), new ChannelId(channel), pauses::add);
  }

  @Test
  void an_alert_is_posted_in_the_channel_once() {
    assertThat(to(SlackWorkspace.PLATFORM).post(":rotating_light: broken")).isTrue();

    assertThat(slack.messages(SlackWorkspace.PLATFORM)).singleElement()
        .satisfies(message -> assertThat(message.allText()).isEqualTo(":rotating_light: broken"));
    assertThat(pauses).isEmpty();
  }

  @Test
  void a_rate_limit_is_waited_out_as_slack_says() {
    slack.faults().rateLimit("chat.postMessage", 2, Duration.ofSeconds(7));

    assertThat(to(SlackWorkspace.PLATFORM).post("anchor")).isTrue();

    assertThat(pauses).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    assertThat(slack.messages(SlackWorkspace.PLATFORM)).hasSize(1);
  }

  @Test
  void an_outage_longer_than_the_tries_gives_up_after_backing_off() {
    slack.faults().outage();

    assertThat(to(SlackWorkspace.PLATFORM).post("anchor")).isFalse();

    assertThat(slack.calls("chat.postMessage")).hasSize(AlertChannel.ATTEMPTS);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void a_channel_slack_does_not_know_is_not_tried_again() {
    assertThat(to("C0NOSUCHCHANNEL").post("anchor")).isFalse();

    assertThat(slack.calls("chat.postMessage")).extracting(ApiCall::ok).containsExactly(false);
    assertThat(pauses).isEmpty();
  }
}
