package dev.rootbot.sandbox.aws.s3;

import java.time.Instant;
import java.util.Optional;

/** A bucket as it is at one moment: its owner account, region and bucket policy (empty when it has none). */
public record Bucket(String name, String account, String region, Instant created, Optional<String> policy) {

  public String arn() {
    return "arn:aws:s3:::" + name;
  }
}
