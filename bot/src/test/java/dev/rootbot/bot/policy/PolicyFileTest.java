package dev.rootbot.bot.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.approval.GroupId;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy file's checker: the issue's example reads as written, and every kind of mistake is found with its place. */
class PolicyFileTest {
  static final String ISSUE_EXAMPLE = """
      version: 1
      groups:                               # named sets of Slack user IDs (U…, W…) and user group IDs (S…)
        security-oncall: [S0SECONCALL]
        platform-leads: [U0PLATLEAD1, U0PLATLEAD2]
      rules:                                # matched on tasks and accounts only; the first match applies
        - name: production credential changes need two
          tasks: [delete-root-credentials, allow-password-recovery]
          accounts: ["ou:Production"]       # account IDs, account names, ou:NAME or ou:ou-…, or "*"
          requesters: [platform-leads]      # who may ask: groups, user or group IDs, or "*" (any full member)
          approvers: [security-oncall]
          quorum: 2                         # distinct approvers; the requester never counts
          reason: "^(INC|SEC)-[0-9]+"       # optional: the reason must match
          channels: [C0INCIDENTS]           # optional: where it may be asked
          ttl_minutes: 60                   # optional: overrides ROOTBOT_REQUEST_TTL_MINUTES
        - name: unlocks
          tasks: [unlock-bucket, unlock-queue, restore-bucket-policy, restore-queue-policy]
          accounts: ["*"]
          requesters: ["*"]
          approvers: [security-oncall, platform-leads]
          quorum: 1
          break_glass:                      # optional
            who: [security-oncall]          # who may run it without approval
            review_within_hours: 4
            announce: [C0SECURITY]          # channels told at once, and reminded until it is reviewed
        - name: audits run without approval
          tasks: [audit-root-credentials]
          accounts: ["*"]
          requesters: ["*"]
          quorum: 0                         # allowed only for tasks that change nothing
      """;

  private static final Optional<OrganizationView> ORG = Optional.of(TestOrganization.VIEW);

  @Test
  void the_issue_example_reads_into_the_rules_it_describes() {
    Policy policy = valid(ISSUE_EXAMPLE, ORG).policy();

    assertThat(policy.groups()).containsOnlyKeys("security-oncall", "platform-leads");
    assertThat(policy.rules()).extracting(Rule::name)
        .containsExactly("production credential changes need two", "unlocks", "audits run without approval");
    Rule production = policy.rules().get(0);
    assertThat(production.line()).isEqualTo(6);
    assertThat(production.tasks()).isEqualTo(TaskSet.of(List.of(TaskId.DELETE_ROOT_CREDENTIALS,
        TaskId.ALLOW_PASSWORD_RECOVERY)));
    assertThat(production.accounts()).containsExactly(new AccountPattern.InUnit("Production"));
    assertThat(production.requesters().users()).containsExactly(new UserId("U0PLATLEAD1"), new UserId("U0PLATLEAD2"));
    assertThat(production.requesters().written()).containsExactly("platform-leads");
    assertThat(production.approvers().groups()).containsExactly(new GroupId("S0SECONCALL"));
    assertThat(production.quorum()).isEqualTo(2);
    assertThat(production.reason()).contains(ReasonPattern.compile("^(INC|SEC)-[0-9]+"));
    assertThat(production.channels()).containsExactly(new ChannelId("C0INCIDENTS"));
    assertThat(production.ttl()).contains(Duration.ofMinutes(60));
    assertThat(production.breakGlass()).isEmpty();

    Rule unlocks = policy.rules().get(1);
    assertThat(unlocks.approvers().users()).containsExactly(new UserId("U0PLATLEAD1"), new UserId("U0PLATLEAD2"));
    assertThat(unlocks.approvers().groups()).containsExactly(new GroupId("S0SECONCALL"));
    assertThat(unlocks.accounts()).containsExactly(new AccountPattern.Any());
    assertThat(unlocks.breakGlass()).contains(new BreakGlass(new Audience(List.of("security-oncall"), false, Set.of(),
        Set.of(new GroupId("S0SECONCALL"))), Duration.ofHours(4), List.of(new ChannelId("C0SECURITY"))));
    assertThat(unlocks.reason()).isEmpty();
    assertThat(unlocks.channels()).isEmpty();

    Rule audits = policy.rules().get(2);
    assertThat(audits.quorum()).isZero();
    assertThat(audits.needsApproval()).isFalse();
    assertThat(audits.approvers().isEmpty()).isTrue();
    assertThat(policy.userGroups()).containsExactly(new GroupId("S0SECONCALL"));
  }

