package dev.rootbot.actions.task;

import dev.rootbot.actions.session.ChangeCalls;
import java.util.List;
import java.util.Optional;
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

  /**
   * Reads whether the root user has a password. Fingerprint: the task's identifier, the account, and "no
   * password" or the password's creation time.
   */
  @Override
  public TaskPlan plan(TaskContext context) {
    var reads = new RootUserReads(context);
    return new Plan(this, context, reads, reads.password());
  }

  /** Create a login profile when there was none. */
  private record Plan(AllowPasswordRecovery task, TaskContext context, RootUserReads reads,
      Optional<RootCredentials.Password> found) implements TaskPlan {
    @Override
    public Snapshot snapshot() {
      Fingerprint fingerprint = Fingerprint.ofLines(task.kind().id(), "account " + task.target(), "password "
          + found.map(p -> p.created().map(t -> "created " + t).orElse("present")).orElse("none"));
      String headline = found.isPresent()
          ? "The root user of " + task.target() + " already has a password"
              + found.get().created().map(t -> " (set " + RootCredentials.day(t) + ")").orElse("") + "; there is nothing to allow. Its"
              + " e-mail owner can use \"Forgot password\" on the root sign-in page."
          : "The root user of " + task.target() + " has no password. Will create a login profile without one, so the"
              + " owner of the root e-mail address can set it with \"Forgot password\".";
      return new Snapshot(new Finding(headline, List.of()), fingerprint);
    }

    @Override
    public boolean changesNothing() {
      return found.isPresent();
    }

    @Override
    public TaskReport apply() {
      if (found.isPresent()) {
        return new TaskReport("The root user of " + task.target() + " already has a password; nothing was changed. "
            + "Its e-mail owner can use \"Forgot password\" on the root sign-in page.",
            "password: yes", "password: yes", AwsRegion.US_EAST_1);
      }
      try {
        context.session().iam().createLoginProfile(r -> {});
        context.step("iam:CreateLoginProfile", "created a login profile with no password");
      } catch (EntityAlreadyExistsException e) {
        // After a retry this is most likely Rootbot's own first attempt, whose answer was lost.
        context.step("iam:CreateLoginProfile", "a login profile exists now" + (ChangeCalls.refused(e)
            ? " (created by someone else meanwhile); nothing created" : " (an earlier attempt's answer was lost)"));
      }
      if (reads.password().isEmpty()) {
        throw new TaskFailure(TaskFailure.Reason.NOT_VERIFIED,
            "IAM accepted the change but the root user of " + task.target() + " still has no login profile. Try again.");
      }
      return allowed();
    }

    @Override
    public Recheck recheck() {
      return reads.password().isPresent() ? Recheck.applied(allowed()) : Recheck.notApplied(new TaskReport(
          "The root user of " + task.target() + " still has no login profile.", "password: none", "password: none",
          AwsRegion.US_EAST_1));
    }

    private TaskReport allowed() {
      return new TaskReport("Password recovery is allowed for the root user of " + task.target()
              + ": the owner of its e-mail address can now set a password with \"Forgot password\".",
          "password: none", "password: can be set by recovery", AwsRegion.US_EAST_1);
    }
  }
}
