package dev.rootbot.bot.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.fleet.AuditOutcome;
import dev.rootbot.actions.fleet.AuditProgress;
import dev.rootbot.actions.fleet.AuditSummary;
import dev.rootbot.actions.fleet.ConcurrencyStats;
import dev.rootbot.actions.fleet.FleetEnd;
import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.request.Briefing;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.FleetTask;
import dev.rootbot.bot.request.NewRequest;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.request.Work;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cards and thread messages of tasks over the organization: their words, their buttons, and escaping. */
class FleetCardTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final AccountId MANAGEMENT = new AccountId("111111111111");
  private static final String HOSTILE_OU = "<!channel> *Prod* <https://evil.example|click>";
  private final Card card = new Card(Duration.ofMinutes(15));

  private static RootRequest request(Work work, Optional<Reason> reason) {
    return RootRequest.requested(RequestId.parse("r-abcdefghij"), new NewRequest(work, "organization o-exampleorg1",
        new UserId("U0ALICE00"), Origin.channel(new ChannelId("C0PLATFORM")), reason, Duration.ofMinutes(30),
        Briefing.none(), Optional.empty(), Optional.empty(), Optional.empty()), NOW);
  }

  @Test
  void an_enable_card_promises_the_bots_own_role_and_no_root_session_and_needs_no_reason() {
    SlackMessage rendered = card.render(request(new FleetTask.EnableRootAccess(MANAGEMENT, true), Optional.empty()));

    assertThat(rendered.blocks()).contains("enable centralized root access (root credentials management only)",
        "Rootbot's own role", "no root session", "organization o-exampleorg1", "111111111111")
        .doesNotContain("for this task only");
  }

  @Test
  void an_ou_name_typed_by_a_person_is_escaped_everywhere_it_is_shown() {
    var audit = request(new FleetTask.AuditFleet(MANAGEMENT, FleetScope.ou(HOSTILE_OU)), Optional.empty());
    var delete = request(new FleetTask.DeleteCredentialsFleet(MANAGEMENT, FleetScope.ou(HOSTILE_OU),
        RequestId.parse("r-bbbbbbbbbb")), Optional.of(Reason.fromPlainText("SEC-12 clean-up")));

    for (SlackMessage shown : List.of(card.render(audit), card.render(delete), ThreadReplies.approved(audit),
        FleetReplies.progress(audit, progress(), false))) {
      assertThat(mrkdwn(shown)).doesNotContain("<!channel>", "<https://evil");
    }
    assertThat(card.render(delete).blocks()).contains("IAMDeleteRootUserCredentials", "cannot be restored",
        "SEC-12 clean-up");
  }

  @Test
  void a_complete_audit_that_found_credentials_offers_their_deletion_and_one_that_found_none_does_not() {
    var audit = request(new FleetTask.AuditFleet(MANAGEMENT, FleetScope.all()), Optional.empty());
    var complete = new AuditOutcome(FleetEnd.COMPLETED, progress(), Optional.empty(), new ConcurrencyStats(4, 16, 1, 0, 4.0));

    SlackMessage found = FleetReplies.summary(audit, summary(3), complete);
    SlackMessage none = FleetReplies.summary(audit, summary(0), complete);
    SlackMessage stopped = FleetReplies.summary(audit, summary(3), new AuditOutcome(FleetEnd.STOPPED, progress(),
        Optional.of("the store <!here> failed"), new ConcurrencyStats(4, 16, 1, 0, 4.0)));

    assertThat(found.blocks()).contains(FleetReplies.DELETE_FLEET, "Delete root credentials in the 3 accounts that"
        + " have them", "r-abcdefghij");
    assertThat(none.blocks()).doesNotContain(FleetReplies.DELETE_FLEET);
    assertThat(stopped.blocks()).doesNotContain(FleetReplies.DELETE_FLEET);
    assertThat(mrkdwn(stopped)).doesNotContain("<!here>");
  }

  /**
   * Every text Slack reads as markup: the fallback text and each {@code mrkdwn} object. A {@code plain_text} header
   * is shown as it is, so {@code <!channel>} there notifies nobody.
   */
  private static String mrkdwn(SlackMessage message) {
    StringBuilder texts = new StringBuilder(message.text());
    collect(com.google.gson.JsonParser.parseString(message.blocks()), texts);
    return texts.toString();
  }

  private static void collect(com.google.gson.JsonElement json, StringBuilder texts) {
    if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(e -> collect(e, texts));
    } else if (json.isJsonObject()) {
      var object = json.getAsJsonObject();
      if (object.has("type") && object.get("type").isJsonPrimitive() && object.get("type").getAsString().equals("mrkdwn")
          && object.has("text")) {
        texts.append('\n').append(object.get("text").getAsString());
      }
      object.entrySet().forEach(e -> collect(e.getValue(), texts));
    }
  }

  private static AuditProgress progress() {
    return new AuditProgress(3, 10, 1, 1, 0, 1, 2, 0, 0, Duration.ofSeconds(3), Optional.of(Duration.ofSeconds(7)));
  }

  private static AuditSummary summary(int withAny) {
    return new AuditSummary(10, 10, withAny, withAny, 0, 0, 0, 0, 0, Map.of(), Map.of());
  }
}
