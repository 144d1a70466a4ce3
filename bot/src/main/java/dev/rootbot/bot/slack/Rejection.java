package dev.rootbot.bot.slack;

/**
 * Why a request to {@code /slack/events} was refused before any handler saw it: a small fixed set, so that it can
 * label a counter and group a log summary. The words are for operators, never for the caller.
 */
public enum Rejection {
  /** No {@code X-Slack-Request-Timestamp} or no {@code X-Slack-Signature}. */
  MISSING_SIGNATURE("missing_signature", "no signature"),
  /** The signature is not the HMAC of this timestamp and body under our signing secret. */
  BAD_SIGNATURE("bad_signature", "bad signature"),
  /** Correctly signed, but the timestamp is not plain decimal seconds. */
  BAD_TIMESTAMP("bad_timestamp", "timestamp not a number"),
  /** Correctly signed more than five minutes from now, in either direction: a replay or a wrong clock. */
  STALE_TIMESTAMP("stale_timestamp", "stale timestamp"),
  /** A body larger than any Slack sends. */
  TOO_LARGE("too_large", "body too large"),
  /** Correctly signed, but not a request Slack sends: the body cannot be read as a command, interaction or event. */
  UNREADABLE("unreadable", "not a Slack request");

  private final String label;
  private final String words;

  Rejection(String label, String words) {
    this.label = label;
    this.words = words;
  }

  /** The value of the {@code reason} label on {@code rootbot_slack_requests_total{outcome="refused"}}. */
  public String label() {
    return label;
  }

  /** A few words for the log. */
  public String words() {
    return words;
  }
}
