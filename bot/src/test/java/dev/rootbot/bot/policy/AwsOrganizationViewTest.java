package dev.rootbot.bot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The organization's tree read from the simulated Organizations over HTTP: nested OUs, and more than a page of each. */
class AwsOrganizationViewTest {
  private static final int PAYMENTS_ACCOUNTS = 25;
  private static final int TEAMS = 22;

  @Test
  void every_account_and_ou_is_read_with_the_ous_that_contain_it() throws IOException {
    try (SimulatedAws aws = SimulatedAws.start(Seed.fromJson(nested()));
         AwsClients clients = new AwsClients(AwsRegion.US_EAST_1,
             AwsEndpoints.fromEnvironment(Map.of("AWS_ENDPOINT_URL", aws.endpoint().toString())),
             StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.managementKey().accessKeyId(),
                 aws.managementKey().secretAccessKey())));
         var organizations = clients.organizations()) {
      OrganizationView view = AwsOrganizationView.read(organizations);

      // management, security-tooling, prod-payments, prod-data, dev-playground, and those seeded here
      assertThat(view.accounts()).hasSize(5 + PAYMENTS_ACCOUNTS);
      assertThat(view.units()).hasSize(2 + 1 + TEAMS);
      OrgUnit production = view.unitsNamed("Production").get(0);
      OrgUnit payments = view.unitsNamed("Payments").get(0);
      assertThat(payments.within()).containsExactly(production.id());
      assertThat(view.unitsNamed("team-21")).singleElement()
          .satisfies(team -> assertThat(team.within()).containsExactly(view.unitsNamed("Sandbox").get(0).id()));
      assertThat(view.account(new AccountId("600000000024"))).get()
          .satisfies(a -> assertThat(a.units()).containsExactly(production, payments));
      assertThat(view.account(new AccountId("555555555555"))).get().satisfies(a -> assertThat(a.units()).isEmpty());
      assertThat(view.accountsNamed("PROD-DATA")).singleElement()
          .satisfies(a -> assertThat(a.units()).containsExactly(production));

      // and a policy can match on it
      Policy policy = PolicyFileTest.valid("""
          version: 1
          rules:
            - name: production
              tasks: [unlock-bucket]
              accounts: ["ou:Production"]
              requesters: ["*"]
              approvers: [S0SEC]
              quorum: 1
          """, Optional.of(view)).policy();
      assertThat(policy.select(TaskId.UNLOCK_BUCKET, view.account(new AccountId("600000000024")).orElseThrow()).rule())
          .isPresent();
    }
  }

  /** The demo organization with Production/Payments holding 25 accounts and Sandbox holding 22 empty OUs. */
  private static String nested() throws IOException {
    JsonObject seed;
    try (InputStream in = Seed.class.getResourceAsStream("demo-organization.json")) {
      seed = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    }
    JsonArray units = seed.getAsJsonObject("organization").getAsJsonArray("organizationalUnits");
    var accounts = new JsonArray();
    for (int i = 0; i < PAYMENTS_ACCOUNTS; i++) {
      var account = new JsonObject();
      account.addProperty("id", String.format("6000000000%02d", i));
      account.addProperty("name", "payments-" + i);
      account.addProperty("email", "payments-" + i + "@example.com");
      accounts.add(account);
    }
    var payments = new JsonObject();
    payments.addProperty("name", "Payments");
    payments.add("accounts", accounts);
    var teams = new JsonArray();
    for (int i = 0; i < TEAMS; i++) {
      var team = new JsonObject();
      team.addProperty("name", "team-" + i);
      teams.add(team);
    }
    for (var unit : units) {
      JsonObject ou = unit.getAsJsonObject();
      String name = ou.get("name").getAsString();
      var children = new JsonArray();
      if (name.equals("Production")) {
        children.add(payments);
        ou.add("organizationalUnits", children);
      } else if (name.equals("Sandbox")) {
        ou.add("organizationalUnits", teams);
      }
    }
    return seed.toString();
  }
}
