package dev.rootbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit commands on a SQLite store, where an attacker drops the triggers and rebuilds the table to drop its keys. */
class SqliteAuditCommandTest extends AuditCommandContract {
  @TempDir
  Path folder;

  private Path file() {
    return folder.resolve("rootbot.db");
  }

  @Override
  String newStore() {
    return "sqlite:" + file();
  }

  @Override
  Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file());
  }

  @Override
  void disableTriggers(Statement sql) throws SQLException {
    sql.execute("DROP TRIGGER audit_log_no_update");
    sql.execute("DROP TRIGGER audit_log_no_delete");
  }

  @Override
  void dropSeqConstraints(Statement sql) throws SQLException {
    // SQLite cannot drop a primary key or a check: the owner copies the table without them.
    sql.execute("CREATE TABLE audit_log_copy AS SELECT * FROM audit_log");
    sql.execute("DROP TABLE audit_log");
    sql.execute("ALTER TABLE audit_log_copy RENAME TO audit_log");
  }

  @Test
  void the_readme_shows_the_csv_header_and_every_audit_command_as_the_usage_says() throws Exception {
    Path dir = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("README.md")) || !Files.isDirectory(dir.resolve("bot"))) {
      dir = dir.getParent();
    }
    String readme = Files.readString(dir.resolve("README.md"));

    assertThat(readme).contains("```\n" + dev.rootbot.bot.audit.AuditExport.CSV_HEADER + "\n```");
    for (String form : new String[] {"audit verify [--anchor HASH:N]", "audit evidence REQUEST-ID", "audit anchor",
        "audit export [--since D] [--until D] [--request ID] [--account ID] [--format jsonl\\|csv]"}) {
      assertThat(readme).contains("`./rootbot " + form + "`");
    }
    assertThat(AuditCommand.USAGE).contains("audit verify [--anchor HASH:N]", "audit evidence REQUEST-ID",
        "audit export [--since DATE] [--until DATE] [--request ID] [--account ID] [--format jsonl|csv]");
    assertThat(Main.USAGE).contains("rootbot audit verify", "rootbot audit export", "rootbot audit evidence",
        "rootbot audit anchor");
  }

  @Test
  void the_anchor_is_posted_to_the_alert_channel_when_it_and_the_token_are_set() {
    try (var slack = SlackWorkspace.start(0, Clock.systemUTC())) {
      Run run = audit(Map.of("SLACK_BOT_TOKEN", slack.botToken(), "SLACK_API_URL", slack.apiUrl(),
          "ROOTBOT_ALERT_CHANNEL", SlackWorkspace.PLATFORM), "anchor");

      assertThat(run.code()).as(run.err()).isZero();
      String anchor = entries.get(9).hash() + ":10";
      assertThat(run.out()).isEqualTo("anchor: " + anchor + "\nPosted to " + SlackWorkspace.PLATFORM + ".\n");
      assertThat(slack.messages(SlackWorkspace.PLATFORM)).singleElement().satisfies(message -> assertThat(
          message.allText()).contains("Audit chain anchor", "`" + anchor + "`", "audit verify --anchor " + anchor));
    }
  }

  @Test
  void a_store_that_is_not_there_is_a_clear_error_and_is_not_created() {
    Path missing = folder.resolve("nowhere").resolve("rootbot.db");
    var err = new ByteArrayOutputStream();

    int code = AuditCommand.run(new String[] {"verify"}, Map.of("ROOTBOT_STORE", "sqlite:" + missing), Clock.systemUTC(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no SQLite store at " + missing)
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void a_database_that_does_not_answer_is_a_clear_error() {
    var err = new ByteArrayOutputStream();

    int code = AuditCommand.run(new String[] {"export"}, Map.of("ROOTBOT_STORE",
            "jdbc:postgresql://127.0.0.1:9/test?user=postgres&password=hunter2&connectTimeout=2"), Clock.systemUTC(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("rootbot audit: cannot open the store:")
        .doesNotContain("hunter2").doesNotContain("\tat ");
  }
}
