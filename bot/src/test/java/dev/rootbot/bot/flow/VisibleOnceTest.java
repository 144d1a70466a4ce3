package dev.rootbot.bot.flow;

import static dev.rootbot.sandbox.slack.SlackWorkspace.ALICE;
import static dev.rootbot.sandbox.slack.SlackWorkspace.BOB;
import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static dev.rootbot.sandbox.slack.SlackWorkspace.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.model.Message.Metadata;
import dev.rootbot.bot.Eventually;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.State;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After any single fault (a lost or late answer from Slack, a crash between posting and remembering, a replayed
 * or forged request), people see one card and one copy of each reply, and nothing is done twice.
 */
class VisibleOnceTest {
  private static final Pattern REQUEST_ID = Pattern.compile("r-[a-z2-7]{10}");
  private static final String UNLOCK = "unlock bucket payments-audit-logs in account prod-payments because INC-42";

  private Sandboxed sandbox;

  @AfterEach
  void close() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void a_card_whose_answer_slack_lost_is_posted_once_and_works() {
    sandbox = Sandboxed.start();
    sandbox.slack.faults().loseAnswers("chat.postMessage", 1); // Slack posts it, the bot hears nothing

    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(INCIDENT_42, UNLOCK));
    RootRequest stored = sandbox.awaitRequest(card, r -> r.card().isPresent());

