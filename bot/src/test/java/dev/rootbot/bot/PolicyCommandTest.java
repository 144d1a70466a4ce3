package dev.rootbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@code rootbot policy check} and {@code explain}: exit codes and output, without AWS and against the simulated organization. */
class PolicyCommandTest {
  private static SimulatedAws aws;

  @TempDir Path dir;
  private Path sandboxPolicy;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void startAws() {
    aws = SimulatedAws.start(Seed.demo());
  }

  @AfterAll
  static void stopAws() {
    aws.close();
  }

  @BeforeEach
  void copyTheSandboxPolicy() throws IOException {
    sandboxPolicy = dir.resolve("sandbox-policy.yaml");
    try (InputStream in = PolicyCommandTest.class.getResourceAsStream("/sandbox-policy.yaml")) {
      Files.write(sandboxPolicy, in.readAllBytes());
    }
  }

  private int offline(String... args) {
    return run(Map.of(), args);
  }

  private int withAws(String... args) {
    return run(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", aws.endpoint().toString()), args);
  }

  private int run(Map<String, String> env, String... args) {
    var key = aws.managementKey();
    return PolicyCommand.run(args, env,
        () -> StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path file(String text) throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void check_prints_the_rules_in_order_and_says_accounts_were_not_checked_without_aws() {
    int exit = offline("check", sandboxPolicy.toString());

    assertThat(exit).isZero();
    assertThat(out()).startsWith(sandboxPolicy + ": valid, 4 rules, tried in this order.\n"
        + "Account IDs, account names and OUs were not checked: AWS is not configured");
    assertThat(out()).containsSubsequence(
        "1. production credential changes need two  (line 9)",
        "   tasks:       delete-root-credentials, allow-password-recovery",
        "   accounts:    ou:Production",
        "   requesters:  any full member",
        "   approvers:   approvers (U0BOB0000, S0APPROVE)",
        "   quorum:      2 (distinct approvers; the requester never counts)",
        "   conditions:  the reason matches ^(INC|SEC)-[0-9]+; asked in C0INCIDENT",
        "   break-glass: none",
        "2. unlocks need one approver",
        "   break-glass: U0BOB0000; reviewed within 4 h; announced in C0PLATFORM",
        "3. audits run without approval",
        "   quorum:      0 (runs at once)",
        "4. everything else needs one approver",
        "Anything no rule matches is refused.");
    assertThat(err()).isEmpty();
  }

  @Test
  void check_with_aws_reads_the_organization_and_finds_an_ou_that_is_not_there() throws IOException {
    assertThat(withAws("check", sandboxPolicy.toString())).isZero();
    assertThat(out()).contains("Accounts and OUs were checked against the organization (5 accounts, 2 OUs).");

    out.reset();
    Path typo = file(Files.readString(sandboxPolicy).replace("ou:Production", "ou:Prodution"));

    assertThat(withAws("check", typo.toString())).isEqualTo(1);
    assertThat(out()).isEqualTo(typo + ":11:16: no OU in the organization is named “Prodution”: write ou:NAME with the"
        + " name Organizations shows, or ou:ou-… with the OU's ID\n");
    assertThat(offline("check", typo.toString())).as("offline, the name cannot be checked").isZero();
  }

  @Test
  void check_goes_on_without_the_organization_when_aws_cannot_be_reached_and_says_so() throws IOException {
    int closed = Sandboxed.freePort();

    int exit = run(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:" + closed),
        "check", sandboxPolicy.toString());

    assertThat(exit).isZero();
    assertThat(err()).startsWith("rootbot policy: could not read the organization from AWS (");
    assertThat(out()).contains("Account IDs, account names and OUs were not checked: the organization could not be read.");
  }

  @Test
  void check_prints_every_problem_as_file_line_column_message_and_exits_1() throws IOException {
    Path bad = file("""
        version: 1
        rules:
          - name: r
            tasks: [unlock-buckets]
            accounts: ["*"]
            requesters: [leads]
            approvers: [U0BOB]
            quorum: 1
        """);

    int exit = offline("check", bad.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out().lines()).containsExactly(
        bad + ":4:13: unknown task “unlock-buckets”: the tasks are " + String.join(", ", taskIds()) + ", or “*” for all",
        bad + ":6:18: unknown group “leads”: define it under groups, or write a Slack user ID (U…, W…) or user group"
            + " ID (S…)");
    assertThat(err()).contains("2 problems; Rootbot will not start with this file.");
  }

  @Test
  void check_of_a_missing_file_is_a_problem_not_a_stack_trace() {
    assertThat(offline("check", dir.resolve("nope.yaml").toString())).isEqualTo(1);
    assertThat(out()).isEqualTo(dir.resolve("nope.yaml") + ":1:1: there is no such file: check the path\n");
    assertThat(err()).doesNotContain("Exception");
  }

  @Test
  void explain_with_aws_names_the_rule_the_approvers_the_quorum_and_the_conditions() {
    int exit = withAws("explain", sandboxPolicy.toString(), "--task", "delete-root-credentials", "--account", "prod-data",
        "--requester", "U0ALICE00", "--channel", "C0INCIDENT");

    assertThat(exit).isZero();
    assertThat(out().lines()).containsExactly(
        "request:     delete-root-credentials in account prod-data (333333333333), asked by U0ALICE00 in C0INCIDENT",
        "rule:        \"production credential changes need two\" (line 9)",
        "may ask:     yes",
        "approvers:   approvers (U0BOB0000, S0APPROVE)",
        "quorum:      2 (distinct approvers; the requester never counts)",
        "conditions:  the reason must match ^(INC|SEC)-[0-9]+; asked in C0INCIDENT",
        "break-glass: none",
        "assumed:     U0ALICE00 is an active, full member of the workspace, in no Slack user group (Slack is not"
            + " asked here; --in-group S… assumes membership)");
  }

  @Test
  void explain_says_why_a_request_is_refused_in_plain_text() {
    withAws("explain", sandboxPolicy.toString(), "--task", "allow-password-recovery", "--account", "222222222222",
        "--requester", "U0ALICE00", "--channel", "C0PLATFORM");

    assertThat(out()).contains("may ask:     no: under rule “production credential changes need two”, this can only be"
        + " asked in C0INCIDENT\n");
  }

  @Test
  void explain_shows_break_glass_and_a_rule_that_needs_no_approval() {
    withAws("explain", sandboxPolicy.toString(), "--task", "unlock-bucket", "--account", "prod-payments",
        "--requester", "U0BOB0000");
    assertThat(out()).contains("rule:        \"unlocks need one approver\" (line 17)",
        "break-glass: U0BOB0000; U0BOB0000 may break glass; reviewed within 4 h; announced in C0PLATFORM");

    out.reset();
    withAws("explain", sandboxPolicy.toString(), "--task", "unlock-bucket", "--account", "prod-payments",
        "--requester", "U0ALICE00");
    assertThat(out()).contains("U0ALICE00 may not break glass");

    out.reset();
    withAws("explain", sandboxPolicy.toString(), "--task", "audit-fleet", "--account", "dev-playground",
        "--requester", "U0ALICE00");
    assertThat(out()).contains("rule:        \"audits run without approval\"", "approvers:   none needed",
        "quorum:      0 (runs at once, with no approval)");
  }

  @Test
  void explain_without_aws_says_which_earlier_rule_it_could_not_decide() {
    int exit = offline("explain", sandboxPolicy.toString(), "--task", "delete-root-credentials", "--account", "prod-data",
        "--requester", "U0ALICE00");

    assertThat(exit).isZero();
    assertThat(out()).containsSubsequence(
        "request:     delete-root-credentials in account prod-data, asked by U0ALICE00",
        "unsure:      \"production credential changes need two\" (line 9) comes first and applies if prod-data is"
            + " among ou:Production, which needs the organization; assumed it is not",
        "rule:        \"everything else needs one approver\" (line 32)");
  }

  @Test
  void explain_assumes_user_groups_only_when_told() throws IOException {
    Path policy = file("""
        version: 1
        rules:
          - name: leads only
            tasks: ["*"]
            accounts: ["*"]
            requesters: [S0LEADS]
            approvers: [S0SEC]
            quorum: 1
        """);

    offline("explain", policy.toString(), "--task", "unlock-queue", "--account", "111122223333", "--requester", "U0X");
    assertThat(out()).contains("may ask:     no: under rule “leads only”, only S0LEADS may ask for this",
        "in no Slack user group");

    out.reset();
    offline("explain", policy.toString(), "--task", "unlock-queue", "--account", "111122223333", "--requester", "U0X",
        "--in-group", "S0LEADS");
    assertThat(out()).contains("may ask:     yes", "in the user groups S0LEADS and no other");
  }

  @Test
  void explain_of_an_account_not_in_the_organization_exits_1() {
    assertThat(withAws("explain", sandboxPolicy.toString(), "--task", "unlock-bucket", "--account", "prod-dta",
        "--requester", "U0ALICE00")).isEqualTo(1);
    assertThat(err()).contains("no account in the organization is named \"prod-dta\"");
    assertThat(out()).isEmpty();
  }

  @Test
  void explain_of_an_invalid_file_prints_its_problems_and_exits_1() throws IOException {
    Path bad = file("version: 2\nrules: []\n");

    assertThat(offline("explain", bad.toString(), "--task", "unlock-bucket", "--account", "1", "--requester", "U0A"))
        .isEqualTo(1);
    assertThat(out().lines()).containsExactly(bad + ":1:10: version 2 is not known: this Rootbot reads version 1",
        bad + ":2:8: rules is empty: with no rule every request is refused; list at least one");
  }

  @Test
  void bad_command_lines_print_the_usage_and_exit_2() {
    String file = sandboxPolicy.toString();
    List<String[]> lines = List.of(
        new String[] {},
        new String[] {"lint", file},
        new String[] {"check"},
        new String[] {"check", file, "extra"},
        new String[] {"explain", file, "--task", "unlock-bucket", "--account", "prod-data"},
        new String[] {"explain", file, "--task", "unlock-buckets", "--account", "prod-data", "--requester", "U0A"},
        new String[] {"explain", file, "--task", "unlock-bucket", "--account", "prod-data", "--requester", "alice"},
        new String[] {"explain", file, "--task", "unlock-bucket", "--account", "prod-data", "--requester", "U0A",
            "--channel", "#incidents"},
        new String[] {"explain", file, "--task", "unlock-bucket", "--task", "unlock-queue", "--account", "a",
            "--requester", "U0A"},
        new String[] {"explain", file, "--colour", "red"},
        new String[] {"explain", file, "--task"});

    for (String[] args : lines) {
      err.reset();
      assertThat(offline(args)).as(Arrays.toString(args)).isEqualTo(2);
      assertThat(err()).as(Arrays.toString(args)).contains("Usage: rootbot policy check FILE").doesNotContain("Exception");
    }
    assertThat(out()).isEmpty();
  }

  private static List<String> taskIds() {
    return Arrays.stream(dev.rootbot.bot.policy.TaskId.values()).map(dev.rootbot.bot.policy.TaskId::id).toList();
  }
}