  @Test
  void without_the_organization_everything_else_is_checked_and_the_result_says_what_was_not() {
    CheckedPolicy.Valid checked = valid(ISSUE_EXAMPLE, Optional.empty());

    assertThat(checked.unchecked()).singleElement().asString().contains("account names and OUs were not checked");
    assertThat(valid(ISSUE_EXAMPLE, ORG).unchecked()).isEmpty();
    assertThat(PolicyFile.parse(ISSUE_EXAMPLE.replace("unlock-queue", "unlock-queues"), Optional.empty()).problems())
        .singleElement().satisfies(p -> assertThat(p.message()).startsWith("unknown task “unlock-queues”"));
  }

  /** One rule, fine as it is; rows change a line or two. */
  private static final String BASE = """
      version: 1
      rules:
        - name: r
          tasks: [unlock-bucket]
          accounts: ["*"]
          requesters: ["*"]
          approvers: [U0BOB]
          quorum: 1
      """;

  /** The base file with the first {@code from} replaced. */
  private static String base(String from, String to) {
    assertThat(BASE).contains(from);
    int at = BASE.indexOf(from);
    return BASE.substring(0, at) + to + BASE.substring(at + from.length());
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        // the file as a whole
        arguments("not YAML", "version: 1\nrules: [\n", List.of("3:1: not valid YAML")),
        arguments("an empty file", "", List.of("1:1: the file is empty")),
        arguments("a list instead of a mapping", "- version: 1\n", List.of("1:1: the policy file must be a mapping")),
        arguments("version missing", BASE.replace("version: 1\n", ""),
            List.of("1:1: version is missing: start the file with version: 1")),
        arguments("version 2", base("version: 1", "version: 2"),
            List.of("1:10: version 2 is not known: this Rootbot reads version 1")),
        arguments("version as text", base("version: 1", "version: one"),
            List.of("1:10: version “one” is not known: this Rootbot reads version 1")),
        arguments("version in quotes", base("version: 1", "version: \"1\""),
            List.of("1:10: version must be the number 1, without quotes")),
        arguments("an unknown key at the top", BASE + "rule: []\n",
            List.of("9:1: unknown key “rule” in the policy file: the keys are version, groups, rules")),
        arguments("rules missing", "version: 1\n", List.of("1:1: rules is missing")),
        arguments("rules empty", "version: 1\nrules: []\n", List.of("2:8: rules is empty")),
        arguments("rules as a mapping", "version: 1\nrules:\n  name: r\n", List.of("3:3: rules must be a list")),
        arguments("a key twice", base("    quorum: 1\n", "    quorum: 1\n    quorum: 2\n"),
            List.of("9:5: “quorum” appears twice in a rule (first on line 8): keep one")),
        // keys and types of a rule
        arguments("an unknown key in a rule", base("    quorum: 1\n", "    quorum: 1\n    ttl: 5\n"),
            List.of("9:5: unknown key “ttl” in a rule: the keys are name, tasks")),
        arguments("break-glass with a dash", base("    quorum: 1\n", "    quorum: 1\n    break-glass: {}\n"),
            List.of("9:5: unknown key “break-glass” in a rule: did you mean “break_glass”?")),
        arguments("tasks as one word", base("[unlock-bucket]", "unlock-bucket"),
            List.of("4:12: tasks must be a list, like tasks: [unlock-bucket, unlock-queue]")),
        arguments("tasks with no value", base("tasks: [unlock-bucket]", "tasks:"), List.of("4:5: tasks has no value")),
        arguments("quorum as a word", base("quorum: 1", "quorum: two"),
            List.of("8:13: quorum must be a whole number from 0 to 1000 (without quotes); got “two”")),
        arguments("quorum in quotes", base("quorum: 1", "quorum: \"1\""), List.of("8:13: quorum must be a whole number")),
        arguments("quorum negative", base("quorum: 1", "quorum: -1"), List.of("8:13: quorum must be a whole number")),
        arguments("a rule that is a list", "version: 1\nrules:\n  - [r]\n", List.of("3:5: a rule must be a mapping")),
        arguments("a rule with no name or tasks", base("  - name: r\n    tasks: [unlock-bucket]\n    accounts", "  - accounts"),
            List.of("3:5: the rule on line 3 has no name", "3:5: the rule on line 3 has no tasks")),
        arguments("an empty name", base("name: r", "name: \" \""), List.of("3:11: a rule's name is empty")),
        arguments("two rules with one name", BASE + BASE.substring(BASE.indexOf("  - name")).replace("unlock-bucket", "unlock-queue"),
            List.of("9:11: two rules are named “r” (the other is on line 3)")),
        // tasks
        arguments("an unknown task", base("[unlock-bucket]", "[unlock-bucket, unlock-buckets]"),
            List.of("4:28: unknown task “unlock-buckets”: the tasks are unlock-bucket, unlock-queue, audit-root-credentials,"
                + " delete-root-credentials, allow-password-recovery, restore-bucket-policy, restore-queue-policy,"
                + " enable-root-access, audit-fleet, delete-root-credentials-fleet, or “*” for all")),
        arguments("no tasks", base("[unlock-bucket]", "[]"), List.of("4:12: tasks is empty")),
        // people
        arguments("an unknown group in requesters", base("requesters: [\"*\"]", "requesters: [leads]"),
            List.of("6:18: unknown group “leads”: define it under groups, or write a Slack user ID (U…, W…) or user"
                + " group ID (S…)")),
        arguments("an unknown group in approvers names the groups there are",
            "version: 1\ngroups:\n  oncall: [S0ONCALL]\n" + BASE.substring(BASE.indexOf("rules:")).replace("[U0BOB]", "[on-call]"),
            List.of("9:17: unknown group “on-call”: define it under groups, or write a Slack user ID (U…, W…) or"
                + " user group ID (S…); the groups are oncall")),
        arguments("an unknown group in break_glass.who", base("    quorum: 1\n", """
                quorum: 1
                break_glass: {who: [oncall], review_within_hours: 1, announce: [C0SEC]}
            """), List.of("9:25: unknown group “oncall”")),
        arguments("a name in a group", "version: 1\ngroups:\n  leads: [U0LEAD, alice]\n"
            + BASE.substring(BASE.indexOf("rules:")).replace("[U0BOB]", "[leads]"),
            List.of("3:19: “alice” in group “leads” is not a Slack user ID (U…, W…) or user group ID (S…); names cannot"
                + " be used")),
        arguments("a channel ID in a group", "version: 1\ngroups:\n  leads: [C0INCIDENT]\n"
            + BASE.substring(BASE.indexOf("rules:")).replace("[U0BOB]", "[leads]"),
            List.of("3:11: “C0INCIDENT” in group “leads” is not a Slack user ID")),
        arguments("a group name that looks like an ID", "version: 1\ngroups:\n  SRE: [U0SRE]\n"
            + BASE.substring(BASE.indexOf("rules:")),
            List.of("3:3: “SRE” cannot name a group")),
        arguments("an empty group", "version: 1\ngroups:\n  leads: []\n" + BASE.substring(BASE.indexOf("rules:")),
            List.of("3:10: group “leads” is empty")),
        arguments("groups as a list", "version: 1\ngroups: [U0BOB]\n" + BASE.substring(BASE.indexOf("rules:")),
            List.of("2:9: groups must be a mapping")),
        arguments("* among the approvers", base("[U0BOB]", "[\"*\"]"),
            List.of("7:17: “*” cannot be used in approvers: name the people or groups who may approve")),
        arguments("no requesters", base("requesters: [\"*\"]", "requesters: []"),
            List.of("6:17: requesters is empty: nobody could ask under this rule")),
        arguments("no approvers although the quorum is 1", base("    approvers: [U0BOB]\n", ""),
            List.of("3:5: rule “r” needs approvers for its quorum of 1")),
        arguments("an empty approver list", base("[U0BOB]", "[]"), List.of("7:16: approvers is empty")),
        // accounts
        arguments("an unknown account ID", base("[\"*\"]", "[999999999999]"),
            List.of("5:16: account 999999999999 is not in the organization: check the ID")),
        arguments("an account ID that is not 12 digits", base("[\"*\"]", "[12345]"),
            List.of("5:16: “12345” is not an account ID: an account ID is 12 digits")),
        arguments("an unknown account name", base("[\"*\"]", "[prod-dta]"),
            List.of("5:16: no account in the organization is named “prod-dta”")),
        arguments("an account name two accounts have", base("[\"*\"]", "[twin]"),
            List.of("5:16: 2 accounts are named “twin” (777777777777, 888888888888): write the ID of the one you mean")),
        arguments("an unknown OU name", base("[\"*\"]", "[\"ou:Prod\"]"),
            List.of("5:16: no OU in the organization is named “Prod”")),
        arguments("an unknown OU ID", base("[\"*\"]", "[\"ou:ou-exmp-99999999\"]"),
            List.of("5:16: OU ou-exmp-99999999 is not in the organization")),
        arguments("an OU name two OUs have", base("[\"*\"]", "[\"ou:Shared\"]"),
            List.of("5:16: 2 OUs are named “Shared” (ou-exmp-44444444, ou-exmp-55555555)")),
        arguments("ou: with no OU", base("[\"*\"]", "[\"ou:\"]"), List.of("5:16: “ou:” names no OU")),
        arguments("no accounts", base("[\"*\"]", "[]"), List.of("5:15: accounts is empty")),
        // conditions
        arguments("a reason that is not a regular expression", base("    quorum: 1\n", "    quorum: 1\n    reason: \"(INC\"\n"),
            List.of("9:13: reason is not a valid regular expression: Unclosed group")),
        arguments("a reason with no value", base("    quorum: 1\n", "    quorum: 1\n    reason:\n"),
            List.of("9:5: reason has no value")),
        arguments("a channel name instead of its ID", base("    quorum: 1\n", "    quorum: 1\n    channels: [\"#incidents\"]\n"),
            List.of("9:16: “#incidents” is not a Slack channel ID (C…, G…)")),
        arguments("an empty channel list", base("    quorum: 1\n", "    quorum: 1\n    channels: []\n"),
            List.of("9:15: channels is empty: remove it to allow every channel")),
        arguments("ttl 0", base("    quorum: 1\n", "    quorum: 1\n    ttl_minutes: 0\n"),
            List.of("9:18: ttl_minutes must be a whole number from 1 to 10080")),
        arguments("ttl over a week", base("    quorum: 1\n", "    quorum: 1\n    ttl_minutes: 10081\n"),
            List.of("9:18: ttl_minutes must be a whole number from 1 to 10080")),
        // quorum
        arguments("quorum 0 on a task that changes something", base("quorum: 1", "quorum: 0"),
            List.of("8:13: quorum: 0 runs without approval, which only tasks that change nothing may"
                + " (audit-root-credentials, audit-fleet); this rule lists unlock-bucket. Set quorum to 1 or more")),
        arguments("quorum 0 on every task", base("[unlock-bucket]", "[\"*\"]").replace("quorum: 1", "quorum: 0"),
            List.of("8:13: quorum: 0 runs without approval, which only tasks that change nothing may"
                + " (audit-root-credentials, audit-fleet); “*” includes unlock-bucket, unlock-queue")),
        arguments("quorum 0 on enable-root-access", base("[unlock-bucket]", "[audit-fleet, enable-root-access]")
            .replace("quorum: 1", "quorum: 0"), List.of("8:13: quorum: 0 runs without approval")),
        arguments("a quorum larger than the approvers named", base("[U0BOB]", "[U0BOB, U0CAROL]").replace("quorum: 1", "quorum: 3"),
            List.of("8:13: quorum 3 is more than the 2 approvers rule “r” names (U0BOB, U0CAROL)")),
        arguments("a quorum an approver who asks could never reach", base("[\"*\"]\n    approvers", "[U0BOB]\n    approvers")
            .replace("[U0BOB]\n    quorum: 1", "[U0BOB, U0CAROL]\n    quorum: 2"),
            List.of("8:13: U0BOB may ask and is one of the 2 approvers of rule “r”; the requester never counts, so"
                + " their requests could never reach quorum 2")),
        // break-glass
        arguments("break-glass on a rule that needs no approval", base("[unlock-bucket]", "[audit-root-credentials]")
            .replace("    quorum: 1\n", "    quorum: 0\n    break_glass: {who: [U0BOB], review_within_hours: 1, announce: [C0SEC]}\n"),
            List.of("9:5: break_glass is for rules that need approval; rule “r” has quorum 0")),
        arguments("announce with channel names", base("    quorum: 1\n", "    quorum: 1\n"
            + "    break_glass: {who: [U0BOB], review_within_hours: 1, announce: [\"#security\"]}\n"),
            List.of("9:68: “#security” is not a Slack channel ID")),
        arguments("break-glass with nobody named", base("    quorum: 1\n", "    quorum: 1\n"
            + "    break_glass: {review_within_hours: 1, announce: [C0SEC]}\n"), List.of("9:18: break_glass has no who")),
        arguments("* in break_glass.who", base("    quorum: 1\n", "    quorum: 1\n"
            + "    break_glass: {who: [\"*\"], review_within_hours: 1, announce: [C0SEC]}\n"),
            List.of("9:25: “*” cannot be used in who: name the people or groups who may break glass")),
        arguments("a review deadline of 0 hours", base("    quorum: 1\n", "    quorum: 1\n"
            + "    break_glass: {who: [U0BOB], review_within_hours: 0, announce: [C0SEC]}\n"),
            List.of("9:54: review_within_hours must be a whole number from 1 to 168")),
        arguments("a review deadline over a week", base("    quorum: 1\n", "    quorum: 1\n"
            + "    break_glass: {who: [U0BOB], review_within_hours: 169, announce: [C0SEC]}\n"),
            List.of("9:54: review_within_hours must be a whole number from 1 to 168")),
        arguments("an unknown key in break_glass", base("    quorum: 1\n", "    quorum: 1\n"
            + "    break_glass: {who: [U0BOB], review_within_hours: 1, announce: [C0SEC], notify: [C0X]}\n"),
            List.of("9:76: unknown key “notify” in break_glass")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void every_mistake_is_found_where_it_is(String description, String file, List<String> expected) {
    List<Problem> problems = PolicyFile.parse(file, ORG).problems();

    assertThat(problems).extracting(p -> p.line() + ":" + p.column() + ": " + p.message())
        .hasSize(expected.size())
        .satisfies(shown -> {
          for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String position = want.substring(0, want.indexOf(": ") + 2);
            assertThat(shown.get(i)).as("problem %d", i).startsWith(position).contains(want.substring(position.length()));
          }
        });
  }

  private static final String SHADOW = """
      version: 1
      rules:
        - name: first
          tasks: [%s]
          accounts: [%s]
          requesters: ["*"]
          approvers: [U0BOB]
          quorum: 1
        - name: second
          tasks: [%s]
          accounts: [%s]
          requesters: ["*"]
          approvers: [U0BOB]
          quorum: 1
      """;

  static Stream<Arguments> orders() {
    String hidden = "9:11: rule “second” can never apply: rule “first” (line 3) comes first and matches every task and"
        + " account it does";
    return Stream.of(
        arguments("the same tasks and accounts", "unlock-bucket", "\"*\"", "unlock-bucket", "\"*\"", hidden),
        arguments("more tasks first", "unlock-bucket, unlock-queue", "\"*\"", "unlock-queue", "\"*\"", hidden),
        arguments("every task first", "\"*\"", "\"*\"", "unlock-queue, audit-fleet", "prod-data", hidden),
        arguments("an OU first, its account later", "unlock-bucket", "\"ou:Production\"", "unlock-bucket", "prod-data", hidden),
        arguments("an OU first, its account by ID later", "unlock-bucket", "\"ou:Production\"", "unlock-bucket",
            "333333333333", hidden),
        arguments("an OU first, a nested OU later", "unlock-bucket", "\"ou:Production\"", "unlock-bucket",
            "\"ou:Payments\"", hidden),
        arguments("an OU by ID first, a nested account later", "unlock-bucket", "\"ou:ou-exmp-11111111\"", "unlock-bucket",
            "payments-eu", hidden),
        arguments("an account by name first, by ID later", "unlock-bucket", "prod-data", "unlock-bucket",
            "333333333333", hidden),
        arguments("an account by ID first, by name later", "unlock-bucket", "333333333333", "unlock-bucket",
            "PROD-DATA", hidden),
        arguments("each later entry covered by a different earlier one", "unlock-bucket", "\"ou:Sandbox\", prod-data",
            "unlock-bucket", "dev-playground, 333333333333", hidden),
        arguments("fewer tasks first", "unlock-bucket", "\"*\"", "unlock-bucket, unlock-queue", "\"*\"", null),
        arguments("a list of every task today first, * later", String.join(", ", java.util.Arrays.stream(TaskId.values())
            .map(TaskId::id).toList()), "\"*\"", "\"*\"", "\"*\"", null),
        arguments("fewer accounts first", "unlock-bucket", "prod-data", "unlock-bucket", "\"ou:Production\"", null),
        arguments("a nested OU first, its parent later", "unlock-bucket", "\"ou:Payments\"", "unlock-bucket",
            "\"ou:Production\"", null),
        arguments("every OU and root account first, * later (new accounts still reach it)", "unlock-bucket",
            "\"ou:Production\", \"ou:Sandbox\", \"ou:ou-exmp-44444444\", security-tooling", "unlock-bucket", "\"*\"", null),
        arguments("one later entry not covered", "unlock-bucket", "\"ou:Production\"", "unlock-bucket",
            "prod-data, dev-playground", null),
        arguments("an account first, the OU holding only it later", "unlock-bucket", "payments-eu", "unlock-bucket",
            "\"ou:Payments\"", null),
        arguments("other tasks in the same accounts", "unlock-bucket", "\"*\"", "unlock-queue", "\"*\"", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void a_rule_an_earlier_one_always_matches_first_is_an_error(String description, String firstTasks, String firstAccounts,
      String secondTasks, String secondAccounts, String problem) {
    String file = String.format(SHADOW, firstTasks, firstAccounts, secondTasks, secondAccounts);

    List<String> problems = PolicyFile.parse(file, ORG).problems().stream()
        .map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();

    if (problem == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).singleElement().asString().startsWith(problem);
    }
  }

  @Test
  void without_the_organization_only_star_and_identical_entries_hide_a_rule() {
    String byOu = String.format(SHADOW, "unlock-bucket", "\"ou:Production\"", "unlock-bucket", "prod-data");
    String same = String.format(SHADOW, "unlock-bucket", "\"ou:Production\"", "unlock-bucket", "\"ou:production\"");

    assertThat(PolicyFile.parse(byOu, Optional.empty()).problems()).isEmpty();
    assertThat(PolicyFile.parse(same, Optional.empty()).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("can never apply"));
  }

  @Test
  void a_user_group_among_the_approvers_counts_as_enough_for_any_quorum() {
    String file = base("[U0BOB]", "[U0BOB, S0ONCALL]").replace("quorum: 1", "quorum: 5");

    assertThat(PolicyFile.parse(file, ORG).problems()).isEmpty();
  }

  @Test
  void every_problem_is_reported_at_once_in_the_order_of_the_file() {
    String file = """
        version: 3
        groups:
          leads: [bob]
        rules:
          - name: r
            tasks: [unlock-everything]
            accounts: ["ou:Nowhere"]
            requesters: [leads]
            approvers: [U0BOB]
            quorum: 0
            colour: blue
        """;

    assertThat(PolicyFile.parse(file, ORG).problems()).extracting(p -> p.line() + ":" + p.column())
        .containsExactly("1:10", "3:11", "6:13", "7:16", "11:5");
  }

  @Test
  void a_file_is_read_from_disk_and_a_missing_one_is_a_problem_not_an_exception(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, ISSUE_EXAMPLE, StandardCharsets.UTF_8);
    Files.write(dir.resolve("latin1.yaml"), "version: 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(PolicyFile.read(file, ORG)).isInstanceOf(CheckedPolicy.Valid.class);
    assertThat(PolicyFile.read(dir.resolve("missing.yaml"), ORG).problems()).singleElement()
        .isEqualTo(new Problem(1, 1, "there is no such file: check the path"));
    assertThat(PolicyFile.read(dir.resolve("latin1.yaml"), ORG).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
  }

  @Test
  void a_problem_prints_as_file_line_column_message() {
    assertThat(new Problem(7, 16, "no OU in the organization is named “Prod”").format("policy.yaml"))
        .isEqualTo("policy.yaml:7:16: no OU in the organization is named “Prod”");
  }

  @Test
  void account_ids_may_be_written_as_numbers_or_strings() {
    String file = base("[\"*\"]", "[333333333333, \"222222222222\"]");

    Rule rule = valid(file, ORG).policy().rules().get(0);

    assertThat(rule.accounts()).containsExactly(new AccountPattern.ById(new AccountId("333333333333")),
        new AccountPattern.ById(new AccountId("222222222222")));
  }

  @Test
  void the_sandbox_example_passes_against_the_demo_organization() throws IOException {
    String text;
    try (var in = PolicyFileTest.class.getResourceAsStream("/sandbox-policy.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Policy policy = valid(text, ORG).policy();

    assertThat(policy.rules()).extracting(Rule::quorum).containsExactly(2, 1, 0, 1);
    assertThat(policy.rules().get(1).breakGlass()).get()
        .satisfies(glass -> assertThat(glass.who().users()).containsExactly(new UserId("U0BOB0000")));
    assertThat(policy.userGroups()).containsExactly(new GroupId("S0APPROVE"));
  }

  static CheckedPolicy.Valid valid(String text, Optional<OrganizationView> organization) {
    CheckedPolicy checked = PolicyFile.parse(text, organization);
    assertThat(checked.problems()).as("problems").isEmpty();
    return (CheckedPolicy.Valid) checked;
  }

  @Test
  void task_sets_cover_by_inclusion_and_only_star_covers_star() {
    TaskSet unlocks = TaskSet.of(List.of(TaskId.UNLOCK_BUCKET, TaskId.UNLOCK_QUEUE));
    TaskSet everyToday = TaskSet.of(Set.of(TaskId.values()));

    assertThat(TaskSet.everyTask().covers(unlocks)).isTrue();
    assertThat(unlocks.covers(TaskSet.of(List.of(TaskId.UNLOCK_QUEUE)))).isTrue();
    assertThat(unlocks.covers(everyToday)).isFalse();
    assertThat(everyToday.covers(TaskSet.everyTask())).isFalse();
    assertThat(TaskSet.everyTask().changingTasks()).doesNotContain(TaskId.AUDIT_FLEET, TaskId.AUDIT_ROOT_CREDENTIALS)
        .contains(TaskId.ENABLE_ROOT_ACCESS).hasSize(8);
  }
}
