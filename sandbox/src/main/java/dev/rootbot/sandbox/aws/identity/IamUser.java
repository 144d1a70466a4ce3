package dev.rootbot.sandbox.aws.identity;

import java.util.Locale;
import java.util.Optional;

/** An IAM user that calls with a long-term access key, such as the bot's user in the management account. */
public record IamUser(String account, String userName, String accessKeyId, String secretAccessKey)
    implements Caller {

  @Override
  public String arn() {
    return "arn:aws:iam::" + account + ":user/" + userName;
  }

  @Override
  public Optional<String> sessionToken() {
    return Optional.empty();
  }

  @Override
  public String identityType() {
    return "IAMUser";
  }

  @Override
  public String principalId() {
    // Stable and shaped like a real user ID (AIDA + 17 characters), derived from the ARN.
    String digits = Integer.toUnsignedString(arn().hashCode(), 36).toUpperCase(Locale.ROOT);
    return ("AIDA" + digits + "EXAMPLE0000000000").substring(0, 21);
  }

  @Override
  public String toString() {
    return "IamUser[" + arn() + ", accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>]";
  }
}
