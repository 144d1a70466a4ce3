package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.actions.org.Account;
import dev.rootbot.actions.org.Organization;
import dev.rootbot.actions.org.OrganizationSnapshot;
import dev.rootbot.actions.org.OrganizationalUnit;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which accounts a fleet task covers, from a tree made by hand. */
class FleetScopeTest {
  private static final OrganizationSnapshot TREE = new OrganizationSnapshot(
      new Organization("o-exampleorg1", new AccountId("111111111111"), true), "r-exmp", true,
      List.of(new OrganizationalUnit("ou-exmp-prod", "Production", "r-exmp"),
          new OrganizationalUnit("ou-exmp-pay", "payments", "ou-exmp-prod"),
          new OrganizationalUnit("ou-exmp-dev", "Development", "r-exmp"),
          new OrganizationalUnit("ou-exmp-dpay", "payments", "ou-exmp-dev")),
      List.of(placed("111111111111", "management", "ACTIVE", "r-exmp"),
          placed("222222222222", "prod-payments", "ACTIVE", "ou-exmp-pay"),
          placed("333333333333", "prod-data", "ACTIVE", "ou-exmp-prod"),
          placed("444444444444", "prod-old", "SUSPENDED", "ou-exmp-prod"),
          placed("555555555555", "dev-payments", "ACTIVE", "ou-exmp-dpay"),
          placed("666666666666", "shared", "ACTIVE", "r-exmp")));

  @Test
  void all_is_every_active_member_with_its_ou_path_and_never_the_management_account() {
    assertThat(FleetScope.all().targets(TREE)).containsExactly(
        target("555555555555", "dev-payments", "Development/payments"),
        target("333333333333", "prod-data", "Production"),
        target("222222222222", "prod-payments", "Production/payments"),
        target("666666666666", "shared", ""));
  }

  @Test
  void an_ou_by_name_or_id_includes_its_nested_ous() {
    List<TargetAccount> byName = FleetScope.ou(" production ").targets(TREE);

    assertThat(byName).extracting(t -> t.id().value()).containsExactly("333333333333", "222222222222");
    assertThat(FleetScope.ou("ou-exmp-dpay").targets(TREE)).extracting(TargetAccount::name)
        .containsExactly("dev-payments");
  }

  @Test
  void an_unknown_ou_or_a_name_several_ous_share_is_refused_with_what_to_choose_from() {
    assertThatThrownBy(() -> FleetScope.ou("Staging").targets(TREE)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining("no OU named or with the ID Staging").hasMessageContaining("Development, Production");
    assertThatThrownBy(() -> FleetScope.ou("payments").targets(TREE)).isInstanceOf(InvalidInput.class)
        .hasMessageContaining("2 OUs are named payments")
        .hasMessageContaining("ou-exmp-dpay (Development/payments), ou-exmp-pay (Production/payments)");
    assertThatThrownBy(() -> FleetScope.ou(" ")).hasMessageContaining("name the OU");
  }

  private static OrganizationSnapshot.Placement placed(String id, String name, String state, String parent) {
    return new OrganizationSnapshot.Placement(new Account(new AccountId(id), name, state), parent);
  }

  private static TargetAccount target(String id, String name, String path) {
    return new TargetAccount(new AccountId(id), name, path);
  }
}
