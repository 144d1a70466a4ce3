package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static dev.rootbot.sandbox.aws.Demo.DEV_PLAYGROUND;
import static dev.rootbot.sandbox.aws.Demo.MANAGEMENT;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static dev.rootbot.sandbox.aws.Demo.SECURITY_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/** Organizations over awsJson1.1: the demo organization's tree, SCPs, trusted access and pagination. */
class OrganizationsTest {
  private SimulatedAws aws = SimulatedAws.start(Seed.demo());

  @AfterEach
  void stop() {
    aws.close();
  }

  @Test
  void describe_organization_reports_all_features_and_the_management_account() {
    var organization = management().describeOrganization().organization();

    assertThat(organization.id()).isEqualTo("o-exampleorg1");
    assertThat(organization.featureSetAsString()).isEqualTo("ALL");
    assertThat(organization.masterAccountId()).isEqualTo(MANAGEMENT);
    assertThat(organization.arn()).isEqualTo("arn:aws:organizations::111111111111:organization/o-exampleorg1");
  }

  @Test
  void list_accounts_pages_with_max_results_and_next_token() {
    OrganizationsClient orgs = management();

    var first = orgs.listAccounts(b -> b.maxResults(2));
    var second = orgs.listAccounts(b -> b.maxResults(2).nextToken(first.nextToken()));
    var third = orgs.listAccounts(b -> b.maxResults(2).nextToken(second.nextToken()));
    List<String> paginated = orgs.listAccountsPaginator(b -> b.maxResults(1)).stream()
        .flatMap(page -> page.accounts().stream()).map(Account::id).toList();

    assertThat(first.accounts()).hasSize(2);
    assertThat(third.accounts()).hasSize(1);
    assertThat(third.nextToken()).isNull();
    assertThat(paginated).containsExactlyInAnyOrder(MANAGEMENT, PROD_PAYMENTS, PROD_DATA, DEV_PLAYGROUND,
        SECURITY_TOOLING);
  }

  @Test
  void max_results_above_20_and_foreign_tokens_are_invalid_input() {
    OrganizationsClient orgs = Clients.management(aws).withoutRetries().organizations();

    assertRefused(() -> orgs.listAccounts(b -> b.maxResults(21)), 400, "InvalidInputException", "MaxResults");
    assertRefused(() -> orgs.listAccounts(b -> b.nextToken("garbage")), 400, "InvalidInputException", "NextToken");
  }

  @Test
  void describe_organizational_unit_names_an_ou_and_refuses_an_unknown_one() {
    OrganizationsClient orgs = Clients.management(aws).withoutRetries().organizations();
    String sandboxOu = orgs.listParents(r -> r.childId("444444444444")).parents().get(0).id();

    assertThat(orgs.describeOrganizationalUnit(r -> r.organizationalUnitId(sandboxOu)).organizationalUnit().name())
        .isEqualTo("Sandbox");
    assertThatThrownBy(() -> orgs.describeOrganizationalUnit(r -> r.organizationalUnitId("ou-exmp-00000000")))
        .isInstanceOf(software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotFoundException.class);
  }

  @Test
  void describe_account_finds_members_and_not_strangers() {
    OrganizationsClient orgs = Clients.management(aws).withoutRetries().organizations();

    Account account = orgs.describeAccount(b -> b.accountId(DEV_PLAYGROUND)).account();

    assertThat(account.name()).isEqualTo("dev-playground");
    assertThat(account.statusAsString()).isEqualTo("ACTIVE");
    assertThat(account.email()).isEqualTo("aws-dev-playground@example.com");
    assertThatThrownBy(() -> orgs.describeAccount(b -> b.accountId("999999999999")))
        .isInstanceOf(AccountNotFoundException.class);
  }

