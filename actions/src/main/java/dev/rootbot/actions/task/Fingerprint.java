package dev.rootbot.actions.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 (hex) of the normalized state a change depends on. Two reads give the same fingerprint exactly
 * when what an approver saw is unchanged; each task's {@link RootTask#plan} javadoc says what its normalized
 * form holds and leaves out.
 */
public record Fingerprint(String sha256) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Fingerprint {
    if (sha256 == null || !HEX.matcher(sha256).matches()) {
      throw new InvalidInput("a fingerprint is 64 lowercase hexadecimal digits (a SHA-256); got " + Quote.of(sha256));
    }
  }

  /**
   * The fingerprint of a normalized form given as lines, joined with newlines. A line may not contain a newline,
   * so that no two different lists of lines give the same text.
   */
  public static Fingerprint ofLines(String... lines) {
    for (String line : lines) {
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a line of a normalized form has no newline: " + Quote.of(line));
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
      return new Fingerprint(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The first 8 digits, for a card or a confirmation: "sha256 1a2b3c4d". */
  public String shortForm() {
    return sha256.substring(0, 8);
  }

  @Override
  public String toString() {
    return sha256;
  }
}
