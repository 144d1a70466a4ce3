package dev.rootbot.sandbox.aws;

/** A long-term access key pair that a seeded IAM user calls with; {@code toString} keeps the secret out of logs. */
public record CallerKey(String accessKeyId, String secretAccessKey) {
  @Override
  public String toString() {
    return "CallerKey[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>]";
  }
}
