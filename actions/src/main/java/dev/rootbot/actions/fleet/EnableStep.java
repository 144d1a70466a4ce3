package dev.rootbot.actions.fleet;

import dev.rootbot.actions.org.ReadinessCheck;

/**
 * The three switches of centralized root access, in the order AWS requires them: trusted access for IAM in
 * Organizations, then root credentials management, then root sessions. Each names its call and the command a
 * person runs in the management account to do it by hand.
 */
public enum EnableStep {
  TRUSTED_ACCESS("Trusted access for IAM in AWS Organizations", "organizations:EnableAWSServiceAccess",
      "aws organizations enable-aws-service-access --service-principal " + ReadinessCheck.IAM_SERVICE),
  ROOT_CREDENTIALS_MANAGEMENT("Root credentials management", "iam:EnableOrganizationsRootCredentialsManagement",
      "aws iam enable-organizations-root-credentials-management"),
  ROOT_SESSIONS("Root sessions", "iam:EnableOrganizationsRootSessions", "aws iam enable-organizations-root-sessions");

  private final String title;
  private final String action;
  private final String command;

  EnableStep(String title, String action, String command) {
    this.title = title;
    this.action = action;
    this.command = command;
  }

  /** What the switch is called, for people: "Root sessions". */
  public String title() {
    return title;
  }

  /** The IAM action of the call that turns it on. */
  public String action() {
    return action;
  }

  /** The AWS CLI command that turns it on, run in the management account. */
  public String command() {
    return command;
  }
}
