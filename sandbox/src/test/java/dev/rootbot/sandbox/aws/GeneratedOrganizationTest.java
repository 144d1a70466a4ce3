package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.AssumeRootTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.iam.RootCredentials;
import dev.rootbot.sandbox.aws.organizations.Account;
import dev.rootbot.sandbox.aws.organizations.AccountStatus;
import dev.rootbot.sandbox.aws.organizations.Organization;
import dev.rootbot.sandbox.aws.policy.TaskPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ChildType;

/** {@code Seed.generated(n)}: n member accounts over nested OUs, the same every time, with fixed shares. */
class GeneratedOrganizationTest {
  private static final String SANDBOX_ACCOUNT = GeneratedOrganization.accountId(3); // the 4th goes to Sandbox
  private static final String PRODUCTION_ACCOUNT = GeneratedOrganization.accountId(0);

  @Test
  void the_same_number_gives_the_same_organization() {
    assertThat(Seed.generated(120).toJson()).isEqualTo(Seed.generated(120).toJson());
    assertThat(Seed.generated(120).toJson()).isNotEqualTo(Seed.generated(121).toJson());
  }

  @Test
  void two_hundred_accounts_hold_the_documented_shares_of_each_root_credential() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.generated(200))) {
      List<String> members = members(aws.organization());
      List<RootCredentials> all = members.stream().map(aws::rootCredentials).toList();

      assertThat(members).hasSize(200).doesNotHaveDuplicates().allMatch(id -> id.matches("2\\d{11}"));
      assertThat(count(all, RootCredentials::hasPassword)).isEqualTo(80);               // 40 %
      assertThat(count(all, c -> !c.accessKeys().isEmpty())).isEqualTo(50);            // 25 %
      assertThat(count(all, c -> c.accessKeys().size() == 2)).isEqualTo(10);           // 5 %
      assertThat(count(all, c -> !c.signingCertificates().isEmpty())).isEqualTo(30);   // 15 %
      assertThat(count(all, c -> !c.mfaDevices().isEmpty())).isEqualTo(60);            // 30 %
      assertThat(count(all, c -> !c.mfaDevices().isEmpty() && c.virtualMfaDevices().isEmpty())).isEqualTo(10);
      assertThat(count(all, RootCredentials::none)).isEqualTo(70);                     // 35 %
      assertThat(aws.organization().accounts()).filteredOn(a -> a.status() == AccountStatus.SUSPENDED)
          .extracting(Account::id).containsExactlyInAnyOrder(GeneratedOrganization.accountId(49),
              GeneratedOrganization.accountId(99), GeneratedOrganization.accountId(149),
              GeneratedOrganization.accountId(199));
    }
  }

  @Test
  void half_the_passwords_were_used_to_sign_in_which_get_user_reports() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.generated(40))) {
      var used = Clients.rootSession(aws, GeneratedOrganization.accountId(21), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
          .iam().getUser().user();
      var unused = Clients.rootSession(aws, GeneratedOrganization.accountId(25), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
          .iam().getUser().user();

      assertThat(used.passwordLastUsed()).isEqualTo(java.time.Instant.parse("2024-01-14T12:00:00Z").minus(
          Duration.ofDays(21)));
      assertThat(aws.rootCredentials(GeneratedOrganization.accountId(25)).hasPassword()).isTrue();
      assertThat(unused.passwordLastUsed()).isNull();
    }
  }

  @Test
  void the_management_account_and_its_key_are_the_demos_and_root_access_is_on() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.generated(10))) {
      Organization org = aws.organization();

      assertThat(org.managementAccountId()).isEqualTo("111111111111");
      assertThat(aws.managementKey()).isEqualTo(new CallerKey("AKIASANDBOXMANAGEMNT", "sandbox-management-secret"));
      assertThat(org.features()).containsExactly("RootCredentialsManagement", "RootSessions");
      assertThat(org.trusts("iam.amazonaws.com")).isTrue();
      assertThat(org.account(PRODUCTION_ACCOUNT).orElseThrow().name()).isEqualTo("production-00001");
    }
  }

  @Test
  void fifty_nested_ous_three_deep_and_every_top_level_ou_has_accounts_from_five_on() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.generated(5))) {
      Organization org = aws.organization();

      assertThat(org.units()).hasSize(50);
      assertThat(org.unitsUnder(org.rootId())).extracting(u -> u.name())
          .containsExactly("Production", "Staging", "Development", "Sandbox", "Security");
      assertThat(org.units()).allSatisfy(u -> assertThat(org.pathTo(u.id()).size()).isBetween(2, 4));
      assertThat(org.units().stream().mapToInt(u -> org.pathTo(u.id()).size()).max()).hasValue(4);
      assertThat(org.unitsUnder(org.rootId())).allSatisfy(u -> assertThat(org.accountsUnder(u.id())).hasSize(1));
    }
  }

  @Test
  void the_sandbox_ou_blocks_root_sessions_and_production_exempts_them() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.generated(10))) {
      assertThat(aws.organization().pathTo(SANDBOX_ACCOUNT)).extracting(id -> aws.organization().unit(id)
          .map(u -> u.name()).orElse(id)).contains("Sandbox");
      Clients sandbox = Clients.rootSession(aws, SANDBOX_ACCOUNT, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)
          .withoutRetries();
      Clients production = Clients.rootSession(aws, PRODUCTION_ACCOUNT, TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS);

      assertRefused(() -> sandbox.iam().getUser(), 403, "AccessDenied", "explicit deny in a service control policy");
      assertThat(production.iam().getUser().user().arn()).isEqualTo("arn:aws:iam::" + PRODUCTION_ACCOUNT + ":root");
      assertThat(aws.organization().policiesGoverning(PRODUCTION_ACCOUNT)).extracting(p -> p.name())
          .contains("DenyRootUserExceptRootSessions");
    }
  }

  @Test
  void walking_the_tree_with_list_children_finds_every_account_once() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.generated(300))) {
      OrganizationsClient orgs = Clients.management(aws).organizations();
      String root = orgs.listRoots().roots().get(0).id();
      List<String> found = new ArrayList<>();
      List<String> parents = new ArrayList<>(List.of(root));
      int units = 0;
      while (!parents.isEmpty()) {
        String parent = parents.remove(0);
        found.addAll(children(orgs, parent, ChildType.ACCOUNT));
        List<String> children = children(orgs, parent, ChildType.ORGANIZATIONAL_UNIT);
        units += children.size();
        parents.addAll(children);
      }

      assertThat(units).isEqualTo(50);
      assertThat(found).hasSize(301).doesNotHaveDuplicates().contains("111111111111", GeneratedOrganization.accountId(299));
    }
  }

  @Test
  void ten_thousand_accounts_start_in_seconds() {
    long started = System.nanoTime();
    try (SimulatedAws aws = SimulatedAws.start(Seed.generated(10_000))) {
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(aws.organization().accounts()).hasSize(10_001);
      assertThat(took).isLessThan(Duration.ofSeconds(30)); // about 5 s on a shared 2-core machine
      long listed = Clients.management(aws).organizations().listAccountsPaginator().stream()
          .mapToLong(page -> page.accounts().size()).sum();
      assertThat(listed).isEqualTo(10_001);
    }
  }

  @Test
  void the_number_of_members_is_1_to_100000() {
    assertThatThrownBy(() -> Seed.generated(0)).hasMessageContaining("1 to 100000");
    assertThatThrownBy(() -> Seed.generated(100_001)).hasMessageContaining("1 to 100000");
  }

  private static List<String> members(Organization org) {
    return org.accounts().stream().map(Account::id).filter(id -> !org.isManagement(id)).toList();
  }

  private static long count(List<RootCredentials> all, Predicate<RootCredentials> condition) {
    return all.stream().filter(condition).count();
  }

  static List<String> children(OrganizationsClient orgs, String parent, ChildType type) {
    return orgs.listChildrenPaginator(b -> b.parentId(parent).childType(type)).stream()
        .flatMap(page -> page.children().stream()).map(c -> c.id()).toList();
  }
}
