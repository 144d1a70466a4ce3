package dev.rootbot.sandbox.slack;

import static dev.rootbot.sandbox.slack.SlackWorkspace.INCIDENT_42;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits and outages, as the Slack SDK surfaces them to the bot. */
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
}
