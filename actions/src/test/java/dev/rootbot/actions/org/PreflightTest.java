package dev.rootbot.actions.org;

import static dev.rootbot.actions.org.SandboxOrganization.DEV_PLAYGROUND;
import static dev.rootbot.actions.org.SandboxOrganization.MANAGEMENT;
import static dev.rootbot.actions.org.SandboxOrganization.PROD_PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.sandbox.aws.Fault;
import dev.rootbot.sandbox.aws.Seed;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The preflight against the simulated organization: what it refuses, what it warns about, what it reads. */
class PreflightTest {
  private static final Optional<AwsRegion> US_EAST_1 = Optional.of(AwsRegion.US_EAST_1);
  private static final Optional<String> PAYMENTS_BUCKET = Optional.of("arn:aws:s3:::payments-audit-logs");

  private SandboxOrganization org;

  @AfterEach
  void close() {
    if (org != null) {
      org.close();
    }
  }

  private PreflightResult check(AccountId target, TaskPolicy policy) {
    boolean s3 = policy == TaskPolicy.S3_UNLOCK_BUCKET_POLICY;
    return org.preflight.check(target, policy, US_EAST_1, s3 ? PAYMENTS_BUCKET : Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(TaskPolicy.class)
  void dev_playground_is_refused_for_every_task_policy_naming_the_scp_where_it_is_attached_and_the_fix(TaskPolicy policy) {
    org = SandboxOrganization.demo();

    PreflightResult result = check(DEV_PLAYGROUND, policy);

    assertThat(result).isInstanceOf(PreflightResult.Refused.class);
    var refused = (PreflightResult.Refused) result;
    assertThat(refused.reason()).isEqualTo(TaskFailure.Reason.SCP_DENIED);
    String sandbox = "OU Sandbox (" + org.ouId("Sandbox") + ")";
    String scp = "DenyRootUser (" + org.policyId("DenyRootUser") + ")";
    assertThat(refused.explanation())
        .startsWith("AWS would deny this root session in account dev-playground (444444444444)")
        .contains("The SCP " + scp + ", attached to " + sandbox + ", denies every action of " + policy.policyName()
            + " to root sessions (statement DenyRootUser).")
        .contains("Fix: add \"Null\": {\"aws:AssumedRoot\": \"true\"} to that statement's Condition, so that it"
            + " spares root sessions.");
    assertThat(refused.findings()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(ScpFinding.Kind.DENIES);
      assertThat(f.targetId()).isEqualTo(org.ouId("Sandbox"));
      assertThat(f.actions()).containsExactlyInAnyOrderElementsOf(policy.allowedActions());
    });
    assertThat(org.aws.calls().withAction("sts:AssumeRoot")).as("no root session for a doomed request").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TaskPolicy.class)
  void prod_payments_is_cleared_for_every_task_policy_without_warnings(TaskPolicy policy) {
    org = SandboxOrganization.demo();

    PreflightResult result = check(PROD_PAYMENTS, policy);

    assertThat(result).isEqualTo(new PreflightResult.Cleared(java.util.List.of(), java.util.List.of()));
  }

  @Test
  void the_preflight_makes_only_the_bots_own_read_calls() {
    org = SandboxOrganization.demo();

    for (TaskPolicy policy : TaskPolicy.values()) {
      check(DEV_PLAYGROUND, policy);
      check(PROD_PAYMENTS, policy);
    }

    assertThat(org.aws.calls()).isNotEmpty().allSatisfy(call -> {
      assertThat(call.accessKeyId()).isEqualTo(org.aws.managementKey().accessKeyId());
      assertThat(call.action()).matches("organizations:(List|Describe).*|iam:ListOrganizationsFeatures");
    });
  }

  @Test
  void an_scp_that_denies_only_deleting_bucket_policies_refuses_the_unlock_but_not_the_audit_or_a_restore() {
    org = new SandboxOrganization(Seed.demo().withServiceControlPolicy("NoPolicyDeletes", "Production",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"KeepBucketPolicies\",\"Effect\":\"Deny\","
            + "\"Action\":\"s3:DeleteBucketPolicy\",\"Resource\":\"*\"}]}"));

    var unlock = org.preflight.check(PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY,
        Set.of("s3:GetBucketPolicy", "s3:DeleteBucketPolicy"), US_EAST_1, PAYMENTS_BUCKET);
    var restore = org.preflight.check(PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY,
        Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy"), US_EAST_1, PAYMENTS_BUCKET);
    var audit = check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThat(unlock.refused()).isTrue();
    assertThat(((PreflightResult.Refused) unlock).findings()).singleElement().satisfies(f -> {
      assertThat(f.actions()).containsExactly("s3:DeleteBucketPolicy");
      assertThat(f.policyName()).contains("NoPolicyDeletes");
      assertThat(f.statement()).contains("statement KeepBucketPolicies");
      assertThat(f.attachedTo()).isEqualTo("OU Production (" + org.ouId("Production") + ")");
    });
    assertThat(((PreflightResult.Refused) unlock).explanation()).contains("denies s3:DeleteBucketPolicy to root sessions");
    assertThat(restore.refused()).isFalse();
    assertThat(audit.refused()).isFalse();
  }

  @Test
  void a_condition_that_cannot_be_known_before_the_call_is_a_warning_that_names_the_scp() {
    org = new SandboxOrganization(Seed.demo().withServiceControlPolicy("OnlyFromOurNetwork", "Production",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyFromOurVpc\",\"Effect\":\"Deny\",\"Action\":\"*\","
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:SourceVpc\":\"vpc-0abc\"}}}]}"));

    PreflightResult result = check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThat(result.refused()).isFalse();
    var cleared = (PreflightResult.Cleared) result;
    assertThat(cleared.warnings()).singleElement().asString()
        .contains("The SCP OnlyFromOurNetwork (" + org.policyId("OnlyFromOurNetwork") + ")")
        .contains("may deny every action of IAMAuditRootUserCredentials")
        .contains("statement OnlyFromOurVpc")
        .contains("the condition StringNotEqualsIfExists on aws:SourceVpc");
    assertThat(cleared.doubts()).singleElement().extracting(ScpFinding::kind).isEqualTo(ScpFinding.Kind.MAY_DENY);
  }

  @Test
  void a_region_restriction_refuses_a_bucket_outside_it_and_warns_when_the_region_is_not_known() {
    org = new SandboxOrganization(Seed.demo().withServiceControlPolicy("UsOnly", "Root",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyOutsideUs\",\"Effect\":\"Deny\",\"NotAction\":\"iam:*\","
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotLike\":{\"aws:RequestedRegion\":\"us-*\"}}}]}"));
    var eu = Optional.of(AwsRegion.parse("eu-west-1"));
    var bucket = Optional.of("arn:aws:s3:::data-lake-raw");

    var inEurope = org.preflight.check(PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY, eu, bucket);
    var unknown = org.preflight.check(PROD_PAYMENTS, TaskPolicy.S3_UNLOCK_BUCKET_POLICY, Optional.empty(), bucket);
    var iam = check(PROD_PAYMENTS, TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS);

    assertThat(inEurope.refused()).isTrue();
    assertThat(((PreflightResult.Refused) inEurope).explanation()).contains("attached to the organization root (r-exmp)");
    assertThat(unknown.refused()).isFalse();
    assertThat(((PreflightResult.Cleared) unknown).warnings()).singleElement().asString()
        .contains("the condition StringNotLike on aws:RequestedRegion");
    assertThat(iam).isEqualTo(new PreflightResult.Cleared(java.util.List.of(), java.util.List.of()));
  }

  @Test
  void the_management_account_an_unknown_account_and_a_suspended_one_are_refused_with_their_reason() {
    org = new SandboxOrganization(Seed.demo().withAccountStatus("555555555555", "SUSPENDED"));

    var management = check(MANAGEMENT, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    var unknown = check(new AccountId("123456789012"), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    var suspended = check(new AccountId("555555555555"), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThat(((PreflightResult.Refused) management).reason()).isEqualTo(TaskFailure.Reason.MANAGEMENT_ACCOUNT);
    assertThat(((PreflightResult.Refused) unknown).reason()).isEqualTo(TaskFailure.Reason.UNKNOWN_ACCOUNT);
    assertThat(((PreflightResult.Refused) unknown).explanation()).contains("not in organization o-exampleorg1");
    assertThat(((PreflightResult.Refused) suspended).reason()).isEqualTo(TaskFailure.Reason.ACCOUNT_NOT_ACTIVE);
    assertThat(((PreflightResult.Refused) suspended).explanation()).contains("security-tooling (555555555555) is SUSPENDED");
  }

  @Test
  void root_sessions_off_are_refused_with_the_command_that_enables_them() {
    org = new SandboxOrganization(Seed.demo().withFeatures("RootCredentialsManagement"));

    var result = check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThat(((PreflightResult.Refused) result).reason()).isEqualTo(TaskFailure.Reason.NOT_ENABLED);
    assertThat(((PreflightResult.Refused) result).explanation()).endsWith("aws iam enable-organizations-root-sessions");
  }

  @Test
  void credential_tasks_need_root_credentials_management_and_the_audit_does_not() {
    org = new SandboxOrganization(Seed.demo().withFeatures("RootSessions"));

    var delete = check(PROD_PAYMENTS, TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS);
    var password = check(PROD_PAYMENTS, TaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD);
    var audit = check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThat(((PreflightResult.Refused) delete).explanation())
        .endsWith("aws iam enable-organizations-root-credentials-management");
    assertThat(password.refused()).isTrue();
    assertThat(audit.refused()).isFalse();
  }

  @Test
  void features_are_read_once_a_minute_but_a_missing_one_is_read_again_before_refusing() {
    org = new SandboxOrganization(Seed.demo().withFeatures("RootCredentialsManagement"));

    check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    org.aws.features().enable("RootSessions");
    var now = check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThat(now.refused()).as("the feature was enabled since the last read").isFalse();
    assertThat(org.botCalls().withAction("iam:ListOrganizationsFeatures")).hasSize(3);
  }

  @Test
  void a_refusal_reads_the_scps_afresh_and_a_clearance_is_served_from_the_cache() {
    org = SandboxOrganization.demo();
    check(DEV_PLAYGROUND, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    int listed = org.botCalls().withAction("organizations:ListPoliciesForTarget").size();
    int described = org.botCalls().withAction("organizations:DescribePolicy").size();

    check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);
    assertThat(org.botCalls().withAction("organizations:ListPoliciesForTarget")).hasSize(listed);
    check(DEV_PLAYGROUND, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    // dev-playground's path is the root, OU Sandbox and the account: each read again once before refusing.
    assertThat(org.botCalls().withAction("organizations:ListPoliciesForTarget")).hasSize(listed + 3);
    assertThat(org.botCalls().withAction("organizations:DescribePolicy").size()).isGreaterThan(described);
    assertThat(org.botCalls().withAction("organizations:ListRoots")).as("the tree is read once").hasSize(1);
  }

  @Test
  void without_the_scp_policy_type_no_scp_applies() {
    var json = com.google.gson.JsonParser.parseString(Seed.demo().toJson()).getAsJsonObject();
    json.getAsJsonObject("organization").addProperty("featureSet", "CONSOLIDATED_BILLING");
    org = new SandboxOrganization(Seed.fromJson(json.toString()));

    assertThat(org.tree.read().scpsEnabled()).isFalse();
    assertThat(check(DEV_PLAYGROUND, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS).refused()).isFalse();
    assertThat(org.botCalls().withAction("organizations:ListPoliciesForTarget")).isEmpty();
  }

  @Test
  void an_organization_the_bot_cannot_read_gives_a_warning_not_a_refusal() {
    org = SandboxOrganization.demo();
    org.aws.faults().inject("organizations:DescribeOrganization", Fault.serverError(500));

    PreflightResult result = check(PROD_PAYMENTS, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

    assertThat(result.refused()).isFalse();
    assertThat(((PreflightResult.Cleared) result).warnings()).singleElement().asString()
        .startsWith("Rootbot could not read the organization");
  }
}
