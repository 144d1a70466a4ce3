package dev.rootbot.actions.task;

import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * Creates a login profile with no password for the root user, so the owner of the root e-mail can set
 * one through "Forgot password". Rootbot never sees or chooses a password.
 */
public record AllowPasswordRecovery(AccountId target) implements RootTask {
  @Override
  public TaskKind kind() {
    return TaskKind.ALLOW_PASSWORD_RECOVERY;
  }

  @Override
  public String summary() {
    return "allow root password recovery";
  }

  @Override
  public String resource() {
    return "arn:aws:iam::" + target + ":root";
  }

  @Override
  public AwsRegion eventsRegion() {
    return AwsRegion.US_EAST_1;
  }

  @Override
  public TaskReport perform(TaskContext context) {
    var reads = new RootUserReads(context);
    if (reads.password().isPresent()) {
      return new TaskReport("The root user of " + target + " already has a password; nothing was changed. "
          + "Its e-mail owner can use \"Forgot password\" on the root sign-in page.",
          "password: yes", "password: yes", AwsRegion.US_EAST_1);
    }
    var iam = context.session().iam();
    try {
      iam.createLoginProfile(r -> {});
      context.step("iam:CreateLoginProfile", "created a login profile with no password");
    } catch (EntityAlreadyExistsException e) {
      context.step("iam:CreateLoginProfile", "a login profile appeared meanwhile; nothing created");
    }
    if (reads.password().isEmpty()) {
      throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED,
          "IAM accepted the change but the root user of " + target + " still has no login profile. Try again.");
    }
    return new TaskReport("Password recovery is allowed for the root user of " + target
            + ": the owner of its e-mail address can now set a password with \"Forgot password\".",
        "password: none", "password: can be set by recovery", AwsRegion.US_EAST_1);
  }
}
