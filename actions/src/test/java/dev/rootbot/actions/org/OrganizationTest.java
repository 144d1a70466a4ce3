package dev.rootbot.actions.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.TaskFailure;
import dev.rootbot.sandbox.aws.CallerKey;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class OrganizationTest {
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private SimulatedAws aws(Seed seed) {
    var aws = SimulatedAws.start(seed);
    open.add(aws);
    return aws;
  }

  private AwsClients clients(SimulatedAws aws, CallerKey key) {
    var clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())));
    open.add(0, clients);
    return clients;
  }

  @Test
  void the_directory_resolves_names_and_checks_targets() {
    var aws = aws(Seed.demo());
    var directory = new OrganizationDirectory(clients(aws, aws.managementKey()).organizations());

    assertThat(directory.organization().managementAccount()).isEqualTo(new AccountId("111111111111"));
    assertThat(directory.withName("PROD-Payments")).singleElement()
        .satisfies(a -> assertThat(a.id().value()).isEqualTo("222222222222"));
    assertThat(directory.search("prod", 10)).extracting(Account::name).containsExactly("prod-data", "prod-payments");
    assertThat(directory.search("4444", 10)).extracting(Account::name).containsExactly("dev-playground");
    assertThat(directory.requireMember(new AccountId("555555555555")).label()).isEqualTo("security-tooling (555555555555)");
    try {
      directory.requireMember(new AccountId("123456789012"));
    } catch (TaskFailure e) {
      assertThat(e.reason()).isEqualTo(TaskFailure.Reason.UNKNOWN_ACCOUNT);
      return;
    }
    throw new AssertionError("an account outside the organization was accepted");
  }

  @Test
  void the_demo_organization_is_ready() {
    var aws = aws(Seed.demo());
    Readiness readiness = new ReadinessCheck(clients(aws, aws.managementKey())).check();

    assertThat(readiness.ready()).as(readiness.toString()).isTrue();
    assertThat(readiness.checks()).hasSize(5);
  }

  @Test
  void a_missing_feature_is_named_with_the_command_that_enables_it() {
    var aws = aws(Seed.demo().withFeatures("RootCredentialsManagement"));
    Readiness readiness = new ReadinessCheck(clients(aws, aws.managementKey())).check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.checks()).filteredOn(c -> !c.ok()).extracting(Readiness.Check::fix)
        .containsExactly("aws iam enable-organizations-root-sessions");
  }

  @Test
  void missing_trusted_access_is_named_with_its_fix() {
    var aws = aws(Seed.demo().withTrustedServices());
    Readiness readiness = new ReadinessCheck(clients(aws, aws.managementKey())).check();

    assertThat(readiness.ready()).isFalse();
    assertThat(readiness.checks()).filteredOn(c -> !c.ok()).extracting(Readiness.Check::fix)
        .contains("aws organizations enable-aws-service-access --service-principal iam.amazonaws.com");
  }

  @Test
  void the_bot_may_run_in_the_iam_delegated_administrator_but_not_in_another_member() {
    var seed = Seed.demo()
        .withCaller("555555555555", "rootbot", "AKIASANDBOXDELEGATED", "delegated-secret")
        .withCaller("222222222222", "someone", "AKIASANDBOXMEMBER000", "member-secret")
        .withDelegatedAdministrator("555555555555", "iam.amazonaws.com");
    var aws = aws(seed);

    var delegated = new ReadinessCheck(clients(aws, aws.callerKey("555555555555"))).check();
    var member = new ReadinessCheck(clients(aws, aws.callerKey("222222222222"))).check();

    assertThat(delegated.checks()).filteredOn(c -> c.name().startsWith("Bot runs")).singleElement()
        .satisfies(c -> assertThat(c.ok()).as(c.detail()).isTrue());
    assertThat(member.checks()).filteredOn(c -> c.name().startsWith("Bot runs")).singleElement()
        .satisfies(c -> assertThat(c.ok()).isFalse());
  }
}
