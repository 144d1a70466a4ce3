package dev.rootbot.sandbox.aws;

import static dev.rootbot.sandbox.aws.Demo.DEV_PLAYGROUND;
import static dev.rootbot.sandbox.aws.Demo.MANAGEMENT;
import static dev.rootbot.sandbox.aws.Demo.PROD_DATA;
import static dev.rootbot.sandbox.aws.Demo.PROD_PAYMENTS;
import static dev.rootbot.sandbox.aws.Demo.SECURITY_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonParser;
import dev.rootbot.sandbox.aws.organizations.Account;
import dev.rootbot.sandbox.aws.organizations.AccountStatus;
import dev.rootbot.sandbox.aws.organizations.Organization;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo organization is a contract, and seeds that AWS could not have are refused with the reason. */
class SeedTest {
  @Test
  void the_demo_organization_is_what_other_tools_rely_on() {
    try (SimulatedAws aws = SimulatedAws.start(Seed.demo())) {
      Organization org = aws.organization();

      assertThat(org.id()).isEqualTo("o-exampleorg1");
      assertThat(org.allFeatures()).isTrue();
      assertThat(org.trusts("iam.amazonaws.com")).isTrue();
      assertThat(org.features()).containsExactly("RootCredentialsManagement", "RootSessions");
      assertThat(org.delegatedAdministrators()).isEmpty();
      assertThat(org.managementAccount().name()).isEqualTo("management");
      assertThat(aws.managementKey()).isEqualTo(new CallerKey("AKIASANDBOXMANAGEMNT", "sandbox-management-secret"));
      assertThat(org.accounts()).extracting(Account::id, Account::name, Account::status).contains(
          tuple(PROD_PAYMENTS, "prod-payments", AccountStatus.ACTIVE),
          tuple(PROD_DATA, "prod-data", AccountStatus.ACTIVE),
          tuple(DEV_PLAYGROUND, "dev-playground", AccountStatus.ACTIVE),
          tuple(SECURITY_TOOLING, "security-tooling", AccountStatus.ACTIVE));
      assertThat(unitOf(org, PROD_PAYMENTS)).isEqualTo("Production");
      assertThat(unitOf(org, PROD_DATA)).isEqualTo("Production");
      assertThat(unitOf(org, DEV_PLAYGROUND)).isEqualTo("Sandbox");
      assertThat(org.account(SECURITY_TOOLING).orElseThrow().parentId()).isEqualTo(org.rootId());
      assertThat(aws.buckets().find("payments-audit-logs").orElseThrow().region()).isEqualTo("us-east-1");
      assertThat(aws.buckets().find("data-lake-raw").orElseThrow().account()).isEqualTo(PROD_DATA);
      assertThat(aws.buckets().find("data-lake-raw").orElseThrow().region()).isEqualTo("eu-west-1");
      assertThat(aws.queues().url(PROD_PAYMENTS, "payments-events")).contains("us-east-1");
      assertThat(aws.rootCredentials(PROD_DATA)).satisfies(root -> {
        assertThat(root.hasPassword()).isTrue();
        assertThat(root.accessKeys()).hasSize(1);
        assertThat(root.signingCertificates()).hasSize(1);
        assertThat(root.mfaDevices()).hasSize(1);
      });
      for (String other : new String[] {MANAGEMENT, PROD_PAYMENTS, DEV_PLAYGROUND, SECURITY_TOOLING}) {
        assertThat(aws.rootCredentials(other).none()).as(other).isTrue();
      }
      assertThat(org.policiesGoverning(DEV_PLAYGROUND)).extracting(p -> p.name())
          .containsExactly("FullAWSAccess", "DenyRootUser");
      assertThat(org.policiesGoverning(PROD_PAYMENTS)).extracting(p -> p.name()).containsExactly("FullAWSAccess");
    }
  }

  @Test
  void the_readme_shows_the_demo_organization_exactly() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int marker = readme.indexOf("<!-- demo-organization.json -->");
    int start = readme.indexOf("```json\n", marker) + "```json\n".length();
    String block = readme.substring(start, readme.indexOf("\n```", start));

