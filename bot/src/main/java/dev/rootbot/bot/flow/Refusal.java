package dev.rootbot.bot.flow;

/**
 * Why Rootbot will not do what someone asked, as Slack text for that person only. Nothing was recorded as
 * a request and nothing reached AWS.
 */
public final class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Refusal(String mrkdwn) {
    super(mrkdwn);
  }

  public Refusal(String mrkdwn, Throwable cause) {
    super(mrkdwn, cause);
  }

  /** The message for the person, already safe to post. */
  public String mrkdwn() {
    return getMessage();
  }
}
