package dev.rootbot.bot.fleet;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.CAROL;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.aws.RecordedCall;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.slack.Message;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /root enable} end to end: an approved request that turns on, with the bot's own role, only what is off. */
class EnableRootAccessTest {
  private static final Set<String> ENABLE_CALLS = Set.of("organizations:EnableAWSServiceAccess",
      "iam:EnableOrganizationsRootCredentialsManagement", "iam:EnableOrganizationsRootSessions");

  private Sandboxed sandbox;

  @BeforeEach
  void start() {
    sandbox = Sandboxed.start(Seed.demo().withNothingEnabled(), Map.of(), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void on_an_organization_with_nothing_enabled_each_step_is_called_once_in_aws_order_and_then_is_already_on() {
    Message card = sandbox.nextCard(PLATFORM, () -> sandbox.slack.as(ALICE).slashCommand("/root", "enable", PLATFORM));
    assertThat(card.allText()).contains("enable centralized root access", "What is on now",
        "Trusted access for IAM in AWS Organizations: off; will turn on", "Root sessions: off; will turn on",
        "Rootbot's own role");
    assertThat(enableCalls()).as("nothing changes before the approval").isEmpty();

    sandbox.slack.as(CAROL).click(PLATFORM, card.ts(), "approve");

    Message result = sandbox.awaitReply(card, m -> m.allText().contains("Done: centralized root access is on"));
    assertThat(result.allText()).contains("Trusted access for IAM in AWS Organizations", "enabled");
    assertThat(enableCalls()).extracting(RecordedCall::action).containsExactly(
        "organizations:EnableAWSServiceAccess", "iam:EnableOrganizationsRootCredentialsManagement",
        "iam:EnableOrganizationsRootSessions");
    assertThat(enableCalls()).allSatisfy(call -> {
      assertThat(call.errorCode()).isEmpty();
      assertThat(call.account()).as("the bot's own role, in the management account").isEqualTo("111111111111");
    });
    assertThat(sandbox.awaitRequest(card, r -> r.state().isFinal()).state()).isEqualTo(State.SUCCEEDED);
    assertThat(sandbox.aws.features().enabled()).contains("RootCredentialsManagement", "RootSessions");

    sandbox.slack.as(ALICE).slashCommand("/root", "enable", PLATFORM);

    var told = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("Nothing to do"), Sandboxed.WAIT);
    assertThat(told.allText()).contains("already on", "Root sessions: on already");
    assertThat(enableCalls()).as("idempotent: nothing is called again").hasSize(3);
  }

  @Test
  void credentials_only_leaves_root_sessions_off_and_a_later_enable_reports_the_rest_already_on() {
    Message first = sandbox.nextCard(PLATFORM,
        () -> sandbox.slack.as(ALICE).slashCommand("/root", "enable credentials only", PLATFORM));
    assertThat(first.allText()).contains("Root sessions: off; stays off (credentials only)");
    sandbox.slack.as(CAROL).click(PLATFORM, first.ts(), "approve");
    sandbox.awaitReply(first, m -> m.allText().contains("Done: centralized root access is on"));
    assertThat(enableCalls()).extracting(RecordedCall::action).containsExactly(
        "organizations:EnableAWSServiceAccess", "iam:EnableOrganizationsRootCredentialsManagement");

    Message second = sandbox.nextCard(PLATFORM, () -> sandbox.slack.as(ALICE).slashCommand("/root", "enable", PLATFORM));
    sandbox.slack.as(CAROL).click(PLATFORM, second.ts(), "approve");

    Message result = sandbox.awaitReply(second, m -> m.allText().contains("Done: centralized root access is on"));
    assertThat(result.text()).contains("(`organizations:EnableAWSServiceAccess`): already on",
        "(`iam:EnableOrganizationsRootCredentialsManagement`): already on",
        "(`iam:EnableOrganizationsRootSessions`): enabled");
    assertThat(enableCalls()).extracting(RecordedCall::action).containsExactly(
        "organizations:EnableAWSServiceAccess", "iam:EnableOrganizationsRootCredentialsManagement",
        "iam:EnableOrganizationsRootSessions");
  }

  private List<RecordedCall> enableCalls() {
    return sandbox.aws.calls().where(call -> ENABLE_CALLS.contains(call.action()));
  }
}
