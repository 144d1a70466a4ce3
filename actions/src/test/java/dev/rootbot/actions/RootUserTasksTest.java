package dev.rootbot.actions;

import static dev.rootbot.actions.Organization.PROD_DATA;
import static dev.rootbot.actions.Organization.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AllowPasswordRecovery;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.DeleteRootCredentials;
import dev.rootbot.sandbox.aws.RecordedCall;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RootUserTasksTest {
  private final Organization org = Organization.demo();
  private final RecordingObserver observer = new RecordingObserver(org.aws);

  @AfterEach
  void close() {
    org.close();
  }

  @Test
  void audit_lists_every_kind_of_root_credential_and_changes_nothing() {
    var before = org.aws.rootCredentials("333333333333");

    TaskResult result = org.tasks.run(new AuditRootCredentials(PROD_DATA), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    String found = result.report().orElseThrow().before();
    assertThat(found).contains("Password: yes", before.accessKeys().get(0), before.signingCertificates().get(0),
        before.mfaDevices().get(0));
    assertThat(org.aws.rootCredentials("333333333333")).isEqualTo(before);
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow())).extracting(RecordedCall::action)
        .containsExactlyInAnyOrder("iam:GetUser", "iam:GetLoginProfile", "iam:ListAccessKeys", "iam:GetAccessKeyLastUsed",
            "iam:ListSigningCertificates", "iam:ListMFADevices", "iam:GetAccountSummary");
  }

  @Test
  void an_account_whose_root_user_has_nothing_audits_as_empty() {
    TaskResult result = org.tasks.run(new AuditRootCredentials(PROD_PAYMENTS), Optional.empty(), observer);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.headline()).contains("has no password, access keys, signing certificates or MFA devices");
  }

  @Test
  void delete_removes_every_credential_and_a_second_run_finds_nothing_to_do() {
    TaskResult result = org.tasks.run(new DeleteRootCredentials(PROD_DATA), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(org.aws.rootCredentials("333333333333").none()).isTrue();
    assertThat(org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow())).extracting(RecordedCall::action)
        .contains("iam:DeleteLoginProfile", "iam:DeleteAccessKey", "iam:DeleteSigningCertificate",
            "iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice")
        .filteredOn(action -> action.startsWith("iam:Deactivate")).hasSize(1);
    assertThat(result.report().orElseThrow().after()).contains("Password: none", "Access keys: none");
    assertThat(result.steps()).filteredOn(step -> step.action().equals("iam:DeactivateMFADevice")).extracting(Step::detail)
        .containsExactly("deactivated MFA device arn:aws:iam::333333333333:mfa/root-account-mfa-device");

    TaskResult again = org.tasks.run(new DeleteRootCredentials(PROD_DATA), Optional.empty(), observer);
    assertThat(again.succeeded()).isTrue();
    assertThat(again.headline()).contains("had no long-term credentials; nothing was deleted");
  }

  @Test
  void password_recovery_creates_a_login_profile_without_a_password_once() {
    TaskResult result = org.tasks.run(new AllowPasswordRecovery(PROD_PAYMENTS), Optional.empty(), observer);

    assertThat(result.succeeded()).as(result.headline()).isTrue();
    assertThat(org.aws.rootCredentials("222222222222").hasPassword()).isTrue();
    var create = org.aws.calls().withAccessKey(result.accessKeyId().orElseThrow()).withAction("iam:CreateLoginProfile");
    assertThat(create).hasSize(1);
    assertThat(create.get(0).parameters()).doesNotContainKeys("Password", "UserName");

    TaskResult again = org.tasks.run(new AllowPasswordRecovery(PROD_PAYMENTS), Optional.empty(), observer);
    assertThat(again.succeeded()).isTrue();
    assertThat(again.headline()).contains("already has a password; nothing was changed");
    assertThat(org.aws.calls().withAccessKey(again.accessKeyId().orElseThrow()).withAction("iam:CreateLoginProfile")).isEmpty();
  }
}
