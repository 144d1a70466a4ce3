package dev.rootbot.actions;

import dev.rootbot.actions.org.ScpCheck;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskFailure;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what AWS answered, or failed to answer, into words the requester can act on. The words never say
 * whether something was changed: only the run knows that, and says it.
 */
final class AwsFailures {
  private final ScpCheck scps;
  private final Duration sessionLength;
  private final AwsRegion stsRegion;

  AwsFailures(ScpCheck scps, Duration sessionLength, AwsRegion stsRegion) {
    this.scps = scps;
    this.sessionLength = sessionLength;
    this.stsRegion = stsRegion;
  }

  /** Why AssumeRoot was refused, when the refusal needs its own fix; otherwise the same as {@link #explain}. */
  TaskFailure assumeRootRefused(RootTask task, AwsServiceException e) {
    String code = code(e);
    if ("RegionDisabledException".equals(code) || "RegionDisabled".equals(code)) {
      return new TaskFailure(TaskFailure.Reason.REGION_DISABLED, "STS is not activated in " + stsRegion
          + " for the bot's account. Activate it (IAM → Account settings → Security Token Service) or set"
          + " AWS_REGION to a region where it is active.", e);
    }
    if (code.startsWith("AccessDenied")) {
      return new TaskFailure(TaskFailure.Reason.ACCESS_DENIED, "AWS refused AssumeRoot: " + message(e)
          + ". The bot must run in the management account or the IAM delegated administrator account, with"
          + " sts:AssumeRoot allowed, and root sessions must be enabled (aws iam enable-organizations-root-sessions).", e);
    }
    return explain(task, e);
  }

  /** What went wrong in a call of {@code task}'s root session. */
  TaskFailure explain(RootTask task, SdkException failure) {
    if (!(failure instanceof AwsServiceException)) {
      return new TaskFailure(TaskFailure.Reason.AWS_ERROR, "Could not reach AWS (" + failure.getMessage() + ").", failure);
    }
    var e = (AwsServiceException) failure;
    String code = code(e);
    String message = message(e);
    if (code.startsWith("ExpiredToken")) {
      return new TaskFailure(TaskFailure.Reason.SESSION_EXPIRED, "The root session expired (it lasts at most "
          + sessionLength.toMinutes() + " minutes) before the task finished.", e);
    }
    if (code.startsWith("AccessDenied") && message.contains("service control policy")) {
      return new TaskFailure(TaskFailure.Reason.SCP_DENIED, scpExplanation(task.target(), message), e);
    }
    if (code.startsWith("AccessDenied")) {
      return new TaskFailure(TaskFailure.Reason.ACCESS_DENIED, "AWS denied the root session: " + message, e);
    }
    return new TaskFailure(TaskFailure.Reason.AWS_ERROR, "AWS answered " + code + ": " + message, e);
  }

  /** What AWS answered, or why there was no answer, in a short phrase: "InternalError (HTTP 500): …". */
  static String describe(Throwable failure) {
    if (failure instanceof AwsServiceException) {
      var e = (AwsServiceException) failure;
      return code(e) + " (HTTP " + e.statusCode() + "): " + message(e);
    }
    return failure.getMessage();
  }

  private String scpExplanation(AccountId target, String message) {
    String found;
    try {
      var findings = scps.rootDenials(target);
      found = findings.isEmpty() ? "" : " The SCP " + findings.get(0).policyName() + " (" + findings.get(0).policyId()
          + "), attached to " + findings.get(0).attachedTo() + ", denies the root user without exempting root sessions.";
    } catch (SdkException unreadable) {
      found = "";
    }
    return "A service control policy denies this root session in account " + target + "." + found
        + " SCPs apply inside root sessions: add " + ScpCheck.exemption() + " to the Condition of the statement that"
        + " denies arn:aws:iam::*:root, so it spares AssumeRoot sessions. AWS said: " + message;
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "" : e.awsErrorDetails().errorCode();
  }

  private static String message(AwsServiceException e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
        ? e.getMessage() : e.awsErrorDetails().errorMessage();
  }
}
