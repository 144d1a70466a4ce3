package dev.rootbot.actions.org;

import static dev.rootbot.actions.org.SandboxOrganization.DEV_PLAYGROUND;
import static dev.rootbot.actions.org.SandboxOrganization.MANAGEMENT;
import static dev.rootbot.actions.org.SandboxOrganization.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.org.scp.ScpLevel;
import dev.rootbot.actions.org.scp.ServiceControlPolicy;
import dev.rootbot.actions.task.AccountId;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The organization's tree and SCPs, read from the simulated organization over HTTP, with all pages, cached. */
class OrganizationTreeTest {
  private SandboxOrganization org;

  @AfterEach
  void close() {
    if (org != null) {
      org.close();
    }
  }

  @Test
  void the_demo_tree_has_its_ous_accounts_and_paths() {
    org = SandboxOrganization.demo();

    OrganizationSnapshot tree = org.tree.read();

    assertThat(tree.organization().id()).isEqualTo("o-exampleorg1");
    assertThat(tree.organization().managementAccount()).isEqualTo(MANAGEMENT);
    assertThat(tree.rootId()).isEqualTo("r-exmp");
    assertThat(tree.scpsEnabled()).isTrue();
    assertThat(tree.ous()).extracting(OrganizationalUnit::name).containsExactly("Production", "Sandbox");
    OrganizationalUnit production = tree.ouByName("production").get(0);
    assertThat(tree.ouById(org.ouId("Production"))).contains(production);
    assertThat(tree.accountsUnder(production)).extracting(Account::name).containsExactly("prod-data", "prod-payments");
    assertThat(tree.accounts()).hasSize(5);
    assertThat(tree.activeMembers()).extracting(a -> a.id().value())
        .containsExactly("444444444444", "333333333333", "222222222222", "555555555555");
    assertThat(tree.path(DEV_PLAYGROUND)).extracting(PolicyTarget::label).containsExactly(
        "the organization root (r-exmp)", "OU Sandbox (" + org.ouId("Sandbox") + ")",
        "account dev-playground (444444444444)");
    assertThat(tree.path(new AccountId("555555555555"))).extracting(PolicyTarget::kind)
        .containsExactly(PolicyTarget.Kind.ROOT, PolicyTarget.Kind.ACCOUNT);
    assertThat(tree.organizationPath(DEV_PLAYGROUND)).contains("o-exampleorg1/r-exmp/" + org.ouId("Sandbox") + "/");
    assertThat(tree.path(new AccountId("123456789012"))).isEmpty();
  }

  @Test
  void nested_ous_and_more_accounts_than_one_page_are_all_read() {
    org = new SandboxOrganization(Seeds.nested(45));

    OrganizationSnapshot tree = org.tree.read();

    OrganizationalUnit production = tree.ouByName("Production").get(0);
    OrganizationalUnit eu = tree.ouByName("EU").get(0);
    assertThat(tree.accountsUnder(eu)).hasSize(45);
    assertThat(tree.accountsUnder(production)).as("nested OUs count").hasSize(47);
    assertThat(tree.findOus(eu.id())).containsExactly(eu);
    assertThat(tree.findOus(" eu ")).containsExactly(eu);
    assertThat(tree.findOus("Nowhere")).isEmpty();
    AccountId nested = new AccountId("700000000044");
    assertThat(tree.path(nested)).extracting(PolicyTarget::name)
        .containsExactly("Root", "Production", "Payments", "EU", "payments-eu-44");
    assertThat(tree.ousAbove(nested)).extracting(OrganizationalUnit::name).containsExactly("Production", "Payments", "EU");
    assertThat(tree.organizationPath(nested)).contains("o-exampleorg1/r-exmp/" + production.id() + "/"
        + tree.ouByName("Payments").get(0).id() + "/" + eu.id() + "/");
    assertThat(org.botCalls().withAction("organizations:ListAccountsForParent")).as("three pages for EU, one for each other parent").hasSize(3 + 4);
  }

  @Test
  void the_tree_is_read_once_per_ttl_and_again_after_it() {
    org = SandboxOrganization.demo();

    org.tree.read();
    org.tree.read();
    assertThat(org.botCalls().withAction("organizations:ListRoots")).hasSize(1);
    org.ticker.advance(TTL.plus(Duration.ofSeconds(1)));
    org.tree.read();

    // The read after the TTL answers from the cache and refreshes it on the reads pool: wait for that.
    org.awaitCalls("organizations:ListRoots", 2);
    assertThat(org.tree.read().ous()).hasSize(2);
  }

  @Test
  void scp_contents_are_read_once_per_policy_however_many_targets_share_it() {
    org = SandboxOrganization.demo();
    OrganizationSnapshot tree = org.tree.read();
    List<String> targets = tree.accounts().stream().map(a -> a.id().value()).collect(Collectors.toList());
    targets.add(tree.rootId());
    tree.ous().forEach(ou -> targets.add(ou.id()));

    var attached = org.tree.policiesAttachedTo(targets);
    org.tree.policiesAttachedTo(targets);

    assertThat(attached).hasSize(8);
    assertThat(attached.get(org.ouId("Sandbox"))).extracting(ServiceControlPolicy::name)
        .containsExactlyInAnyOrder("FullAWSAccess", "DenyRootUser");
    assertThat(org.botCalls().withAction("organizations:ListPoliciesForTarget")).hasSize(8);
    assertThat(org.botCalls().withAction("organizations:DescribePolicy")).as("FullAWSAccess and DenyRootUser").hasSize(2);
  }

  @Test
  void scp_levels_follow_the_path_with_what_is_attached_at_each() {
    org = SandboxOrganization.demo();

    List<ScpLevel> levels = org.tree.scpLevels(org.tree.read().path(DEV_PLAYGROUND));

    assertThat(levels).extracting(ScpLevel::targetId).containsExactly("r-exmp", org.ouId("Sandbox"), "444444444444");
    assertThat(levels.get(1).policies()).extracting(ServiceControlPolicy::id)
        .containsExactlyInAnyOrder("p-FullAWSAccess", org.policyId("DenyRootUser"));
  }

  @Test
  void a_new_account_is_found_at_once_and_an_unknown_id_costs_one_describe() {
    org = SandboxOrganization.demo();
    org.tree.read();

    org.tree.readWith(new AccountId("123456789012"));
    org.tree.readWith(DEV_PLAYGROUND);

    assertThat(org.botCalls().withAction("organizations:DescribeAccount")).hasSize(1);
    assertThat(org.botCalls().withAction("organizations:ListRoots")).hasSize(1);
  }
}
