package dev.rootbot.actions.fleet;

import java.util.Locale;

/**
 * Turns AWS's refusal of an enable call into what went wrong and its fix. Pure: from the error code and message
 * AWS answered, so each case is one table row.
 */
final class EnableFailures {
  /** What went wrong, and what a person does about it. */
  record Explained(String detail, String fix) {}

  private EnableFailures() {}

  static Explained explain(EnableStep step, String code, String message) {
    String said = "AWS refused " + step.action() + " (" + code + "): " + message;
    String lower = message.toLowerCase(Locale.ROOT);
    if (code.equals("CallerIsNotManagementAccountException")
        || (code.startsWith("AccessDenied") && lower.contains("management account"))) {
      return new Explained(said, "Only the organization's management account can turn this on. Run Rootbot with a"
          + " role in the management account, or run in the management account: " + step.command());
    }
    if (code.equals("OrganizationNotInAllFeaturesModeException") || lower.contains("all features")) {
      return new Explained(said, "Enable all features in the AWS Organizations console (Settings), then ask again.");
    }
    if (code.equals("ServiceAccessNotEnabledException")) {
      return new Explained(said, "Trusted access for IAM must be on first: " + EnableStep.TRUSTED_ACCESS.command()
          + ", then ask again.");
    }
    if (code.equals("AWSOrganizationsNotInUseException")) {
      return new Explained(said, "The bot's account is not in an organization. Run Rootbot in the management account"
          + " of an AWS Organizations organization.");
    }
    if (code.startsWith("AccessDenied")) {
      return new Explained(said, "Allow " + step.action() + " to Rootbot's role (deploy/iam-policy.json has it), or run"
          + " in the management account: " + step.command());
    }
    return new Explained(said, "Ask again later, or run in the management account: " + step.command());
  }
}
