package dev.rootbot.bot;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.DAVE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.flow.ChainWatch;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.bot.store.AuditEntry;
import dev.rootbot.sandbox.slack.Channel;
import dev.rootbot.sandbox.slack.Message;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The audit chain in the running bot against the sandbox: a finished unlock is anchored and has its evidence;
 * a store changed while the bot was stopped, the way its owner could (triggers dropped or disabled), is found at
 * the next start and alerted: an ERROR line, {@value ChainWatch#BREAKS} and a message in the alert channel; and
 * the history in Slack, to the asker alone.
 */
class AuditChainStoryTest {
  private static final String ALERTS = "C0AUDIT42";
  private static final String UNLOCK = "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked";

  @TempDir
  Path folder;

  private Sandboxed sandbox;
  private String postgres;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger watch = (Logger) LoggerFactory.getLogger(ChainWatch.class);

  private void start(String store) {
    log.start();
    watch.addAppender(log);
    sandbox = Sandboxed.withoutBot(Map.of("ROOTBOT_STORE", store, "ROOTBOT_ALERT_CHANNEL", ALERTS));
    sandbox.slack.add(Channel.publicChannel(ALERTS, "rootbot-audit"));
    sandbox.startBot();
  }

  @AfterEach
  void close() {
    watch.detachAppender(log);
    if (sandbox != null) {
      sandbox.close();
    }
    if (postgres != null) {
      Postgres.dropSchema(postgres);
    }
  }

  @Test
  void a_finished_unlock_is_anchored_and_evidenced_and_an_entry_changed_later_is_alerted_at_the_next_start()
      throws SQLException {
    Path file = folder.resolve("rootbot.db");
    start("sqlite:" + file);
    sandbox.slack.awaitMessage(ALERTS, m -> m.allText().contains("Audit chain anchor")
        && m.allText().contains(Chain.GENESIS + ":0"), Sandboxed.WAIT);

    RootRequest done = unlock();

    JsonObject evidence = JsonParser.parseString(audit("sqlite:" + file, "evidence", done.id().value())).getAsJsonObject();
    String key = done.accessKeyId().orElseThrow();
    String eventId = sandbox.aws.trail().events().stream()
        .filter(e -> e.eventName().equals("AssumeRoot") && e.json().contains(key)).findFirst().orElseThrow().eventId();
    assertThat(evidence.getAsJsonObject("backup").get("policy").getAsString()).contains("Deny");
    assertThat(evidence.getAsJsonArray("root_sessions")).extracting(
        s -> s.getAsJsonObject().get("purpose").getAsString() + " " + s.getAsJsonObject().get("access_key_id").getAsString())
        .containsExactly("preview " + done.briefing().previewKey().orElseThrow(), "task " + key);
    assertThat(evidence.getAsJsonObject("cloudtrail").getAsJsonArray("confirmed_events").get(0).getAsJsonObject()
        .getAsJsonObject("event").get("event_id").getAsString()).isEqualTo(eventId);
    assertThat(evidence.getAsJsonObject("cloudtrail").toString()).contains("#/events/" + eventId);
    assertThat(sandbox.bot.metrics().value(ChainWatch.BREAKS)).isZero();
    assertThat(sandbox.bot.metrics().scrape()).contains("rootbot_audit_chain_breaks_total 0.0");
    assertThat(errors()).isEmpty();

    long approve = seqOf(done, "approve");
    sandbox.bot.close();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = raw.createStatement()) {
      sql.execute("DROP TRIGGER audit_log_no_update");
      sql.executeUpdate("UPDATE audit_log SET actor = 'U0MALLORY' WHERE seq = " + approve);
    }
    sandbox.startBot();

    awaitAlert("Entry " + approve + " is changed", "broken: entry " + approve + " changed");
    // This replica's stop released the anchor's lease, so it anchors again at start, after the check, saying so.
    sandbox.slack.awaitMessage(ALERTS, m -> m.allText().contains("Audit chain anchor")
        && m.allText().contains("found the chain broken at entry " + approve + " (changed)"), Sandboxed.WAIT);
  }

  @Test
  void on_postgresql_a_deleted_entry_behind_a_disabled_trigger_is_alerted_at_the_next_start() throws SQLException {
    postgres = Postgres.newSchema("rootbot_story");
    start(postgres);
    RootRequest done = unlock();
    long succeed = seqOf(done, "succeed");
    sandbox.bot.close();

    // What the issue saw the table's owner do: trigger off, decided_by rewritten, the outcome deleted, trigger on.
    try (Connection raw = DriverManager.getConnection(postgres); Statement sql = raw.createStatement()) {
      sql.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
      sql.executeUpdate("UPDATE requests SET decided_by = 'U0MALLORY' WHERE id = '" + done.id() + "'");
      sql.executeUpdate("DELETE FROM audit_log WHERE seq = " + succeed);
      sql.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change");
    }
    sandbox.startBot();

    awaitAlert("Entry " + succeed + " is missing", "broken: entry " + succeed + " missing");
  }

  @Test
  void the_history_goes_to_the_asker_alone_and_a_guest_is_refused() {
    start("sqlite:" + folder.resolve("rootbot.db"));
    RootRequest done = unlock();

    sandbox.slack.as(ALICE).slashCommand("/root", "history request " + done.id().value(), INCIDENT_42);
    String told = sandbox.slack.awaitEphemeral(ALICE, e -> e.allText().contains("Audit history of request"),
        Sandboxed.WAIT).allText();
    assertThat(told).contains("all 9 entries", "preview", "approval 1 of 1", "approve", "succeed", "trail confirmed",
        "./rootbot audit export --request " + done.id().value());
    sandbox.slack.as(BOB).slashCommand("/root", "history account prod-payments", INCIDENT_42);
    assertThat(sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("Audit history of account"), Sandboxed.WAIT)
        .allText()).contains("222222222222", done.id().value(), "--account 222222222222");

    sandbox.slack.as(BOB).mention(INCIDENT_42, "<@U0ROOTBOT> history request " + done.id().value());
    assertThat(sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("Audit history of request"), Sandboxed.WAIT)
        .allText()).contains("all 9 entries");

    sandbox.slack.as(DAVE).slashCommand("/root", "history account 222222222222", INCIDENT_42);
    sandbox.slack.awaitEphemeral(DAVE, e -> e.allText().contains("cannot read the audit history"), Sandboxed.WAIT);
    assertThat(sandbox.slack.messages(INCIDENT_42)).noneMatch(m -> m.allText().contains("Audit history"));
    Eventually.within(Sandboxed.WAIT, () -> sandbox.bot.store().audit().latest(1).stream()
        .filter(e -> e.event().equals("refused history") && e.actor().equals(DAVE.id())).findFirst());
  }

  /** Alice asks, Bob approves, the task runs and CloudTrail's event is confirmed. */
  private RootRequest unlock() {
    Message card = sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(ALICE).slashCommand("/root", UNLOCK, INCIDENT_42));
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("CloudTrail has delivered the AssumeRoot event"));
    RootRequest done = sandbox.awaitRequest(card, r -> r.state() == State.SUCCEEDED);
    Eventually.within(Sandboxed.WAIT, () -> sandbox.bot.store().audit().of(done.id()).stream()
        .filter(e -> e.event().equals("trail confirmed")).findFirst());
    return done;
  }

  private long seqOf(RootRequest request, String event) {
    return sandbox.bot.store().audit().of(request.id()).stream().filter(e -> e.event().equals(event))
        .map(AuditEntry::seq).findFirst().orElseThrow();
  }

  /** The three signs of a break: the message in the alert channel, the ERROR line and the counter. */
  private void awaitAlert(String headline, String line) {
    Message alert = sandbox.slack.awaitMessage(ALERTS, m -> m.allText().contains("changed outside Rootbot"),
        Sandboxed.WAIT);
    assertThat(alert.allText()).contains(headline, line);
    assertThat(errors()).singleElement().satisfies(error -> assertThat(error).contains(line));
    assertThat(sandbox.bot.metrics().value(ChainWatch.BREAKS)).isEqualTo(1);
    assertThat(sandbox.bot.metrics().scrape()).contains("rootbot_audit_chain_breaks_total 1.0");
  }

  private List<String> errors() {
    synchronized (log) {
      return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage)
          .toList();
    }
  }

  private String audit(String store, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code = AuditCommand.run(args, Map.of("ROOTBOT_STORE", store, "AWS_REGION", "us-east-1"), Clock.systemUTC(),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
