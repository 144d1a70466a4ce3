package dev.rootbot.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.rootbot.bot.flow.Alerts;
import dev.rootbot.bot.request.ChannelId;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts and anchors to {@code ROOTBOT_ALERT_CHANNEL} with {@code chat.postMessage}, directly: not through
 * the outbox, which is kept in the very database whose tampering an alert reports (and belongs to requests).
 * Tries {@link #ATTEMPTS} times, waiting between tries (Slack's {@code Retry-After} on a 429), then gives up and
 * says so in the log; Slack's refusals (a wrong or archived channel, a bot not invited) are not retried.
 *
 * <p>Blocks while it waits: call it from a thread of its own, never the timer that keeps leases alive.
 */
public final class AlertChannel implements Alerts {
  /** How many times one alert is tried. */
  static final int ATTEMPTS = 4;
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(AlertChannel.class);

  /** Waits between tries; tests pass one that does not. */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final MethodsClient slack;
  private final ChannelId channel;
  private final Pause pause;

  public AlertChannel(MethodsClient slack, ChannelId channel, Pause pause) {
    this.slack = Objects.requireNonNull(slack, "slack");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  public AlertChannel(MethodsClient slack, ChannelId channel) {
    this(slack, channel, duration -> Thread.sleep(duration.toMillis()));
  }

  @Override
  public boolean post(String mrkdwn) {
    String why = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Duration wait = Duration.ofSeconds(1L << (attempt - 1));
      try {
        var response = slack.chatPostMessage(r -> r.channel(channel.value()).text(mrkdwn).unfurlLinks(false)
            .unfurlMedia(false));
        if (response.isOk()) {
          return true;
        }
        why = String.valueOf(response.getError());
        if (!why.equals("ratelimited") && !why.startsWith("internal_error") && !why.equals("service_unavailable")) {
          log.error("Slack refused the alert for channel {} ({}): check ROOTBOT_ALERT_CHANNEL and invite the bot there",
              channel, why);
          return false;
        }
      } catch (SlackApiException e) {
        why = "HTTP " + e.getResponse().code();
        if (e.getResponse().code() == 429) {
          wait = retryAfter(e.getResponse().header("Retry-After"));
        }
      } catch (IOException | RuntimeException e) {
        why = "no answer from Slack: " + e.getMessage();
      }
      if (attempt < ATTEMPTS) {
        try {
          pause.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    log.error("Could not post to the alert channel {} after {} tries ({})", channel, ATTEMPTS, why);
    return false;
  }

  static Duration retryAfter(String header) {
    try {
      long seconds = Long.parseLong(header == null ? "1" : header.strip());
      return Duration.ofSeconds(Math.max(1, Math.min(LONGEST_WAIT.toSeconds(), seconds)));
    } catch (NumberFormatException bad) {
      return LONGEST_WAIT;
    }
  }
}
