package dev.rootbot.actions.trail;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds links to CloudTrail's console event history for a root session.
 *
 * <p>{@code AssumeRoot} is logged in the caller's account, in the STS region; the session's own calls are
 * logged in the member account with the session's access key ID, the only key that correlates the two.
 * The console's {@code #/events?AccessKeyId=…} filter form is widely used but not documented by AWS, so
 * each result also gives the equivalent, documented {@code aws cloudtrail lookup-events} command.
 */
public final class TrailLinks {
  private TrailLinks() {}

  /** The caller account's history of AssumeRoot calls in the STS region. */
  public static TrailLink assumeRootCalls(AccountId caller, AwsRegion stsRegion) {
    return new TrailLink("AssumeRoot in the bot's account " + caller + " (" + stsRegion + ")",
        history(stsRegion, "EventName", "AssumeRoot"));
  }

  /** The member account's history of the session's calls; open it signed in to that account. */
  public static TrailLink sessionCalls(AccountId member, AwsRegion eventsRegion, String accessKeyId) {
    return new TrailLink("The root session's calls in account " + member + " (" + eventsRegion
        + ", access key " + accessKeyId + ")", history(eventsRegion, "AccessKeyId", accessKeyId));
  }

  /** One event, once CloudTrail has delivered it and its ID is known. */
  public static TrailLink event(String label, AwsRegion region, String eventId) {
    return new TrailLink(label, URI.create(console(region) + "#/events/" + encode(eventId)));
  }

  /** The documented CLI equivalent of {@link #sessionCalls}: run with credentials of the member account. */
  public static String lookupCommand(AwsRegion eventsRegion, String accessKeyId) {
    return "aws cloudtrail lookup-events --region " + eventsRegion
        + " --lookup-attributes AttributeKey=AccessKeyId,AttributeValue=" + accessKeyId;
  }

  private static URI history(AwsRegion region, String attribute, String value) {
    return URI.create(console(region) + "#/events?" + attribute + "=" + encode(value));
  }

  private static String console(AwsRegion region) {
    return "https://" + region + ".console.aws.amazon.com/cloudtrailv2/home?region=" + region;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
