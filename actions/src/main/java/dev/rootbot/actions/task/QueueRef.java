package dev.rootbot.actions.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SQS queue as a person names it: by name, by URL, or by ARN. A URL or ARN also says which account
 * owns the queue and, usually, its region.
 */
public record QueueRef(String name, Optional<AccountId> owner, Optional<AwsRegion> region) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}(\\.fifo)?|[A-Za-z0-9_-]{1,80}");
  private static final Pattern ARN =
      Pattern.compile("arn:aws(?:-cn|-us-gov)?:sqs:([a-z0-9-]+):(\\d{12}):([^:/]+)");
  private static final Pattern PATH = Pattern.compile("/(\\d{12})/([^/]+)/?");
  private static final Pattern SQS_HOST = Pattern.compile("sqs\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");
  private static final Pattern LEGACY_HOST = Pattern.compile("([a-z0-9-]+)\\.queue\\.amazonaws\\.com(\\.cn)?");

  public QueueRef {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInput(
          "a queue name is 1–80 letters, digits, hyphens and underscores (FIFO queues end in .fifo); got "
              + Quote.of(name));
    }
  }

  /** Reads a queue name, a queue URL ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}) or an ARN. */
  public static QueueRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInput("name the queue: its name, its URL or its ARN");
    }
    String t = text.strip();
    if (t.startsWith("arn:")) {
      Matcher arn = ARN.matcher(t);
      if (!arn.matches()) {
        throw new InvalidInput("a queue ARN looks like arn:aws:sqs:us-east-1:111122223333:my-queue; got " + Quote.of(t));
      }
      return new QueueRef(arn.group(3), Optional.of(new AccountId(arn.group(2))), Optional.of(AwsRegion.parse(arn.group(1))));
    }
    if (t.startsWith("https://") || t.startsWith("http://")) {
      return fromUrl(t);
    }
    return new QueueRef(t, Optional.empty(), Optional.empty());
  }

  private static QueueRef fromUrl(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidInput("a queue URL looks like https://sqs.us-east-1.amazonaws.com/111122223333/my-queue; got " + Quote.of(text));
    }
    Matcher path = PATH.matcher(uri.getPath() == null ? "" : uri.getPath());
    if (uri.getHost() == null || !path.matches()) {
      throw new InvalidInput("a queue URL looks like https://sqs.us-east-1.amazonaws.com/111122223333/my-queue; got " + Quote.of(text));
    }
    return new QueueRef(path.group(2), Optional.of(new AccountId(path.group(1))), regionOf(uri.getHost()));
  }

  private static Optional<AwsRegion> regionOf(String host) {
    if (host.equals("queue.amazonaws.com")) {
      return Optional.of(AwsRegion.US_EAST_1);
    }
    for (Pattern pattern : new Pattern[] {SQS_HOST, LEGACY_HOST}) {
      Matcher m = pattern.matcher(host);
      if (m.matches()) {
        return Optional.of(AwsRegion.parse(m.group(1)));
      }
    }
    return Optional.empty(); // a local endpoint: the region comes from the request
  }

  /** As a person wrote it, shortest form: the name. */
  @Override
  public String toString() {
    return name;
  }
}
