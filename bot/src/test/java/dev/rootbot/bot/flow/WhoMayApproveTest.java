package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.DAVE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.ERIN;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Refusals over the real wire: each is told to the person who clicked, recorded, and runs nothing. */
class WhoMayApproveTest {
  private static final String UNLOCK =
      "unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out";
  private final Sandboxed sandbox = Sandboxed.start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  private Message askAs(Person person) {
    return sandbox.nextCard(INCIDENT_42, () -> sandbox.slack.as(person).slashCommand("/root", UNLOCK, INCIDENT_42));
  }

  private void assertNothingRan(Message card) {
    assertThat(sandbox.runSessionsSince(card)).isEmpty();
    assertThat(sandbox.aws.buckets().policy("222222222222", "payments-audit-logs")).isPresent();
    assertThat(sandbox.current(card).actionIds()).contains("approve");
    assertThat(sandbox.bot.store().requests().open()).singleElement()
        .satisfies(r -> assertThat(r.state()).isEqualTo(State.REQUESTED));
  }

  @Test
  void the_requester_cannot_approve_their_own_request_even_as_an_approver() {
    Message card = askAs(BOB);

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("someone else must approve it"), Sandboxed.WAIT);
    assertNothingRan(card);
    assertThat(sandbox.bot.store().audit().latest(5)).anySatisfy(entry ->
        assertThat(entry.toString()).contains("U0BOB0000", "approve"));
  }

  @ParameterizedTest(name = "{0} is refused: {1}")
  @CsvSource({
      "U0DAVE000, guest",
      "U0ERIN000, deactivated",
      "U0ALICE00, approve",
  })
  void people_who_are_not_approvers_are_refused(String clicker, String why) {
    Message card = askAs(clicker.equals("U0ALICE00") ? BOB : ALICE);
    Person person = sandbox.slack.person(clicker).orElseThrow();

    sandbox.slack.as(person).click(INCIDENT_42, card.ts(), "approve");

    var told = sandbox.slack.awaitEphemeral(person, e -> e.allText().length() > 0, Sandboxed.WAIT);
    assertThat(told.allText()).containsIgnoringCase(why);
    assertNothingRan(card);
  }

  @Test
  void guests_and_deactivated_people_cannot_request() {
    for (Person person : new Person[] {DAVE, ERIN}) {
      sandbox.slack.as(person).slashCommand("/root", UNLOCK, INCIDENT_42);
      sandbox.slack.awaitEphemeral(person, e -> e.allText().contains("nothing was filed") || e.allText().contains("cannot"),
          Sandboxed.WAIT);
    }
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
    assertThat(sandbox.slack.messages(INCIDENT_42)).noneMatch(Message::fromBot);
  }

  @Test
  void deny_and_cancel_end_the_request_without_running_it() {
    Message denied = askAs(ALICE);
    sandbox.slack.as(BOB).click(INCIDENT_42, denied.ts(), "deny");
    var why = sandbox.slack.awaitView(BOB, v -> v.callbackId().equals("deny_reason"), Sandboxed.WAIT);
    sandbox.slack.as(BOB).submit(why.id(), java.util.Map.of("deny_reason", "not during the release freeze"));
    sandbox.awaitCard(denied, "Denied");
    sandbox.awaitReply(denied, m -> m.allText().contains("denied this request: not during the release freeze"));
    assertThat(sandbox.bot.store().audit().of(sandbox.awaitRequest(denied, r -> true).id()))
        .anySatisfy(e -> assertThat(e.detail()).contains("not during the release freeze"));

    Message cancelled = askAs(ALICE);
    sandbox.slack.as(BOB).click(INCIDENT_42, cancelled.ts(), "cancel");
    sandbox.slack.awaitEphemeral(BOB, e -> e.allText().toLowerCase().contains("cancel"), Sandboxed.WAIT);
    sandbox.slack.as(ALICE).click(INCIDENT_42, cancelled.ts(), "cancel");
    sandbox.awaitCard(cancelled, "Cancelled");

    assertThat(sandbox.runSessionsSince(cancelled)).isEmpty();
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).as("the two previews' sessions, nothing more")
        .hasSize(2);
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
  }

  @Test
  void when_slack_cannot_say_who_clicked_nobody_is_taken_for_an_approver() {
    Message card = askAs(ALICE);
    sandbox.slack.faults().rateLimit("users.info", 5, java.time.Duration.ofSeconds(30));

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    sandbox.slack.awaitEphemeral(BOB, e -> e.allText().contains("could not check with Slack who you are"), Sandboxed.WAIT);
    assertNothingRan(card);
  }

  @Test
  void a_member_of_the_approvers_group_may_approve() {
    Message card = askAs(ALICE);
    sandbox.slack.as(dev.rootbot.sandbox.slack.SlackWorkspace.CAROL).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(sandbox.runSessionsSince(card)).hasSize(1);
  }
}
