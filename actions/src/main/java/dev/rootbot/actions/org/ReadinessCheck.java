package dev.rootbot.actions.org;

import dev.rootbot.actions.session.AwsClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Reads, from the bot's own account, each prerequisite of centralized root access: all features,
 * trusted access for IAM, the two IAM features, and that the bot runs where AssumeRoot is allowed.
 * A check that cannot be read counts as not ready and says why.
 */
public final class ReadinessCheck {
  public static final String IAM_SERVICE = "iam.amazonaws.com";
  public static final String ROOT_SESSIONS = "RootSessions";
  public static final String ROOT_CREDENTIALS_MANAGEMENT = "RootCredentialsManagement";

  private final OrganizationsClient organizations;
  private final IamClient iam;
  private final StsClient sts;

  public ReadinessCheck(AwsClients clients) {
    this.organizations = clients.organizations();
    this.iam = clients.iam();
    this.sts = clients.sts();
  }

  /** The organization's enabled root access features ({@code RootSessions}, {@code RootCredentialsManagement}). */
  public Set<String> features() {
    return Set.copyOf(iam.listOrganizationsFeatures(r -> {}).enabledFeaturesAsStrings());
  }

  public Readiness check() {
    List<Readiness.Check> checks = new ArrayList<>();
    // Two checks need the organization; read it once (a failed read is retried by the second).
    var known = new AtomicReference<Organization>();
    Supplier<Organization> organization =
        () -> known.updateAndGet(o -> o != null ? o : organizations.describeOrganization().organization());
    checks.add(read("AWS Organizations with all features",
        () -> {
          var org = organization.get();
          boolean all = "ALL".equals(org.featureSetAsString());
          return new Seen(all, "organization " + org.id() + ", feature set " + org.featureSetAsString());
        },
        "Enable all features in AWS Organizations (console: AWS Organizations → Settings)."));
    checks.add(read("Trusted access for IAM",
        () -> {
          boolean trusted = organizations.listAWSServiceAccessForOrganizationPaginator(r -> {}).stream()
              .flatMap(page -> page.enabledServicePrincipals().stream()).anyMatch(p -> IAM_SERVICE.equals(p.servicePrincipal()));
          return new Seen(trusted, trusted ? IAM_SERVICE + " has trusted access" : IAM_SERVICE + " is not trusted");
        },
        "aws organizations enable-aws-service-access --service-principal " + IAM_SERVICE));
    Set<String> features;
    try {
      features = features();
    } catch (SdkException e) {
      features = null;
      String why = "could not read: " + reason(e);
      checks.add(new Readiness.Check("Root credentials management", false, why,
          "aws iam enable-organizations-root-credentials-management"));
      checks.add(new Readiness.Check("Root sessions", false, why, "aws iam enable-organizations-root-sessions"));
    }
    if (features != null) {
      checks.add(feature(features, ROOT_CREDENTIALS_MANAGEMENT, "Root credentials management",
          "aws iam enable-organizations-root-credentials-management"));
      checks.add(feature(features, ROOT_SESSIONS, "Root sessions", "aws iam enable-organizations-root-sessions"));
    }
    checks.add(read("Bot runs in the management or IAM delegated administrator account",
        () -> {
          String account = sts.getCallerIdentity().account();
          String management = organization.get().masterAccountId();
          if (account.equals(management)) {
            return new Seen(true, "running in the management account " + account);
          }
          Set<String> delegated = organizations
              .listDelegatedAdministratorsPaginator(r -> r.servicePrincipal(IAM_SERVICE)).delegatedAdministrators()
              .stream().map(d -> d.id()).collect(Collectors.toSet());
          return new Seen(delegated.contains(account), delegated.contains(account)
              ? "running in the IAM delegated administrator account " + account
              : "running in " + account + ", which is neither the management account nor IAM's delegated administrator");
        },
        "Run the bot with a role in the management account, or register its account: aws organizations "
            + "register-delegated-administrator --service-principal " + IAM_SERVICE + " --account-id ACCOUNT"));
    return new Readiness(checks);
  }

  private record Seen(boolean ok, String detail) {}

  private static Readiness.Check feature(Set<String> enabled, String feature, String name, String fix) {
    boolean on = enabled.contains(feature);
    return new Readiness.Check(name, on, feature + (on ? " is enabled" : " is not enabled"), fix);
  }

  private static Readiness.Check read(String name, Supplier<Seen> read, String fix) {
    try {
      Seen seen = read.get();
      return new Readiness.Check(name, seen.ok(), seen.detail(), fix);
    } catch (SdkException e) {
      return new Readiness.Check(name, false, "could not read: " + reason(e), fix);
    }
  }

  /** An AWS failure in a few words: its error code and message. */
  static String reason(SdkException e) {
    if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
      var details = ((AwsServiceException) e).awsErrorDetails();
      return details.errorCode() + " (" + details.errorMessage() + ")";
    }
    return e.getMessage();
  }
}
