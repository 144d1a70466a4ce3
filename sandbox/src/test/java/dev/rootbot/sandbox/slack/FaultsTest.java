package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, outages, and lost and late answers, as the Slack SDK surfaces them to the bot. */
class FaultsTest {
  static final SlackWorkspace workspace = SlackWorkspace.onFreePort();
  static final MethodsClient client = SlackClients.bot(workspace);

  @BeforeEach
  void forgetEverything() {
    workspace.reset();
  }

  @AfterAll
  static void stop() {
    workspace.close();
  }

  @Test
  void a_rate_limited_call_is_the_sdks_slack_api_exception_with_429_and_retry_after() {
    workspace.faults().rateLimitFor(1, Duration.ofSeconds(2));

    SlackApiException limited = catchThrowableOfType(SlackApiException.class,
        () -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Succeeded")));

    assertThat(limited.getResponse().code()).isEqualTo(429);
    assertThat(limited.getResponse().header("Retry-After")).isEqualTo("2");
    assertThat(limited.getError().getError()).isEqualTo("ratelimited");
    assertThat(workspace.messages(INCIDENT_42)).isEmpty();
  }

  @Test
  void after_the_limited_calls_slack_answers_again_and_the_message_is_posted_once() throws Exception {
    workspace.faults().rateLimitFor(2, Duration.ofMillis(1500));
    for (int attempt = 0; attempt < 2; attempt++) {
      catchThrowableOfType(SlackApiException.class, () -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("x")));
    }

    boolean ok = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Succeeded")).isOk();

    assertThat(ok).isTrue();
    assertThat(workspace.calls("chat.postMessage")).extracting(ApiCall::status).containsExactly(429, 429, 200);
    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text).containsExactly("Succeeded");
  }

  @Test
  void a_retry_after_is_whole_seconds_rounded_up() {
    workspace.faults().rateLimitFor(1, Duration.ofMillis(1500));

    SlackApiException limited = catchThrowableOfType(SlackApiException.class, () -> client.authTest(r -> r));

    assertThat(limited.getResponse().header("Retry-After")).isEqualTo("2");
  }

  @Test
  void a_rate_limit_on_one_method_leaves_the_others_alone() throws Exception {
    workspace.faults().rateLimit("chat.postMessage", 1, Duration.ofSeconds(30));

    boolean authOk = client.authTest(r -> r).isOk();
    SlackApiException limited = catchThrowableOfType(SlackApiException.class,
        () -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("x")));

    assertThat(authOk).isTrue();
    assertThat(limited.getResponse().code()).isEqualTo(429);
    assertThat(limited.getResponse().header("Retry-After")).isEqualTo("30");
  }

  @Test
  void during_an_outage_every_call_is_503_until_slack_recovers() throws Exception {
    workspace.faults().outage();

    SlackApiException post = catchThrowableOfType(SlackApiException.class,
        () -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Succeeded")));
    SlackApiException auth = catchThrowableOfType(SlackApiException.class, () -> client.authTest(r -> r));
    workspace.faults().recover();
    boolean ok = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("Succeeded")).isOk();

    assertThat(post.getResponse().code()).isEqualTo(503);
    assertThat(auth.getResponse().code()).isEqualTo(503);
    assertThat(ok).isTrue();
    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text).containsExactly("Succeeded");
    assertThat(workspace.calls()).extracting(ApiCall::status).containsExactly(503, 503, 200);
  }

  @Test
  void an_outage_for_a_number_of_calls_ends_by_itself() throws Exception {
    workspace.faults().outageFor(2);

    for (int i = 0; i < 2; i++) {
      catchThrowableOfType(SlackApiException.class, () -> client.authTest(r -> r));
    }
    boolean ok = client.authTest(r -> r).isOk();

    assertThat(ok).isTrue();
    assertThat(workspace.calls("auth.test")).extracting(ApiCall::error)
        .containsExactly(java.util.Optional.of("service_unavailable"), java.util.Optional.of("service_unavailable"),
            java.util.Optional.empty());
  }

  @Test
  void an_answer_cut_off_is_an_io_error_for_the_sdk_yet_the_message_is_posted() throws Exception {
    workspace.faults().loseAnswers("chat.postMessage", 1, Faults.LostAnswer.CUT_OFF);

    IOException lost = catchThrowableOfType(IOException.class,
        () -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("the card")));
    boolean next = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("the next card")).isOk();

    assertThat(lost).isNotNull();
    assertThat(next).isTrue();
    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text).containsExactly("the card", "the next card");
    assertThat(workspace.calls("chat.postMessage")).extracting(ApiCall::answer, ApiCall::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(ApiCall.Answer.LOST, 0),
        org.assertj.core.groups.Tuple.tuple(ApiCall.Answer.SENT, 200));
  }

  @Test
  void a_connection_closed_without_an_answer_is_sent_again_by_okhttp_so_slack_posts_twice() throws Exception {
    client.authTest(r -> r);
    workspace.faults().loseAnswers("chat.postMessage", 1);

    boolean ok = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("the card")).isOk();

    assertThat(ok).isTrue();
    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text).containsExactly("the card", "the card");
    assertThat(workspace.calls("chat.postMessage")).extracting(ApiCall::answer)
        .containsExactly(ApiCall.Answer.LOST, ApiCall.Answer.SENT);
  }

  @Test
  void two_connections_closed_in_a_row_reach_the_bot_as_an_io_error() throws Exception {
    workspace.faults().loseAnswers("chat.postMessage", 2);

    IOException lost = catchThrowableOfType(IOException.class,
        () -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("the card")));

    assertThat(lost).isNotNull();
    assertThat(workspace.messages(INCIDENT_42)).hasSize(2);
  }

  @Test
  void an_answer_lost_as_a_server_error_is_500_yet_the_message_is_posted() throws Exception {
    workspace.faults().loseAnswers("chat.postMessage", 1, Faults.LostAnswer.SERVER_ERROR);

    SlackApiException failed = catchThrowableOfType(SlackApiException.class,
        () -> client.chatPostMessage(r -> r.channel(INCIDENT_42).text("the card")));

    assertThat(failed.getResponse().code()).isEqualTo(500);
    assertThat(failed.getError().getError()).isEqualTo("internal_error");
    assertThat(workspace.messages(INCIDENT_42)).extracting(Message::text).containsExactly("the card");
    assertThat(workspace.calls("chat.postMessage").get(0).answer()).isEqualTo(ApiCall.Answer.FAILED_AFTER_PERFORMING);
  }

  @Test
  void a_lost_answer_strikes_only_its_method_and_only_as_many_calls_as_told() throws Exception {
    workspace.faults().loseAnswers("chat.update", 2, Faults.LostAnswer.CUT_OFF);

    boolean posted = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("card")).isOk();
    String ts = workspace.messages(INCIDENT_42).get(0).ts();
    for (int i = 0; i < 2; i++) {
      String text = "update " + i;
      catchThrowableOfType(IOException.class, () -> client.chatUpdate(r -> r.channel(INCIDENT_42).ts(ts).text(text)));
    }
    boolean third = client.chatUpdate(r -> r.channel(INCIDENT_42).ts(ts).text("update 2")).isOk();

    assertThat(posted).isTrue();
    assertThat(third).isTrue();
    assertThat(workspace.message(INCIDENT_42, ts).orElseThrow().revisions()).extracting(Message.Revision::text)
        .containsExactly("card", "update 0", "update 1");
  }

  @Test
  void a_late_answer_comes_after_its_delay_but_the_message_is_posted_at_once() throws Exception {
    workspace.faults().answerLate("chat.postMessage", Duration.ofMillis(1500), 1);
    MethodsClient impatient = withReadTimeout(Duration.ofMillis(300));

    long start = System.nanoTime();
    IOException timedOut = catchThrowableOfType(IOException.class,
        () -> impatient.chatPostMessage(r -> r.channel(INCIDENT_42).text("the card")));
    boolean postedBeforeTheAnswer = !workspace.messages(INCIDENT_42).isEmpty();
    Duration gaveUpAfter = Duration.ofNanos(System.nanoTime() - start);

    assertThat(timedOut).isNotNull();
    assertThat(postedBeforeTheAnswer).isTrue();
    assertThat(gaveUpAfter).isLessThan(Duration.ofMillis(1500));
    assertThat(workspace.calls("chat.postMessage").get(0).answer()).isEqualTo(ApiCall.Answer.LATE);
  }

  @Test
  void a_patient_client_gets_the_late_answer_whole() throws Exception {
    workspace.faults().answerLate("chat.postMessage", Duration.ofMillis(700), 1);

    long start = System.nanoTime();
    ChatPostMessageResponse posted = client.chatPostMessage(r -> r.channel(INCIDENT_42).text("the card"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    assertThat(posted.isOk()).isTrue();
    assertThat(posted.getTs()).isEqualTo(workspace.messages(INCIDENT_42).get(0).ts());
  }

  @Test
  void a_fault_names_a_web_api_method() {
    assertThatThrownBy(() -> workspace.faults().loseAnswers("postMessage", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chat.postMessage");
  }

  private static MethodsClient withReadTimeout(Duration timeout) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
    config.setStatsEnabled(false);
    config.setHttpClientReadTimeoutMillis((int) timeout.toMillis());
    return Slack.getInstance(config).methods(workspace.botToken());
  }
}
