package dev.rootbot.bot.fleet;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.fleet.AuditReport;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.iam.RootCredentials;
import dev.rootbot.sandbox.aws.organizations.Account;
import dev.rootbot.sandbox.aws.organizations.OrganizationalUnit;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.SharedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /root audit ou X} and {@code /root audit all} end to end on a generated organization of 200 accounts, under
 * the sandbox's example policy (audits run without approval): the CSV matches the simulated state row for row, the
 * progress message is updated in place and ends saying done, and the summary and both files land in the thread.
 */
class FleetAuditTest {
  static final int MEMBERS = 200;
  /** Enough latency on every call that the audit takes a few seconds, so its progress is updated on the way. */
  static final Duration LATENCY = Duration.ofMillis(15);

  @TempDir
  Path folder;
  private Sandboxed sandbox;

  @BeforeEach
  void start() throws IOException {
    sandbox = Sandboxed.start(Seed.generated(MEMBERS), Map.of("ROOTBOT_APPROVERS", "", "ROOTBOT_POLICY",
        examplePolicy(folder).toString()), Clock.systemUTC());
    sandbox.aws.latency(LATENCY);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void audit_ou_production_reports_every_active_account_under_it_as_the_simulated_state_has_it() {
    Message card = fileAudit("audit ou Production");

    Message summary = sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.allText().contains("Audit complete"),
        Duration.ofSeconds(60));
    SharedFile csv = csvOf(card);

    Set<String> expected = activeMembersUnder("Production");
    assertThat(expected).hasSizeGreaterThan(30);
    assertMatchesTheSimulatedState(csv, expected);
    assertThat(summary.allText()).contains("Password:", "Access keys:", "MFA devices:");
    assertThat(sandbox.awaitRequest(card, r -> r.state().isFinal()).state()).isEqualTo(State.SUCCEEDED);
  }

  @Test
  void audit_all_reports_every_active_member_updating_one_progress_message_until_it_says_done() {
    long began = System.nanoTime();
    Message card = fileAudit("audit all");

    Message summary = sandbox.slack.awaitReply(PLATFORM, card.ts(), m -> m.allText().contains("Audit complete"),
        Duration.ofSeconds(90));
    long tookMs = Duration.ofNanos(System.nanoTime() - began).toMillis();
    SharedFile csv = csvOf(card);
    SharedFile json = sandbox.slack.awaitFile(PLATFORM, card.ts(), f -> f.name().endsWith(".json"), Sandboxed.WAIT);

    Set<String> expected = activeMembersUnder(null);
    assertThat(expected).hasSize(MEMBERS - MEMBERS / 50);
    assertMatchesTheSimulatedState(csv, expected);
    assertThat(json.text()).contains("\"accounts\"", "\"account_id\": \"200000000001\"");
    assertThat(summary.allText()).contains("Blocked by an SCP", "DenyRootUser");

    List<Message> progress = sandbox.slack.thread(PLATFORM, card.ts()).stream()
        .filter(m -> m.allText().contains("Auditing:") || m.allText().contains("Audit done:")).toList();
    assertThat(progress).as("one progress message, updated in place").hasSize(1);
    assertThat(progress.get(0).allText()).contains("Audit done:", expected.size() + " of " + expected.size());
    assertThat(progress.get(0).edited()).as("updated while the audit ran").isTrue();
    assertThat(progress.get(0).revisions()).extracting(r -> r.text()).anyMatch(t -> t.contains("Auditing:"));
    System.out.printf("fleet audit of %d accounts (%d ms on every call): %d ms from the command to the summary, "
        + "%d progress updates%n", expected.size(), LATENCY.toMillis(), tookMs, progress.get(0).revisions().size());
  }

  /** This test's helpers on {@code other}, for the tests that start from an audit. */
  FleetAuditTest with(Sandboxed other) {
    this.sandbox = other;
    return this;
  }

  /** Files {@code text} as Alice in #platform and returns its card (no buttons: the policy needs no approval). */
  Message fileAudit(String text) {
    sandbox.slack.as(ALICE).slashCommand("/root", text, PLATFORM);
    return sandbox.slack.awaitMessage(PLATFORM, m -> m.fromBot() && !m.isReply()
        && m.allText().contains("audit root credentials in"), Sandboxed.WAIT);
  }

  SharedFile csvOf(Message card) {
    return sandbox.slack.awaitFile(PLATFORM, card.ts(), f -> f.name().endsWith(".csv"), Sandboxed.WAIT);
  }

  static RequestId requestOf(Message card) {
    var id = Pattern.compile("r-[a-z2-7]{10}").matcher(card.allText());
    assertThat(id.find()).isTrue();
    return RequestId.parse(id.group());
  }

  /** The ACTIVE member accounts, all of them or those under the top-level OU {@code ou} (nested OUs included). */
  Set<String> activeMembersUnder(String ou) {
    var organization = sandbox.aws.organization();
    String unitId = ou == null ? null : organization.units().stream().filter(u -> u.name().equals(ou))
        .map(OrganizationalUnit::id).findFirst().orElseThrow();
    return organization.accounts().stream().filter(Account::active)
        .filter(a -> !organization.isManagement(a.id()))
        .filter(a -> unitId == null || organization.pathTo(a.id()).contains(unitId))
        .map(Account::id).collect(Collectors.toSet());
  }

  /** One row per expected account; each read row says what the simulated root user has, key IDs and all. */
  void assertMatchesTheSimulatedState(SharedFile csv, Set<String> expected) {
    List<List<String>> records = csvRecords(csv.text());
    assertThat(records.get(0)).isEqualTo(AuditReport.COLUMNS);
    Map<String, String[]> rows = new TreeMap<>();
    for (List<String> record : records.subList(1, records.size())) {
      String[] cells = record.toArray(String[]::new);
      assertThat(cells).hasSize(AuditReport.COLUMNS.size());
      assertThat(rows.put(cells[0], cells)).as("one row per account").isNull();
    }
    assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    int read = 0;
    for (String[] row : rows.values()) {
      if (!row[9].isEmpty()) {
        assertThat(row[9]).as("only the SCP-blocked Sandbox OU fails").startsWith("scp_denied");
        continue;
      }
      read++;
      RootCredentials truth = sandbox.aws.rootCredentials(row[0]);
      assertThat(row[3]).as("password of " + row[0]).isEqualTo(truth.hasPassword() ? "yes" : "no");
      assertThat(words(row[6])).as("access keys of " + row[0]).isEqualTo(Set.copyOf(truth.accessKeys()));
      assertThat(row[5]).isEqualTo(String.valueOf(truth.accessKeys().size()));
      assertThat(row[7]).isEqualTo(String.valueOf(truth.signingCertificates().size()));
      assertThat(words(row[8])).as("MFA devices of " + row[0]).isEqualTo(Set.copyOf(truth.mfaDevices()));
    }
    assertThat(read).isGreaterThan(expected.size() / 2);
  }

  /** RFC 4180 as the report writes it: fields in double quotes when they hold a comma, a quote or a line break. */
  static List<List<String>> csvRecords(String text) {
    List<List<String>> records = new java.util.ArrayList<>();
    List<String> record = new java.util.ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new java.util.ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }

  private static Set<String> words(String cell) {
    return cell.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(cell.split(" ")));
  }

  /** The sandbox's example approval policy, as a file: audits run without approval. */
  static Path examplePolicy(Path folder) throws IOException {
    Path policy = folder.resolve("policy.yaml");
    try (InputStream in = FleetAuditTest.class.getResourceAsStream("/sandbox-policy.yaml")) {
      Files.writeString(policy, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return policy;
  }
}
