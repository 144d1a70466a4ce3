package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure rules of {@code /root enable}: the plan from what is on, and the fix for each refusal. */
class EnableRulesTest {
  private static final AccountId MANAGEMENT = new AccountId("111111111111");
  private static final AccountId DELEGATED = new AccountId("555555555555");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "nothing on                         | true  | true  | false | false | false | false | CALL CALL CALL   | 0",
      "trusted access only                | true  | true  | true  | false | false | false | ON CALL CALL     | 0",
      "all on                             | true  | true  | true  | true  | true  | false | ON ON ON         | 0",
      "all on, not the management account | false | true  | true  | true  | true  | false | ON ON ON         | 0",
      "sessions off, delegated admin      | false | true  | true  | true  | false | false | ON ON CALL       | 1",
      "not all features, nothing on       | true  | false | false | false | false | false | CALL CALL CALL   | 1",
      "both wrong                         | false | false | false | false | false | false | CALL CALL CALL   | 2",
      "credentials only, sessions off     | true  | true  | true  | true  | false | true  | ON ON            | 0",
      "credentials only, none on          | true  | true  | false | false | true  | true  | CALL CALL        | 0",
  })
  void the_plan_calls_only_what_is_off_in_awss_order_and_names_what_aws_would_refuse(String row, boolean management,
      boolean allFeatures, boolean trusted, boolean credentials, boolean sessions, boolean credentialsOnly,
      String expected, int obstacles) {
    var state = new RootAccessState("o-exampleorg1", MANAGEMENT, management ? MANAGEMENT : DELEGATED, allFeatures,
        trusted, credentials, sessions);

    EnablePlan plan = EnablePlan.of(state, credentialsOnly);

    assertThat(plan.steps()).extracting(p -> p.alreadyOn() ? "ON" : "CALL").containsExactly(expected.split(" "));
    assertThat(plan.steps()).extracting(EnablePlan.Planned::step)
        .containsExactlyElementsOf(EnablePlan.steps(credentialsOnly));
    assertThat(plan.obstacles()).hasSize(obstacles);
    assertThat(plan.nothingToDo()).isEqualTo(!expected.contains("CALL"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "ROOT_SESSIONS   | CallerIsNotManagementAccountException    | not the management account              | Only the organization's management account",
      "TRUSTED_ACCESS  | AccessDeniedException                    | only the management account can do this | Only the organization's management account",
      "ROOT_SESSIONS   | OrganizationNotInAllFeaturesModeException | does not have All features enabled     | Enable all features",
      "TRUSTED_ACCESS  | ConstraintViolationException             | available only if all features          | Enable all features",
      "ROOT_CREDENTIALS_MANAGEMENT | ServiceAccessNotEnabledException | trusted access is not enabled         | aws organizations enable-aws-service-access --service-principal iam.amazonaws.com",
      "TRUSTED_ACCESS  | AWSOrganizationsNotInUseException        | not a member of an organization         | not in an organization",
      "ROOT_SESSIONS   | AccessDenied                             | not authorized to perform this          | Allow iam:EnableOrganizationsRootSessions to Rootbot's role",
      "ROOT_SESSIONS   | ServiceFailure                           | try again                               | aws iam enable-organizations-root-sessions",
  })
  void each_refusal_has_its_fix(EnableStep step, String code, String message, String fix) {
    var explained = EnableFailures.explain(step, code, message);

    assertThat(explained.detail()).contains(step.action(), code, message);
    assertThat(explained.fix()).contains(fix);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"true", "false"})
  void the_steps_are_in_awss_order_with_root_sessions_last(boolean credentialsOnly) {
    List<EnableStep> steps = EnablePlan.steps(credentialsOnly);

    assertThat(steps.subList(0, 2)).containsExactly(EnableStep.TRUSTED_ACCESS, EnableStep.ROOT_CREDENTIALS_MANAGEMENT);
    assertThat(steps).hasSize(credentialsOnly ? 2 : 3);
  }
}
