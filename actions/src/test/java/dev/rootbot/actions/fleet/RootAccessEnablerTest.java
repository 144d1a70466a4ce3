package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.sandbox.aws.CallerKey;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class RootAccessEnablerTest {
  private static final Set<String> ENABLE_CALLS = Set.of("organizations:EnableAWSServiceAccess",
      "iam:EnableOrganizationsRootCredentialsManagement", "iam:EnableOrganizationsRootSessions");

  private SimulatedAws aws;
  private AwsClients clients;
  private final List<EnableReport.Outcome> heard = new ArrayList<>();

  @AfterEach
  void close() {
    clients.close();
    aws.close();
  }

  @Test
  void on_an_organization_with_nothing_enabled_each_step_is_called_once_in_awss_order_and_a_second_run_finds_them_on() {
    var enabler = start(Seed.generated(10).withNothingEnabled(), null);

    EnablePlan plan = enabler.plan(false);
    assertThat(plan.steps()).extracting(EnablePlan.Planned::alreadyOn).containsExactly(false, false, false);
    assertThat(plan.obstacles()).isEmpty();
    assertThat(plan.text()).contains("Root sessions: off; will turn on (iam:EnableOrganizationsRootSessions)");

    EnableReport report = enabler.enable(false, heard::add);

    assertThat(report.outcomes()).extracting(EnableReport.Outcome::result).containsOnly(EnableReport.Result.ENABLED);
    assertThat(heard).isEqualTo(report.outcomes());
    assertThat(report.succeeded()).isTrue();
    assertThat(enableCalls()).extracting(RecordedCall::action).containsExactly(
        "organizations:EnableAWSServiceAccess", "iam:EnableOrganizationsRootCredentialsManagement",
        "iam:EnableOrganizationsRootSessions");
    assertThat(enableCalls().get(0).parameters()).containsEntry("ServicePrincipal", "iam.amazonaws.com");
    assertThat(aws.features().enabled()).containsExactlyInAnyOrder("RootCredentialsManagement", "RootSessions");
    assertThat(aws.organization().trusts("iam.amazonaws.com")).isTrue();
    assertThat(new ReadinessCheck(clients).check().ready()).as("the readiness check agrees").isTrue();

    EnableReport again = enabler.enable(false, outcome -> {});

    assertThat(again.outcomes()).extracting(EnableReport.Outcome::result).containsOnly(EnableReport.Result.ALREADY_ON);
    assertThat(again.changedSomething()).isFalse();
    assertThat(again.text()).contains("Root sessions: already on");
    assertThat(enableCalls()).as("nothing called again").hasSize(3);
    assertThat(enabler.plan(false).nothingToDo()).isTrue();
  }

  @Test
  void credentials_only_leaves_root_sessions_as_they_are() {
    var enabler = start(Seed.generated(10).withNothingEnabled(), null);

    EnableReport report = enabler.enable(true, heard::add);

    assertThat(report.outcomes()).extracting(EnableReport.Outcome::step)
        .containsExactly(EnableStep.TRUSTED_ACCESS, EnableStep.ROOT_CREDENTIALS_MANAGEMENT);
    assertThat(aws.features().enabled()).containsExactly("RootCredentialsManagement");
    assertThat(enableCalls()).extracting(RecordedCall::action).doesNotContain("iam:EnableOrganizationsRootSessions");
    assertThat(enabler.plan(true).text()).contains("Root sessions: off; stays off (credentials only)");
  }

  @Test
  void an_organization_without_all_features_is_refused_with_the_fix_and_nothing_after_it_is_tried() {
    var enabler = start(consolidatedBillingOnly(), null);

    EnablePlan plan = enabler.plan(false);
    assertThat(plan.obstacles()).singleElement().asString().contains("does not have all features enabled");

    EnableReport report = enabler.enable(false, heard::add);

    assertThat(report.outcomes()).extracting(EnableReport.Outcome::result).containsExactly(EnableReport.Result.FAILED,
        EnableReport.Result.NOT_TRIED, EnableReport.Result.NOT_TRIED);
    EnableReport.Outcome refused = report.outcomes().get(0);
    assertThat(refused.detail()).contains("ConstraintViolationException", "all features");
    assertThat(refused.fix()).hasValueSatisfying(f -> assertThat(f).contains("Enable all features"));
    assertThat(report.outcomes().get(1).detail()).contains("needs trusted access for iam in aws organizations on first");
    assertThat(enableCalls()).hasSize(1);
    assertThat(report.succeeded()).isFalse();
  }

  @Test
  void a_bot_in_the_delegated_administrator_account_is_told_only_the_management_account_can_enable() {
    var delegated = new CallerKey("AKIASANDBOXDELEGATED1", "sandbox-delegated-secret");
    var seed = Seed.demo().withFeatures().withDelegatedAdministrator("555555555555", "iam.amazonaws.com")
        .withCaller("555555555555", "rootbot", delegated.accessKeyId(), delegated.secretAccessKey());
    var enabler = start(seed, delegated);

    EnablePlan plan = enabler.plan(false);
    assertThat(plan.steps()).extracting(EnablePlan.Planned::alreadyOn).containsExactly(true, false, false);
    assertThat(plan.obstacles()).singleElement().asString().contains("runs in account 555555555555",
        "only the management account 111111111111", "aws iam enable-organizations-root-credentials-management");

    EnableReport report = enabler.enable(false, heard::add);

    assertThat(report.outcomes()).extracting(EnableReport.Outcome::result).containsExactly(
        EnableReport.Result.ALREADY_ON, EnableReport.Result.FAILED, EnableReport.Result.NOT_TRIED);
    assertThat(report.outcomes().get(1).detail()).contains("CallerIsNotManagementAccountException");
    assertThat(report.outcomes().get(1).fix()).hasValueSatisfying(f -> assertThat(f)
        .contains("Only the organization's management account can turn this on"));
    assertThat(aws.features().enabled()).isEmpty();
  }

  private RootAccessEnabler start(Seed seed, CallerKey key) {
    aws = SimulatedAws.start(seed);
    CallerKey caller = key == null ? aws.managementKey() : key;
    clients = new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(aws.endpoint()),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(caller.accessKeyId(), caller.secretAccessKey())));
    return new RootAccessEnabler(clients);
  }

  private List<RecordedCall> enableCalls() {
    return aws.calls().stream().filter(c -> ENABLE_CALLS.contains(c.action())).toList();
  }

  /** The demo organization with consolidated billing only: no SCPs, nothing enabled. */
  private static Seed consolidatedBillingOnly() {
    JsonObject seed = JsonParser.parseString(Seed.demo().withNothingEnabled().toJson()).getAsJsonObject();
    seed.getAsJsonObject("organization").addProperty("featureSet", "CONSOLIDATED_BILLING");
    seed.getAsJsonObject("organization").add("serviceControlPolicies", new JsonArray());
    return Seed.fromJson(seed.toString());
  }
}
