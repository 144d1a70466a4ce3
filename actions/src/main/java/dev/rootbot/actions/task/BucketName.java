package dev.rootbot.actions.task;

import java.util.List;
import java.util.regex.Pattern;

/** The name of a general purpose S3 bucket, checked against S3's naming rules. */
public record BucketName(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> RESERVED_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  public BucketName {
    String problem = problem(value);
    if (problem != null) {
      throw new InvalidInput(
          "a bucket name is 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a"
              + " letter or digit; " + Quote.of(value) + " " + problem);
    }
  }

  public static BucketName of(String text) {
    return new BucketName(text == null ? null : text.strip());
  }

  private static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "is empty";
    }
    if (name.length() < 3 || name.length() > 63) {
      return "has " + name.length() + " characters";
    }
    if (!ALLOWED.matcher(name).matches()) {
      return name.chars().anyMatch(Character::isUpperCase)
          ? "has uppercase letters"
          : "has a character S3 does not allow, or starts or ends with one";
    }
    if (name.contains("..")) {
      return "has two dots in a row";
    }
    if (IP_ADDRESS.matcher(name).matches()) {
      return "looks like an IP address";
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return "starts with the reserved prefix " + prefix;
      }
    }
    for (String suffix : RESERVED_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return "ends with the reserved suffix " + suffix;
      }
    }
    return null;
  }

  /** The bucket's ARN, as CloudTrail and policies name it. */
  public String arn() {
    return "arn:aws:s3:::" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
