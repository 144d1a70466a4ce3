package dev.rootbot.bot.policy;

import static dev.rootbot.bot.policy.TestOrganization.DEV_PLAYGROUND;
import static dev.rootbot.bot.policy.TestOrganization.PAYMENTS_EU;
import static dev.rootbot.bot.policy.TestOrganization.PROD_DATA;
import static dev.rootbot.bot.policy.TestOrganization.PROD_PAYMENTS;
import static dev.rootbot.bot.policy.TestOrganization.SECURITY_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.bot.approval.Person;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.UserId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which rule applies: the first whose tasks and accounts match, for every rule of a policy and the cases around it. */
class SelectTest {
  private static final Policy POLICY = PolicyFileTest.valid("""
      version: 1
      rules:
        - name: prod credentials
          tasks: [delete-root-credentials, allow-password-recovery]
          accounts: ["ou:Production"]
          requesters: [U0LEAD]
          approvers: [S0SEC]
          quorum: 2
        - name: payments by OU ID
          tasks: [delete-root-credentials]
          accounts: ["ou:ou-exmp-33333333"]
          requesters: ["*"]
          approvers: [S0SEC]
          quorum: 1
        - name: one account by name
          tasks: [allow-password-recovery]
          accounts: [Dev-Playground]
          requesters: ["*"]
          approvers: [S0SEC]
          quorum: 1
        - name: unlocks
          tasks: [unlock-bucket, unlock-queue, restore-bucket-policy, restore-queue-policy]
          accounts: ["*"]
          requesters: ["*"]
          approvers: [S0SEC]
          quorum: 1
        - name: security tooling by ID
          tasks: ["*"]
          accounts: [555555555555]
          requesters: ["*"]
          approvers: [S0SEC]
          quorum: 1
        - name: audits
          tasks: [audit-root-credentials]
          accounts: ["*"]
          requesters: ["*"]
          quorum: 0
      """, Optional.of(TestOrganization.VIEW)).policy();

  static Stream<Arguments> requests() {
    return Stream.of(
        arguments(TaskId.DELETE_ROOT_CREDENTIALS, PROD_DATA, "prod credentials"),
        arguments(TaskId.ALLOW_PASSWORD_RECOVERY, PROD_PAYMENTS, "prod credentials"),
        arguments(TaskId.DELETE_ROOT_CREDENTIALS, PAYMENTS_EU, "prod credentials"), // in an OU nested in Production
        arguments(TaskId.DELETE_ROOT_CREDENTIALS, DEV_PLAYGROUND, "payments by OU ID"),
        arguments(TaskId.ALLOW_PASSWORD_RECOVERY, DEV_PLAYGROUND, "one account by name"), // names ignore case
        arguments(TaskId.UNLOCK_BUCKET, PROD_DATA, "unlocks"),
        arguments(TaskId.RESTORE_QUEUE_POLICY, SECURITY_TOOLING, "unlocks"), // an earlier rule wins over a later one
        arguments(TaskId.DELETE_ROOT_CREDENTIALS, SECURITY_TOOLING, "security tooling by ID"),
        arguments(TaskId.ENABLE_ROOT_ACCESS, SECURITY_TOOLING, "security tooling by ID"),
        arguments(TaskId.AUDIT_ROOT_CREDENTIALS, SECURITY_TOOLING, "security tooling by ID"),
        arguments(TaskId.AUDIT_ROOT_CREDENTIALS, PROD_DATA, "audits"),
        arguments(TaskId.AUDIT_FLEET, PROD_DATA, null),
        arguments(TaskId.ALLOW_PASSWORD_RECOVERY, TestOrganization.account("777777777777", "twin"), null),
        arguments(TaskId.DELETE_ROOT_CREDENTIALS_FLEET, DEV_PLAYGROUND, null),
        arguments(TaskId.ENABLE_ROOT_ACCESS, PROD_DATA, null));
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @MethodSource("requests")
  void the_first_rule_whose_tasks_and_accounts_match_applies(TaskId task, TargetAccount account, String rule) {
    Selection selection = POLICY.select(task, account);

    assertThat(selection.rule().map(Rule::name)).isEqualTo(Optional.ofNullable(rule));
    assertThat(selection.decision().isAllowed()).isEqualTo(rule != null);
    if (rule == null) {
      assertThat(selection.decision().refusal()).get().asString().isEqualTo("no rule of the approval policy covers `"
          + task.id() + "` in account " + account.label() + ", so it cannot be asked for; ask your Rootbot admin if"
          + " you need it");
    }
  }

  @Test
  void an_account_moved_out_of_an_ou_stops_matching_it_at_once() {
    TargetAccount moved = TestOrganization.account(PROD_DATA.id().value(), PROD_DATA.name());

    assertThat(POLICY.select(TaskId.DELETE_ROOT_CREDENTIALS, moved).rule()).isEmpty();
  }

  @Test
  void a_requester_who_fails_the_first_rule_is_refused_by_it_and_no_later_rule_is_tried() {
    Rule selected = POLICY.select(TaskId.DELETE_ROOT_CREDENTIALS, PROD_DATA).rule().orElseThrow();

    assertThat(selected.name()).isEqualTo("prod credentials");
    assertThat(selected.mayRequest(Person.member(new UserId("U0SOMEONE")), new ChannelId("C0ANY"),
        Optional.of(Reason.fromPlainText("SEC-1 leaked"))).refusal())
        .contains("under rule “prod credentials”, only <@U0LEAD> may ask for this");
  }

  @Test
  void every_task_has_a_stable_identifier_and_only_audits_change_nothing() {
    assertThat(Arrays.stream(TaskId.values()).map(TaskId::id)).containsExactly("unlock-bucket", "unlock-queue",
        "audit-root-credentials", "delete-root-credentials", "allow-password-recovery", "restore-bucket-policy",
        "restore-queue-policy", "enable-root-access", "audit-fleet", "delete-root-credentials-fleet");
    assertThat(EnumSet.allOf(TaskId.class).stream().filter(t -> !t.changesSomething()))
        .containsExactly(TaskId.AUDIT_ROOT_CREDENTIALS, TaskId.AUDIT_FLEET);
    assertThat(Arrays.stream(TaskId.values()).map(t -> TaskId.parse(t.id())))
        .allSatisfy(parsed -> assertThat(parsed).isPresent());
    assertThat(TaskId.parse("Unlock-Bucket")).isEmpty();
  }

  @Test
  void the_policy_names_every_user_group_whose_members_must_be_looked_up() {
    Policy policy = PolicyFileTest.valid(PolicyFileTest.ISSUE_EXAMPLE, Optional.empty()).policy();

    assertThat(policy.userGroups()).extracting(Object::toString).containsExactly("S0SECONCALL");
    assertThat(POLICY.userGroups()).extracting(Object::toString).containsExactly("S0SEC");
    assertThat(POLICY.openTo(Person.member(new UserId("U0LEAD")))).hasSize(6);
    assertThat(POLICY.openTo(Person.member(new UserId("U0OTHER")))).extracting(Rule::name).doesNotContain("prod credentials")
        .hasSize(5);
    assertThat(POLICY.openTo(new Person(new UserId("U0LEAD"), false, false, true, false, java.util.Set.of()))).isEmpty();
    assertThat(List.of(POLICY.rules().get(3).ttlOr(java.time.Duration.ofMinutes(30))))
        .containsExactly(java.time.Duration.ofMinutes(30));
  }
}
