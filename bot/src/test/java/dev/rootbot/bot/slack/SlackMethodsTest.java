package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rootbot's Web API client reads Slack's answers as the SDK's own does: what Slack said, its errors, its limits. */
class SlackMethodsTest {
  private SlackWorkspace slack;
  private Slack sdk;
  private MethodsClient ours;
  private MethodsClient theirs;

  @BeforeEach
  void start() {
    slack = SlackWorkspace.onFreePort();
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.apiUrl());
    config.setStatsEnabled(false);
    sdk = Slack.getInstance(config);
    ours = new SlackMethods(sdk.getHttpClient(), slack.botToken());
    theirs = sdk.methods(slack.botToken());
  }

  @AfterEach
  void stop() throws Exception {
    sdk.close();
    slack.close();
  }

  @Test
  void a_posted_message_reads_the_same_as_with_the_sdks_client() throws Exception {
    String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Unlock* `prod-logs`\"}}]";
    ChatPostMessageResponse mine = ours.chatPostMessage(r -> r.channel(SlackWorkspace.INCIDENT_42).text("one")
        .blocksAsString(blocks));
    ChatPostMessageResponse sdks = theirs.chatPostMessage(r -> r.channel(SlackWorkspace.INCIDENT_42).text("two")
        .blocksAsString(blocks));

    assertThat(mine.isOk()).isTrue();
    assertThat(mine.getTs()).isNotBlank().isNotEqualTo(sdks.getTs());
    assertThat(mine.getChannel()).isEqualTo(sdks.getChannel()).isEqualTo(SlackWorkspace.INCIDENT_42);
    assertThat(mine.getMessage().getText()).isEqualTo("one");
    assertThat(mine.getMessage().getBlocks()).hasSize(1);
    assertThat(mine.getMessage().getBlocks()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(".*blockId")
        .isEqualTo(sdks.getMessage().getBlocks());
    assertThat(mine.getHttpResponseHeaders()).containsKey("content-type");
    assertThat(slack.messages(SlackWorkspace.INCIDENT_42)).hasSize(2);

    var updated = ours.chatUpdate(r -> r.channel(SlackWorkspace.INCIDENT_42).ts(mine.getTs()).text("one, updated"));
    assertThat(updated.isOk()).isTrue();
    assertThat(updated.getTs()).isEqualTo(mine.getTs());
  }

  @Test
  void slacks_refusal_is_an_answer_with_its_error() throws Exception {
    var answer = ours.chatPostMessage(r -> r.channel("C0NOWHERE").text("lost"));

    assertThat(answer.isOk()).isFalse();
    assertThat(answer.getError()).isEqualTo(theirs.chatPostMessage(r -> r.channel("C0NOWHERE").text("lost"))
        .getError()).isEqualTo("channel_not_found");
  }

  @Test
  void a_rate_limit_is_an_exception_with_slacks_retry_after() {
    slack.faults().rateLimit("chat.postMessage", 1, Duration.ofSeconds(7));

    assertThatThrownBy(() -> ours.chatPostMessage(r -> r.channel(SlackWorkspace.INCIDENT_42).text("later")))
        .isInstanceOfSatisfying(SlackApiException.class, e -> {
          assertThat(e.getResponse().code()).isEqualTo(429);
          assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
        });
    assertThat(slack.messages(SlackWorkspace.INCIDENT_42)).isEmpty();
  }

  @Test
  void methods_answered_with_lists_read_too() throws Exception {
    ours.chatPostMessage(r -> r.channel(SlackWorkspace.INCIDENT_42).text("first"));

    var history = ours.conversationsHistory(r -> r.channel(SlackWorkspace.INCIDENT_42).limit(10));

    assertThat(history.isOk()).isTrue();
    assertThat(history.getMessages()).extracting(m -> m.getText()).isEqualTo(List.of("first"));
    assertThat(history.getMessages()).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(theirs.conversationsHistory(r -> r.channel(SlackWorkspace.INCIDENT_42).limit(10)).getMessages());
  }
}