  @Test
  void the_tree_is_root_then_production_and_sandbox() {
    OrganizationsClient orgs = management();

    String root = orgs.listRoots().roots().get(0).id();
    List<OrganizationalUnit> units = orgs.listOrganizationalUnitsForParent(b -> b.parentId(root))
        .organizationalUnits();
    String production = units.stream().filter(u -> u.name().equals("Production")).findFirst().orElseThrow().id();

    assertThat(root).isEqualTo("r-exmp");
    assertThat(units).extracting(OrganizationalUnit::name).containsExactly("Production", "Sandbox");
    assertThat(orgs.listAccountsForParent(b -> b.parentId(production)).accounts()).extracting(Account::id)
        .containsExactly(PROD_PAYMENTS, PROD_DATA);
    assertThat(orgs.listAccountsForParent(b -> b.parentId(root)).accounts()).extracting(Account::id)
        .containsExactly(MANAGEMENT, SECURITY_TOOLING);
    assertThat(orgs.listParents(b -> b.childId(PROD_DATA)).parents().get(0).id()).isEqualTo(production);
    assertThat(orgs.listParents(b -> b.childId(production)).parents().get(0).typeAsString()).isEqualTo("ROOT");
  }

  @Test
  void the_sandbox_ou_carries_the_scp_that_denies_root_without_the_exemption() {
    OrganizationsClient orgs = management();
    String sandbox = orgs.listParents(b -> b.childId(DEV_PLAYGROUND)).parents().get(0).id();

    List<PolicySummary> policies = orgs.listPoliciesForTarget(b -> b.targetId(sandbox)
        .filter(PolicyType.SERVICE_CONTROL_POLICY)).policies();
    PolicySummary denyRoot = policies.stream().filter(p -> !p.awsManaged()).findFirst().orElseThrow();
    String content = orgs.describePolicy(b -> b.policyId(denyRoot.id())).policy().content();

    assertThat(policies).extracting(PolicySummary::name).containsExactly("FullAWSAccess", "DenyRootUser");
    assertThat(content).contains("arn:aws:iam::*:root").doesNotContain("aws:AssumedRoot");
    assertThat(orgs.listPoliciesForTarget(b -> b.targetId(PROD_PAYMENTS).filter(PolicyType.SERVICE_CONTROL_POLICY))
        .policies()).extracting(PolicySummary::name).containsExactly("FullAWSAccess");
  }

  @Test
  void trusted_access_lists_iam_and_can_be_enabled_for_another_service() {
    OrganizationsClient orgs = management();

    assertThat(orgs.listAWSServiceAccessForOrganization().enabledServicePrincipals())
        .extracting(p -> p.servicePrincipal()).containsExactly("iam.amazonaws.com");
    orgs.enableAWSServiceAccess(b -> b.servicePrincipal("cloudtrail.amazonaws.com"));

    assertThat(aws.organization().trusts("cloudtrail.amazonaws.com")).isTrue();
    assertThat(orgs.listAWSServiceAccessForOrganization().enabledServicePrincipals()).hasSize(2);
  }

  @Test
  void delegated_administrators_are_listed_by_service() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withDelegatedAdministrator(SECURITY_TOOLING, "iam.amazonaws.com"));
    OrganizationsClient orgs = management();

    assertThat(orgs.listDelegatedAdministrators(b -> b.servicePrincipal("iam.amazonaws.com"))
        .delegatedAdministrators()).extracting(a -> a.id()).containsExactly(SECURITY_TOOLING);
    assertThat(orgs.listDelegatedAdministrators(b -> b.servicePrincipal("guardduty.amazonaws.com"))
        .delegatedAdministrators()).isEmpty();
  }

  @Test
  void the_demo_has_no_delegated_administrator() {
    assertThat(management().listDelegatedAdministrators(b -> { }).delegatedAdministrators()).isEmpty();
  }

  @Test
  void a_member_account_may_describe_the_organization_but_not_list_it() {
    aws.close();
    aws = SimulatedAws.start(Seed.demo().withCaller(PROD_DATA, "ops", "AKIASANDBOXPRODDATA1", "s3cret"));
    OrganizationsClient member = Clients.as(aws, aws.callerKey(PROD_DATA)).withoutRetries().organizations();

    assertThat(member.describeOrganization().organization().id()).isEqualTo("o-exampleorg1");
    assertRefused(member::listAccounts, 400, "AccessDeniedException", "permissions");
    assertRefused(() -> member.enableAWSServiceAccess(b -> b.servicePrincipal("x.amazonaws.com")), 400,
        "AccessDeniedException", null);
  }

  private OrganizationsClient management() {
    return Clients.management(aws).organizations();
  }
}
