package dev.rootbot.actions.fleet;

import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.TaskFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.OrganizationNotInAllFeaturesModeException;
import software.amazon.awssdk.services.iam.model.ServiceAccessNotEnabledException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Turns on centralized root access with the bot's own role, no root session: reads what is on
 * ({@link #plan}), then calls, in AWS's order, only what is off: {@code organizations:EnableAWSServiceAccess}
 * for {@code iam.amazonaws.com}, {@code iam:EnableOrganizationsRootCredentialsManagement}, and unless
 * credentials only, {@code iam:EnableOrganizationsRootSessions}. Idempotent: what is on is reported "already
 * on" and not called again; a step that fails stops the steps after it, which AWS would refuse anyway.
 *
 * <p>Every enable call is idempotent in AWS too, so the SDK's own retries are safe; when an answer is lost even
 * so, a re-read decides whether the step took effect. Thread-safe.
 */
public final class RootAccessEnabler {
  private final OrganizationsClient organizations;
  private final IamClient iam;
  private final StsClient sts;

  public RootAccessEnabler(AwsClients clients) {
    this.organizations = clients.organizations();
    this.iam = clients.iam();
    this.sts = clients.sts();
  }

  /** What is on now. Throws {@link TaskFailure} saying what could not be read. */
  public RootAccessState read() {
    try {
      var org = organizations.describeOrganization().organization();
      AccountId caller = new AccountId(sts.getCallerIdentity().account());
      boolean trusted = organizations.listAWSServiceAccessForOrganizationPaginator(r -> {}).stream()
          .flatMap(page -> page.enabledServicePrincipals().stream())
          .anyMatch(p -> ReadinessCheck.IAM_SERVICE.equals(p.servicePrincipal()));
      Set<String> features = features();
      return new RootAccessState(org.id(), new AccountId(org.masterAccountId()), caller,
          "ALL".equals(org.featureSetAsString()), trusted, features.contains(ReadinessCheck.ROOT_CREDENTIALS_MANAGEMENT),
          features.contains(ReadinessCheck.ROOT_SESSIONS));
    } catch (SdkException e) {
      throw new TaskFailure(TaskFailure.Reason.AWS_ERROR, "Rootbot could not read whether centralized root access"
          + " is on (" + AwsAnswer.describe(e) + "). Rootbot's role needs organizations:DescribeOrganization,"
          + " organizations:ListAWSServiceAccessForOrganization and iam:ListOrganizationsFeatures.", e);
    }
  }

  /** What is on now and what {@link #enable} would change, for the card. */
  public EnablePlan plan(boolean credentialsOnly) {
    return EnablePlan.of(read(), credentialsOnly);
  }

  /**
   * Reads what is on again, then turns on what is off in AWS's order, telling {@code each} of every step as it
   * ends. Never throws for AWS's answers: the report says what happened.
   */
  public EnableReport enable(boolean credentialsOnly, Consumer<EnableReport.Outcome> each) {
    RootAccessState now = read();
    List<EnableReport.Outcome> outcomes = new ArrayList<>();
    Optional<EnableStep> failed = Optional.empty();
    for (EnableStep step : EnablePlan.steps(credentialsOnly)) {
      EnableReport.Outcome outcome;
      if (failed.isPresent()) {
        outcome = new EnableReport.Outcome(step, EnableReport.Result.NOT_TRIED, "not tried: AWS needs "
            + failed.get().title().toLowerCase(Locale.ROOT) + " on first", Optional.empty());
      } else if (now.isOn(step)) {
        outcome = new EnableReport.Outcome(step, EnableReport.Result.ALREADY_ON, "already on", Optional.empty());
      } else {
        outcome = turnOn(step);
        if (outcome.result() == EnableReport.Result.FAILED) {
          failed = Optional.of(step);
        }
      }
      outcomes.add(outcome);
      each.accept(outcome);
    }
    return new EnableReport(outcomes);
  }

  private EnableReport.Outcome turnOn(EnableStep step) {
    try {
      call(step);
      return new EnableReport.Outcome(step, EnableReport.Result.ENABLED, "enabled", Optional.empty());
    } catch (AwsServiceException e) {
      var explained = EnableFailures.explain(step, AwsAnswer.code(e), AwsAnswer.message(e));
      return new EnableReport.Outcome(step, EnableReport.Result.FAILED, explained.detail(), Optional.of(explained.fix()));
    } catch (SdkException lost) {
      return reread(step, lost);
    }
  }

  /** After an enable call got no answer: the switch's state now decides. */
  private EnableReport.Outcome reread(EnableStep step, SdkException lost) {
    String why = "no answer from AWS to " + step.action() + " (" + lost.getMessage() + ")";
    try {
      if (read().isOn(step)) {
        return new EnableReport.Outcome(step, EnableReport.Result.ENABLED, "enabled (" + why
            + "; a re-read shows it is on)", Optional.empty());
      }
      return new EnableReport.Outcome(step, EnableReport.Result.FAILED, why + "; a re-read shows it is still off.",
          Optional.of("Ask again; turning it on twice is harmless."));
    } catch (TaskFailure unreadable) {
      return new EnableReport.Outcome(step, EnableReport.Result.FAILED, why + "; reading it back failed too.",
          Optional.of("Check in the management account (aws iam list-organizations-features), then ask again;"
              + " turning it on twice is harmless."));
    }
  }

  private void call(EnableStep step) {
    switch (step) {
      case TRUSTED_ACCESS:
        organizations.enableAWSServiceAccess(r -> r.servicePrincipal(ReadinessCheck.IAM_SERVICE));
        return;
      case ROOT_CREDENTIALS_MANAGEMENT:
        iam.enableOrganizationsRootCredentialsManagement(r -> {});
        return;
      default:
        iam.enableOrganizationsRootSessions(r -> {});
    }
  }

  /**
   * The IAM features on; none while trusted access for IAM is off or the organization lacks all features, which AWS
   * answers as refusals of the read.
   */
  private Set<String> features() {
    try {
      return Set.copyOf(iam.listOrganizationsFeatures(r -> {}).enabledFeaturesAsStrings());
    } catch (ServiceAccessNotEnabledException | OrganizationNotInAllFeaturesModeException nothingOn) {
      return Set.of();
    }
  }
}
