package dev.rootbot.bot.flow;

/**
 * The channel where Rootbot tells the people who watch it about itself (a broken audit chain, the daily
 * anchor), apart from any request: {@code ROOTBOT_ALERT_CHANNEL}, or nowhere when it is not set.
 */
@FunctionalInterface
public interface Alerts {
  /** No channel: every post is left to the log. */
  Alerts NONE = mrkdwn -> false;

  /**
   * Posts {@code mrkdwn}, trying again for a while when Slack is down or rate-limits.
   *
   * @return whether Slack took it; when not, the caller's log line is all there is
   */
  boolean post(String mrkdwn);
}
