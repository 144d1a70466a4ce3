package dev.rootbot.sandbox.aws.sqs;

import java.time.Instant;
import java.util.Optional;

/** A queue as it is at one moment: owner account, region, URL and queue policy (empty when it has none). */
public record Queue(String name, String account, String region, String url, Instant created, Optional<String> policy) {

  public String arn() {
    return "arn:aws:sqs:" + region + ":" + account + ":" + name;
  }

  /** AWS's queue URL, {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}. */
  static String url(String region, String account, String name) {
    return "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
  }
}
