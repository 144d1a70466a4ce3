package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static dev.rootbot.sandbox.aws.Demo.SECURITY_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CallerIsNotManagementAccountException;
import software.amazon.awssdk.services.iam.model.FeatureType;
import software.amazon.awssdk.services.iam.model.OrganizationNotInAllFeaturesModeException;
import software.amazon.awssdk.services.iam.model.ServiceAccessNotEnabledException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountAlreadyRegisteredException;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;
import software.amazon.awssdk.services.organizations.model.InvalidInputException;
import software.amazon.awssdk.services.organizations.model.InvalidInputExceptionReason;

/**
 * Enabling centralized root access in AWS's order: trusted access for IAM, then the two IAM features; each
 * step refused as AWS refuses it until the one before is done, and idempotent once done.
 */
class EnablingRootAccessTest {
  private static final String IAM = "iam.amazonaws.com";

  private SimulatedAws aws = SimulatedAws.start(Seed.demo().withNothingEnabled());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void with_nothing_enabled_the_iam_features_are_refused_until_trusted_access_is_on() {
    IamClient iam = Clients.management(aws).withoutRetries().iam();

    for (Runnable call : new Runnable[] {() -> iam.listOrganizationsFeatures(b -> { }),
        () -> iam.enableOrganizationsRootCredentialsManagement(b -> { }),
        () -> iam.enableOrganizationsRootSessions(b -> { })}) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceAccessNotEnabledException.class, e -> {
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceAccessNotEnabledException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("trusted access is not enabled for IAM");
      });
    }
    assertThat(aws.features().enabled()).isEmpty();
    assertRefused(() -> Clients.management(aws).withoutRetries().sts().assumeRoot(r -> r.targetPrincipal(PROD_DATA)
        .taskPolicyArn(p -> p.arn(TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS.arn()))), 403, "AccessDenied",
        "root sessions are not enabled");
  }

  @Test
  void each_step_in_order_succeeds_and_doing_it_again_changes_nothing() {
    Clients management = Clients.management(aws);
    OrganizationsClient orgs = management.organizations();
    IamClient iam = management.iam();

    orgs.enableAWSServiceAccess(b -> b.servicePrincipal(IAM));
    Instant trustedSince = aws.organization().trustedServices().get(IAM);
    assertThat(iam.listOrganizationsFeatures(b -> { }).enabledFeatures()).isEmpty();
    assertThat(iam.enableOrganizationsRootCredentialsManagement(b -> { }).enabledFeatures())
        .containsExactly(FeatureType.ROOT_CREDENTIALS_MANAGEMENT);
    assertThat(iam.enableOrganizationsRootSessions(b -> { }).enabledFeatures())
        .containsExactlyInAnyOrder(FeatureType.ROOT_CREDENTIALS_MANAGEMENT, FeatureType.ROOT_SESSIONS);

    aws.clock().advance(java.time.Duration.ofHours(1));
    orgs.enableAWSServiceAccess(b -> b.servicePrincipal(IAM));
    var again = iam.enableOrganizationsRootCredentialsManagement(b -> { });
    iam.enableOrganizationsRootSessions(b -> { });

    assertThat(aws.organization().trustedServices()).containsEntry(IAM, trustedSince).hasSize(1);
    assertThat(again.enabledFeatures()).hasSize(2);
    assertThat(again.organizationId()).isEqualTo("o-exampleorg1");
    assertThat(iam.listOrganizationsFeatures(b -> { }).enabledFeaturesAsStrings())
        .containsExactly("RootCredentialsManagement", "RootSessions");
    assertThat(aws.calls().refused()).isEmpty();
    assertThat(Clients.rootSession(aws, PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).iam().getUser()
        .user().arn()).isEqualTo("arn:aws:iam::333333333333:root");
  }

  @Test
  void only_the_management_account_enables_a_feature() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withCaller(PROD_DATA, "ops", "AKIASANDBOXPRODDATA1", "s3cret"));
    IamClient member = Clients.as(aws, aws.callerKey(PROD_DATA)).withoutRetries().iam();

    assertThatThrownBy(() -> member.enableOrganizationsRootSessions(b -> { }))
        .isInstanceOf(CallerIsNotManagementAccountException.class)
        .hasMessageContaining("not the management account");
  }

  @Test
  void an_organization_without_all_features_is_refused_first() {
    aws.close();
    aws = SimulatedAws.start(Seed.fromJson(Seed.demo().withNothingEnabled().toJson()
        .replace("\"featureSet\": \"ALL\"", "\"featureSet\": \"CONSOLIDATED_BILLING\"")));
    IamClient iam = Clients.management(aws).withoutRetries().iam();

    assertThat(aws.organization().allFeatures()).isFalse();
    assertThatThrownBy(() -> iam.enableOrganizationsRootCredentialsManagement(b -> { }))
        .isInstanceOf(OrganizationNotInAllFeaturesModeException.class);
    assertThatThrownBy(() -> Clients.management(aws).withoutRetries().organizations()
        .enableAWSServiceAccess(b -> b.servicePrincipal(IAM)))
        .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.reasonAsString())
            .isEqualTo("ORGANIZATION_NOT_IN_ALL_FEATURES_MODE"));
  }

  @Test
  void a_delegated_administrator_is_registered_once_for_a_trusted_service() {
    OrganizationsClient orgs = Clients.management(aws).withoutRetries().organizations();

    assertThatThrownBy(() -> orgs.registerDelegatedAdministrator(b -> b.accountId(SECURITY_TOOLING)
        .servicePrincipal(IAM))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason())
            .isEqualTo(InvalidInputExceptionReason.UNRECOGNIZED_SERVICE_PRINCIPAL));
    orgs.enableAWSServiceAccess(b -> b.servicePrincipal(IAM));
    orgs.registerDelegatedAdministrator(b -> b.accountId(SECURITY_TOOLING).servicePrincipal(IAM));

    assertThat(orgs.listDelegatedAdministrators(b -> b.servicePrincipal(IAM)).delegatedAdministrators())
        .extracting(a -> a.id()).containsExactly(SECURITY_TOOLING);
    assertThat(aws.organization().isDelegatedAdministrator(SECURITY_TOOLING, IAM)).isTrue();
    assertThatThrownBy(() -> orgs.registerDelegatedAdministrator(b -> b.accountId(SECURITY_TOOLING)
        .servicePrincipal(IAM))).isInstanceOf(AccountAlreadyRegisteredException.class);
    assertThatThrownBy(() -> orgs.registerDelegatedAdministrator(b -> b.accountId("111111111111")
        .servicePrincipal(IAM))).isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(
            e.reason()).isEqualTo(ConstraintViolationExceptionReason.CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR));
    assertThatThrownBy(() -> orgs.registerDelegatedAdministrator(b -> b.accountId("999999999999")
        .servicePrincipal(IAM))).isInstanceOf(AccountNotFoundException.class);
    assertThatThrownBy(() -> orgs.registerDelegatedAdministrator(b -> b.accountId("12345")
        .servicePrincipal(IAM))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason())
            .isEqualTo(InvalidInputExceptionReason.INVALID_PATTERN));
  }

  @Test
  void a_registered_delegated_administrator_can_open_root_sessions_once_they_are_enabled() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withNothingEnabled()
        .withCaller(SECURITY_TOOLING, "rootbot", "AKIASANDBOXDELEGATED", "delegated-secret"));
    Clients management = Clients.management(aws);
    management.organizations().enableAWSServiceAccess(b -> b.servicePrincipal(IAM));
    management.iam().enableOrganizationsRootSessions(b -> { });
    var delegated = Clients.as(aws, aws.callerKey(SECURITY_TOOLING)).withoutRetries();
    assertRefused(() -> delegated.sts().assumeRoot(r -> r.targetPrincipal(PROD_PAYMENTS)
        .taskPolicyArn(p -> p.arn(TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn()))), 403, "AccessDenied",
        "delegated administrator");

    management.organizations().registerDelegatedAdministrator(b -> b.accountId(SECURITY_TOOLING)
        .servicePrincipal(IAM));

    assertThat(delegated.sts().assumeRoot(r -> r.targetPrincipal(PROD_PAYMENTS)
        .taskPolicyArn(p -> p.arn(TaskPolicy.S3_UNLOCK_BUCKET_POLICY.arn()))).credentials().accessKeyId())
        .startsWith("ASIA");
    assertThat(delegated.iam().listOrganizationsFeatures(b -> { }).enabledFeaturesAsStrings()).containsExactly("RootSessions");
  }

  @Test
  void a_member_cannot_register_a_delegated_administrator() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withCaller(PROD_DATA, "ops", "AKIASANDBOXPRODDATA1", "s3cret"));
    OrganizationsClient member = Clients.as(aws, aws.callerKey(PROD_DATA)).withoutRetries().organizations();

    assertRefused(() -> member.registerDelegatedAdministrator(b -> b.accountId(PROD_DATA).servicePrincipal(IAM)),
        400, "AccessDeniedException", null);
    assertThat(aws.organization().delegatedAdministrators()).isEmpty();
  }
}