    assertThat(stored.card().orElseThrow().value()).isEqualTo(card.ts());
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(cards(idOf(card))).hasSize(1);
    assertThat(sandbox.slack.calls("conversations.history")).isNotEmpty(); // it looked before posting again
  }

  @Test
  void a_reply_slack_answered_late_is_posted_once() {
    sandbox = Sandboxed.start();
    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(INCIDENT_42, UNLOCK));
    sandbox.awaitRequest(card, r -> r.card().isPresent());
    // The next post is the "approved" reply: Slack takes it at once and answers 30 s later.
    sandbox.slack.faults().answerLate("chat.postMessage", Duration.ofSeconds(30), 1);

    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");

    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    Eventually.within(Duration.ofSeconds(40), () -> Optional.of(sandbox.bot.store().outbox().pending())
        .filter(pending -> pending == 0));
    assertThat(replies(card, "approved. Opening")).hasSize(1);
    assertThat(replies(card, "Done: ")).hasSize(1);
  }

  @Test
  void a_bot_killed_between_posting_the_card_and_storing_it_leaves_one_card() throws Exception {
    sandbox = Sandboxed.withoutBot();
    sandbox.slack.faults().answerLate("chat.postMessage", Duration.ofSeconds(60), 1);
    int port = Sandboxed.freePort();
    Process child = sandbox.startBotProcess(port);
    Message card;
    try {
      card = sandbox.nextCard(INCIDENT_42, () -> ask(INCIDENT_42, UNLOCK)); // posted; the answer is on its way
    } finally {
      child.destroyForcibly().waitFor(); // SIGKILL before the bot heard where its card is
    }

    sandbox.startBot();

    RootRequest stored = sandbox.awaitRequest(card, r -> r.card().isPresent());
    assertThat(stored.card().orElseThrow().value()).isEqualTo(card.ts());
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(cards(idOf(card))).hasSize(1);
  }

  @Test
  void a_duplicate_card_that_slipped_out_is_pointed_at_the_real_one_without_buttons_when_clicked() throws Exception {
    sandbox = Sandboxed.start();
    Message card = sandbox.nextCard(INCIDENT_42, () -> ask(INCIDENT_42, UNLOCK));
    RequestId id = sandbox.awaitRequest(card, r -> r.card().isPresent()).id();
    String duplicate = postAsTheBot(card, id); // as a second post whose answer was lost would have left it

    sandbox.slack.as(BOB).click(INCIDENT_42, duplicate, "approve");

    Message retired = sandbox.slack.awaitMessage(INCIDENT_42,
        m -> m.ts().equals(duplicate) && m.allText().contains("duplicate of the card"), Sandboxed.WAIT);
    assertThat(retired.actionIds()).isEmpty();
    assertThat(sandbox.bot.store().requests().find(id).orElseThrow().state()).isEqualTo(State.REQUESTED);
    assertThat(sandbox.current(card).actionIds()).contains("approve"); // the real card still works
    sandbox.slack.as(BOB).click(INCIDENT_42, card.ts(), "approve");
    sandbox.awaitReply(card, m -> m.allText().contains("Done: "));
    assertThat(sandbox.runSessionsSince(card)).hasSize(1);
  }

  @Test
  void a_signed_command_replayed_twenty_times_files_one_request() {
    sandbox = Sandboxed.start();
    BotResponse sent = sandbox.slack.as(ALICE).slashCommand("/root", UNLOCK, INCIDENT_42);
    Message card = sandbox.card(INCIDENT_42);

    List<BotResponse> replays = sandbox.slack.replay(sent, 20);

    assertThat(replays).extracting(BotResponse::status).containsOnly(200);
    RequestId id = idOf(card);
    Eventually.within(Sandboxed.WAIT, () -> Optional.of(sandbox.bot.metrics()
        .value("rootbot_slack_requests_total", "outcome", "replayed")).filter(n -> n == 20));
    assertThat(sandbox.bot.store().requests().open()).extracting(RootRequest::id).containsExactly(id);
    assertThat(cards(id)).hasSize(1);
  }

  @Test
  void a_click_carrying_another_requests_id_counts_only_on_that_requests_own_card() {
    sandbox = Sandboxed.start();
    Message unlock = sandbox.nextCard(INCIDENT_42, () -> ask(INCIDENT_42, UNLOCK));
    Message other = sandbox.nextCard(PLATFORM, () -> ask(PLATFORM, "audit account prod-data"));
    RequestId target = sandbox.awaitRequest(unlock, r -> r.card().isPresent()).id();
    sandbox.awaitRequest(other, r -> r.card().isPresent());

    // Signed and well formed, but on the other request's card, in another channel, or on another message.
    sandbox.slack.as(BOB).forgedClick(PLATFORM, other.ts(), "approve", target.value());
    sandbox.slack.as(BOB).forgedClick(INCIDENT_42, other.ts(), "approve", target.value());

    Eventually.within(Sandboxed.WAIT, () -> Optional.of(sandbox.bot.store().audit().of(target)).filter(entries ->
        entries.stream().filter(e -> e.event().equals("refused approve")).count() == 2));
    assertThat(sandbox.bot.store().requests().find(target).orElseThrow().state()).isEqualTo(State.REQUESTED);
    assertThat(sandbox.bot.store().audit().of(target)).filteredOn(e -> e.event().equals("refused approve"))
        .extracting(e -> e.detail()).anySatisfy(d -> assertThat(d).contains("in another channel"))
        .anySatisfy(d -> assertThat(d).contains("not the card of request"));
    assertThat(sandbox.runSessionsSince(unlock)).isEmpty();
  }

  private void ask(String channel, String words) {
    sandbox.slack.as(ALICE).slashCommand("/root", words, channel);
  }

  /** Posts a copy of the card as the bot, with the card's metadata: a duplicate as a lost answer leaves one. */
  private String postAsTheBot(Message card, RequestId id) throws Exception {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(sandbox.slack.apiUrl());
    var posted = Slack.getInstance(config).methods(SlackWorkspace.BOT_TOKEN).chatPostMessage(r -> r
        .channel(INCIDENT_42).text(card.text()).blocksAsString(card.blocksJson())
        .metadata(Metadata.builder().eventType("rootbot_message")
            .eventPayload(Map.of("request_id", id.value(), "message", "1")).build()));
    assertThat(posted.isOk()).as(String.valueOf(posted.getError())).isTrue();
    return posted.getTs();
  }

  private static RequestId idOf(Message card) {
    Matcher id = REQUEST_ID.matcher(card.allText());
    assertThat(id.find()).as("a request ID on the card").isTrue();
    return RequestId.parse(id.group());
  }

  private List<Message> cards(RequestId id) {
    return sandbox.slack.messages(INCIDENT_42).stream()
        .filter(m -> m.fromBot() && !m.isReply() && m.allText().contains("Root task request " + id.value()))
        .toList();
  }

  private List<Message> replies(Message card, String text) {
    return sandbox.slack.thread(INCIDENT_42, card.ts()).stream()
        .filter(m -> m.isReply() && m.allText().contains(text)).toList();
  }
}
