package dev.rootbot.bot.policy;

import dev.rootbot.actions.task.AccountId;
import java.util.List;

/**
 * An organization for policy tests: the sandbox's demo organization, plus a nested OU, two accounts with
 * the same name and two OUs with the same name, which Organizations allows.
 *
 * <pre>
 * root: 555555555555 security-tooling, 777777777777 twin, 888888888888 twin
 *   Production (ou-exmp-11111111): 222222222222 prod-payments, 333333333333 prod-data
 *     Payments (ou-exmp-22222222): 666666666666 payments-eu
 *   Sandbox (ou-exmp-33333333): 444444444444 dev-playground
 *     Shared (ou-exmp-55555555)
 *   Shared (ou-exmp-44444444)
 * </pre>
 */
final class TestOrganization {
  static final OrgUnit PRODUCTION = new OrgUnit("ou-exmp-11111111", "Production", List.of());
  static final OrgUnit PAYMENTS = new OrgUnit("ou-exmp-22222222", "Payments", List.of(PRODUCTION.id()));
  static final OrgUnit SANDBOX = new OrgUnit("ou-exmp-33333333", "Sandbox", List.of());
  static final OrgUnit SHARED = new OrgUnit("ou-exmp-44444444", "Shared", List.of());
  static final OrgUnit SANDBOX_SHARED = new OrgUnit("ou-exmp-55555555", "Shared", List.of(SANDBOX.id()));

  static final TargetAccount SECURITY_TOOLING = account("555555555555", "security-tooling");
  static final TargetAccount PROD_PAYMENTS = account("222222222222", "prod-payments", PRODUCTION);
  static final TargetAccount PROD_DATA = account("333333333333", "prod-data", PRODUCTION);
  static final TargetAccount PAYMENTS_EU = account("666666666666", "payments-eu", PRODUCTION, PAYMENTS);
  static final TargetAccount DEV_PLAYGROUND = account("444444444444", "dev-playground", SANDBOX);

  static final OrganizationView VIEW = OrganizationView.of(
      List.of(SECURITY_TOOLING, account("777777777777", "twin"), account("888888888888", "twin"), PROD_PAYMENTS,
          PROD_DATA, PAYMENTS_EU, DEV_PLAYGROUND),
      List.of(PRODUCTION, PAYMENTS, SANDBOX, SHARED, SANDBOX_SHARED));

  private TestOrganization() {}

  static TargetAccount account(String id, String name, OrgUnit... units) {
    return new TargetAccount(new AccountId(id), name, List.of(units));
  }
}
