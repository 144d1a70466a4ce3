package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static dev.rootbot.sandbox.aws.Demo.SECURITY_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.iam.RootCredentials;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** In a root session IAM acts on the account's root user, as AWS does. */
class IamTest {
  private static final String MFA = "arn:aws:iam::333333333333:mfa/root-account-mfa-device";

  private SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void get_user_in_a_root_session_is_the_root_user() {
    var user = session(PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).getUser().user();

    assertThat(user.arn()).isEqualTo("arn:aws:iam::333333333333:root");
    assertThat(user.userId()).isEqualTo(PROD_DATA);
    assertThat(user.userName()).isNull();
  }

  @Test
  void deleting_every_root_credential_leaves_the_root_user_with_none() {
    IamClient iam = session(PROD_DATA, TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS);

    iam.deleteLoginProfile(b -> { });
    iam.listAccessKeys(b -> { }).accessKeyMetadata()
        .forEach(k -> iam.deleteAccessKey(b -> b.accessKeyId(k.accessKeyId())));
    iam.listSigningCertificates(b -> { }).certificates()
        .forEach(c -> iam.deleteSigningCertificate(b -> b.certificateId(c.certificateId())));
    iam.listMFADevices(b -> { }).mfaDevices().forEach(d -> {
      iam.deactivateMFADevice(b -> b.serialNumber(d.serialNumber()));
      iam.deleteVirtualMFADevice(b -> b.serialNumber(d.serialNumber()));
    });

    RootCredentials after = aws.rootCredentials(PROD_DATA);
    assertThat(after.none()).as(after.toString()).isTrue();
    assertThat(iam.listAccessKeys(b -> { }).accessKeyMetadata()).isEmpty();
  }

  @Test
  void a_virtual_mfa_device_in_use_cannot_be_deleted() {
    IamClient iam = session(PROD_DATA, TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS);

    assertRefused(() -> iam.deleteVirtualMFADevice(b -> b.serialNumber(MFA)), 409, "DeleteConflict", "in use");

    iam.deactivateMFADevice(b -> b.serialNumber(MFA));
    assertThat(aws.rootCredentials(PROD_DATA).mfaDevices()).isEmpty();
    assertThat(aws.rootCredentials(PROD_DATA).virtualMfaDevices()).containsExactly(MFA);
  }

  @Test
  void a_missing_login_profile_is_no_such_entity() {
    IamClient iam = session(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertRefused(() -> iam.getLoginProfile(b -> { }), 404, "NoSuchEntity", "Login Profile for User root");
  }

  @Test
  void deleting_what_is_not_there_is_no_such_entity() {
    IamClient iam = session(PROD_PAYMENTS, TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS);

    assertThatThrownBy(() -> iam.deleteLoginProfile(b -> { }))
        .isInstanceOf(NoSuchEntityException.class);
    assertRefused(() -> iam.deleteAccessKey(b -> b.accessKeyId("AKIA0000000000000000")), 404, "NoSuchEntity",
        "AKIA0000000000000000");
    assertRefused(() -> iam.deleteSigningCertificate(b -> b.certificateId("NOPE")), 404, "NoSuchEntity", "NOPE");
    assertRefused(() -> iam.deactivateMFADevice(b -> b.serialNumber(MFA)), 404, "NoSuchEntity", MFA);
  }

  @Test
  void creating_a_login_profile_that_exists_is_entity_already_exists() {
    IamClient iam = session(PROD_DATA, TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD);

    assertThatThrownBy(() -> iam.createLoginProfile(b -> { }))
        .isInstanceOfSatisfying(EntityAlreadyExistsException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
  }

  @Test
  void a_root_session_cannot_name_a_user() {
    IamClient iam = session(PROD_DATA, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertRefused(() -> iam.getLoginProfile(b -> b.userName("alice")), 403, "AccessDenied", "omit UserName");
    assertRefused(() -> iam.listAccessKeys(b -> b.userName("alice")), 403, "AccessDenied",
        "arn:aws:iam::333333333333:user/alice");
  }

  @Test
  void a_root_session_cannot_set_a_password() {
    IamClient iam = session(PROD_PAYMENTS, TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD);

    assertRefused(() -> iam.createLoginProfile(b -> b.password("Hunter2-Hunter2")), 400, "ValidationError",
        "omit Password");
    assertThat(aws.rootCredentials(PROD_PAYMENTS).hasPassword()).isFalse();
    assertThat(aws.calls().withAction("iam:CreateLoginProfile").get(0).parameters())
        .containsEntry("Password", "HIDDEN");
  }

  @Test
  void the_account_summary_counts_the_root_users_credentials() {
    var summary = session(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).getAccountSummary(b -> { })
        .summaryMapAsStrings();

    assertThat(summary).containsEntry("AccountMFAEnabled", 0).containsEntry("AccountAccessKeysPresent", 0)
        .containsEntry("AccountPasswordPresent", 0);
  }

  @Test
  void the_management_account_lists_disables_and_enables_the_root_access_features() {
    IamClient iam = Clients.management(aws).iam();

    assertThat(iam.listOrganizationsFeatures(b -> { }).enabledFeaturesAsStrings())
        .containsExactly("RootCredentialsManagement", "RootSessions");
    assertThat(iam.disableOrganizationsRootSessions(b -> { }).enabledFeaturesAsStrings())
        .containsExactly("RootCredentialsManagement");
    assertThat(aws.features().isEnabled("RootSessions")).isFalse();
    iam.disableOrganizationsRootCredentialsManagement(b -> { });
    assertThat(aws.features().enabled()).isEmpty();

    iam.enableOrganizationsRootCredentialsManagement(b -> { });
    var enabled = iam.enableOrganizationsRootSessions(b -> { });
    assertThat(enabled.organizationId()).isEqualTo("o-exampleorg1");
    assertThat(enabled.enabledFeaturesAsStrings()).containsExactly("RootCredentialsManagement", "RootSessions");
  }

  @Test
  void a_member_account_cannot_list_or_change_the_features() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withCaller(SECURITY_TOOLING, "ops", "AKIASANDBOXSECURITY1", "s3cret"));
    IamClient member = Clients.as(aws, aws.callerKey(SECURITY_TOOLING)).withoutRetries().iam();

    assertRefused(() -> member.listOrganizationsFeatures(b -> { }), 400,
        "AccountNotManagementOrDelegatedAdministratorException", "management account");
    assertRefused(() -> member.disableOrganizationsRootSessions(b -> { }), 400,
        "CallerIsNotManagementAccountException", "management account");
    assertThat(aws.features().isEnabled("RootSessions")).isTrue();
  }

  @Test
  void the_features_need_trusted_access_for_iam() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withTrustedServices());

    assertRefused(() -> Clients.management(aws).withoutRetries().iam().enableOrganizationsRootSessions(b -> { }),
        400, "ServiceAccessNotEnabledException", "trusted access");
  }

  @Test
  void an_iam_user_gets_itself_and_has_no_modelled_credentials() {
    IamClient iam = Clients.management(aws).withoutRetries().iam();

    assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::111111111111:user/rootbot");
    assertThat(iam.listAccessKeys(b -> { }).accessKeyMetadata()).isEmpty();
    assertRefused(() -> iam.getUser(b -> b.userName("mallory")), 404, "NoSuchEntity", "mallory");
  }

  private IamClient session(String account, TaskPolicy policy) {
    return Clients.rootSession(aws, account, policy).withoutRetries().iam();
  }
}