    assertThat(JsonParser.parseString(block)).isEqualTo(JsonParser.parseString(Seed.demo().toJson()));
  }

  @Test
  void a_seed_file_round_trips(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("seed.json");
    Files.writeString(file, Seed.demo().withAccountStatus(DEV_PLAYGROUND, "SUSPENDED").toJson());

    try (SimulatedAws aws = SimulatedAws.start(Seed.read(file))) {
      assertThat(aws.organization().account(DEV_PLAYGROUND).orElseThrow().status()).isEqualTo(AccountStatus.SUSPENDED);
    }
  }

  @Test
  void nested_organizational_units_and_scps_on_them_are_understood() {
    Seed seed = Seed.fromJson("{\"organization\":{\"id\":\"o-nested00001\",\"managementAccount\":{\"id\":"
        + "\"100000000000\",\"name\":\"mgmt\"},\"organizationalUnits\":[{\"name\":\"Workloads\",\"organizationalUnits\":"
        + "[{\"name\":\"Prod\",\"accounts\":[{\"id\":\"200000000000\",\"name\":\"app\"}]}]}],"
        + "\"serviceControlPolicies\":[{\"name\":\"NoS3\",\"targets\":[\"Workloads\"],\"content\":"
        + "\"{\\\"Statement\\\":{\\\"Effect\\\":\\\"Deny\\\",\\\"Action\\\":\\\"s3:*\\\",\\\"Resource\\\":\\\"*\\\"}}\"}]}}");

    try (SimulatedAws aws = SimulatedAws.start(seed)) {
      Organization org = aws.organization();
      assertThat(org.pathTo("200000000000")).hasSize(4).startsWith(org.rootId()).endsWith("200000000000");
      assertThat(org.policiesGoverning("200000000000")).extracting(p -> p.name()).contains("NoS3");
      assertThat(org.features()).isEmpty();
    }
  }

  @Test
  void seeds_aws_could_not_have_are_refused_with_the_reason() {
    assertRefused("{\"organization\":{\"managementAccount\":{\"id\":\"12345\",\"name\":\"x\"}}}",
        "an account ID is 12 digits");
    assertRefused("{\"organization\":{}}", "needs an object 'managementAccount'");
    assertRefused(demoWith("\"buckets\":[{\"account\":\"222222222222\",\"name\":\"Capitals\",\"region\":\"us-east-1\"}]"),
        "bucket names");
    assertRefused(demoWith("\"buckets\":[{\"account\":\"999999999999\",\"name\":\"b-1\",\"region\":\"us-east-1\"}]"),
        "not in the organization");
    assertRefused(demoWith("\"colour\":\"blue\""), "unknown field 'colour'");
    assertThatThrownBy(() -> Seed.demo().withServiceControlPolicy("X", "NoSuchOu", "{\"Statement\":{\"Effect\":"
        + "\"Deny\",\"Action\":\"*\"}}")).hasMessageContaining("NoSuchOu");
    assertThatThrownBy(() -> Seed.demo().withServiceControlPolicy("X", "Root", "{\"Statement\":{\"Effect\":"
        + "\"Deny\",\"Action\":\"*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}}"))
        .hasMessageContaining("IpAddress");
    assertThatThrownBy(() -> Seed.demo().withDelegatedAdministrator(MANAGEMENT, "iam.amazonaws.com"))
        .hasMessageContaining("member account");
    assertThatThrownBy(() -> Seed.demo().withFeatures("RootEverything")).hasMessageContaining("RootEverything");
    assertThatThrownBy(() -> Seed.demo().withCaller(PROD_DATA, "x", "ASIATEMPORARYKEY0000", "s"))
        .hasMessageContaining("long-term key");
  }

  @Test
  void a_caller_key_never_prints_its_secret() {
    assertThat(new CallerKey("AKIASANDBOXMANAGEMNT", "sandbox-management-secret").toString())
        .contains("AKIASANDBOXMANAGEMNT").doesNotContain("sandbox-management-secret");
  }

  private static String unitOf(Organization org, String account) {
    return org.unit(org.account(account).orElseThrow().parentId()).orElseThrow().name();
  }

  private static String demoWith(String member) {
    String demo = Seed.demo().toJson();
    return demo.substring(0, demo.lastIndexOf('}')) + "," + member + "}";
  }

  private static void assertRefused(String json, String reason) {
    assertThatThrownBy(() -> Seed.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("seed: ").hasMessageContaining(reason);
  }
}
