package dev.rootbot.actions.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.rootbot.actions.org.scp.ScpFinding;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.TaskPolicy;
import dev.rootbot.sandbox.aws.Seed;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /root status}: every OU and account an SCP blocks, read cheaply. */
class ScpStatusTest {
  private static final String DENY_ROOT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyRootUser\","
      + "\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"aws:PrincipalArn\":"
      + "\"arn:aws:iam::*:root\"}}}]}";

  private SandboxOrganization org;

  @AfterEach
  void close() {
    if (org != null) {
      org.close();
    }
  }

  @Test
  void the_demo_reports_ou_sandbox_blocked_for_every_task_with_the_fix() {
    org = SandboxOrganization.demo();

    ScpReport report = new ScpStatus(org.tree).report();

    assertThat(report.accountsChecked()).isEqualTo(4);
    assertThat(report.blockedAccounts()).containsExactly(new AccountId("444444444444"));
    assertThat(report.uncertain()).isEmpty();
    assertThat(report.blocked()).singleElement().satisfies(b -> {
      assertThat(b.taskPolicies()).containsExactlyInAnyOrder(TaskPolicy.values());
      assertThat(b.finding().policyName()).contains("DenyRootUser");
      assertThat(b.finding().fix()).isEqualTo(ScpFinding.Fix.ADD_EXEMPTION);
    });
    assertThat(report.lines()).containsExactly("OU Sandbox (" + org.ouId("Sandbox") + "), 1 account (dev-playground):"
        + " The SCP DenyRootUser (" + org.policyId("DenyRootUser") + "), attached to OU Sandbox (" + org.ouId("Sandbox")
        + "), denies every action of every root task policy to root sessions (statement DenyRootUser). Fix: add"
        + " \"Null\": {\"aws:AssumedRoot\": \"true\"} to that statement's Condition, so that it spares root sessions.");
  }

  @Test
  void an_account_below_a_blocking_ou_is_not_read_and_the_others_are_read_once() {
    org = SandboxOrganization.demo();

    new ScpStatus(org.tree).report();
    new ScpStatus(org.tree).report();

    // The root, OU Production and OU Sandbox, then the three accounts the path leaves open; never 444444444444.
    assertThat(org.botCalls().withAction("organizations:ListPoliciesForTarget")).hasSize(6)
        .noneMatch(c -> "444444444444".equals(c.parameters().get("TargetId")));
  }

  @Test
  void an_ou_deep_in_the_tree_is_reported_once_for_all_its_accounts() {
    org = new SandboxOrganization(Seeds.nested(120).withServiceControlPolicy("DenyRootUser2", "Payments", DENY_ROOT));

    ScpReport report = new ScpStatus(org.tree).report();

    String payments = org.tree.read().ouByName("Payments").get(0).id();
    assertThat(report.blocked()).extracting(b -> b.finding().targetId()).containsExactly(payments, org.ouId("Sandbox"));
    assertThat(report.blocked().get(0).accounts()).hasSize(120);
    assertThat(report.lines().get(0)).startsWith("OU Payments (" + payments + "), 120 accounts (payments-eu-00,"
        + " payments-eu-01, payments-eu-02, payments-eu-03, payments-eu-04 and 115 more): The SCP DenyRootUser2");
    assertThat(org.botCalls().withAction("organizations:ListPoliciesForTarget"))
        .as("root, 4 OUs and the 3 accounts outside Payments and Sandbox: none of the 120").hasSize(8);
  }

  @Test
  void an_scp_on_one_account_that_denies_one_action_blocks_only_the_task_that_needs_it() {
    org = new SandboxOrganization(Seed.demo().withServiceControlPolicy("KeepRootKeys", "555555555555",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:DeleteAccessKey\","
            + "\"Resource\":\"*\"}]}"));

    ScpReport report = new ScpStatus(org.tree).report();

    assertThat(report.blocked()).hasSize(2);
    assertThat(report.blocked().get(1)).satisfies(b -> {
      assertThat(b.finding().attachedTo()).isEqualTo("account security-tooling (555555555555)");
      assertThat(b.taskPolicies()).isEqualTo(EnumSet.of(TaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS));
      assertThat(b.finding().actions()).containsExactly("iam:DeleteAccessKey");
      assertThat(b.line()).contains("denies iam:DeleteAccessKey to root sessions (statement 1 (no Sid))");
    });
  }

  @Test
  void a_region_restriction_is_a_possible_block_since_buckets_regions_are_not_known_here() {
    org = new SandboxOrganization(Seed.demo().withServiceControlPolicy("EuOnly", "Production",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyEu\",\"Effect\":\"Deny\",\"NotAction\":\"iam:*\","
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotLike\":{\"aws:RequestedRegion\":\"eu-*\"}}}]}"));

    ScpReport report = new ScpStatus(org.tree).report();

    assertThat(report.uncertain()).singleElement().satisfies(b -> {
      assertThat(b.taskPolicies()).isEqualTo(Set.of(TaskPolicy.S3_UNLOCK_BUCKET_POLICY, TaskPolicy.SQS_UNLOCK_QUEUE_POLICY));
      assertThat(b.accounts()).extracting(Account::name).containsExactly("prod-data", "prod-payments");
    });
    assertThat(report.lines()).last().asString().startsWith("May block: OU Production (")
        .contains("may deny every action of S3UnlockBucketPolicy and SQSUnlockQueuePolicy");
  }

  @Test
  void nothing_blocks_an_organization_without_such_scps_and_nothing_applies_without_the_scp_type() {
    var json = JsonParser.parseString(Seed.demo().toJson()).getAsJsonObject();
    json.getAsJsonObject("organization").add("serviceControlPolicies", new JsonArray());
    org = new SandboxOrganization(Seed.fromJson(json.toString()));
    assertThat(new ScpStatus(org.tree).report().lines())
        .containsExactly("No SCP blocks root sessions in the 4 active member accounts.");
    org.close();

    json.getAsJsonObject("organization").addProperty("featureSet", "CONSOLIDATED_BILLING");
    org = new SandboxOrganization(Seed.fromJson(json.toString()));
    assertThat(new ScpStatus(org.tree).report().lines())
        .containsExactly("Service control policies are not enabled in this organization, so none blocks root sessions.");
  }
}
