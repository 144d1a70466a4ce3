package dev.rootbot.actions.task;

/**
 * What a task found and left: a one-line headline, the state before and after in words, and the region
 * whose CloudTrail holds the session's calls.
 */
public record TaskReport(String headline, String before, String after, AwsRegion eventsRegion) {
  /** The same report under another headline. */
  public TaskReport withHeadline(String replaced) {
    return new TaskReport(replaced, before, after, eventsRegion);
  }
}
