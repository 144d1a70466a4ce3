package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /slack/events} against the real bot, with what Slack never sends: no answer is a 5xx, nothing is logged
 * with a stack trace, and nothing is recorded.
 */
class SlackEventsEdgeTest {
  private final LogCapture log = LogCapture.attach();
  private final Sandboxed sandbox = Sandboxed.start();
  private final SignedRequests slack = new SignedRequests(sandbox.bot.port(), SlackWorkspace.SIGNING_SECRET);

  @AfterEach
  void close() {
    sandbox.close();
    log.close();
  }

  private void assertNothingRecordedOrTraced() {
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
    assertThat(sandbox.bot.store().audit().latest(10)).isEmpty();
    assertThat(log.stackTraces()).isEmpty();
    assertThat(log.errors()).isEmpty();
  }

  @Test
  void an_unsigned_request_with_the_largest_timestamp_is_refused_with_401_and_no_stack_trace() {
    var response = slack.send(HttpRequest.newBuilder(slack.events())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", "9223372036854775807").header("X-Slack-Signature", "v0=00")
        .POST(HttpRequest.BodyPublishers.ofString("command=%2Froot&text=help")).build());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("Exception", "at ");
    assertThat(sandbox.bot.metrics().value("rootbot_slack_requests_total", "outcome", "refused", "reason",
        "bad_signature")).isEqualTo(1);
    assertNothingRecordedOrTraced();
  }

  static Stream<Arguments> signedGarbage() {
    String form = "application/x-www-form-urlencoded";
    String json = "application/json";
    return Stream.of(
        Arguments.of("bad percent-encoding", form, "command=%2Froot&text=%zz%"),
        Arguments.of("a lone percent sign", form, "command=%&text=%"),
        Arguments.of("payload that is not JSON", form, "payload=%7Bnot%20json"),
        Arguments.of("payload that is a JSON string", form, "payload=%22hello%22"),
        Arguments.of("payload that is a JSON array", form, "payload=%5B1%2C2%5D"),
        Arguments.of("payload with a numeric type", form, "payload=%7B%22type%22%3A5%7D"),
        Arguments.of("payload with an object type", form, "payload=%7B%22type%22%3A%7B%7D%7D"),
        Arguments.of("payload with an unknown type", form, "payload=%7B%22type%22%3A%22no_such_type%22%7D"),
        Arguments.of("block_actions without actions", form,
            "payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U0ALICE00%22%7D%7D"),
        Arguments.of("block_actions with an empty list of actions", form,
            "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%5D%7D"),
        Arguments.of("block_actions without a user", form,
            "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%22action_id%22%3A%22approve%22%2C"
                + "%22value%22%3A%22r-aaaaaaaaaa%22%7D%5D%7D"),
        Arguments.of("block_actions with actions of the wrong shape", form,
            "payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%22approve%22%7D"),
        Arguments.of("view_submission without a view", form, "payload=%7B%22type%22%3A%22view_submission%22%7D"),
        Arguments.of("view_submission with a view of the wrong shape", form,
            "payload=%7B%22type%22%3A%22view_submission%22%2C%22view%22%3A%5B%5D%7D"),
        Arguments.of("an event_callback without an event", json, "{\"type\":\"event_callback\"}"),
        Arguments.of("an event_callback with an event of the wrong shape", json,
            "{\"type\":\"event_callback\",\"event\":\"app_mention\"}"),
        Arguments.of("an app_mention without user or text", json,
            "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_mention\"}}"),
        Arguments.of("a url_verification without a challenge", json, "{\"type\":\"url_verification\"}"),
        Arguments.of("JSON cut short", json, "{\"type\":\"event_callback\",\"event\":{"),
        Arguments.of("deeply nested JSON", json, "{\"a\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}"),
        Arguments.of("a slash command without user or channel", form, "command=%2Froot&text=audit+account+prod-data"),
        Arguments.of("a slash command with a malformed user", form,
            "command=%2Froot&text=audit+account+prod-data&user_id=%3Cbad%3E&channel_id=C0INCIDENT"),
        Arguments.of("an unknown slash command", form, "command=%2Fnot-ours&text=x&user_id=U0ALICE00"),
        Arguments.of("an empty body", form, ""),
        Arguments.of("binary", "application/octet-stream", "\u0000\u0001\u00ff\ufffd"),
        Arguments.of("XML", "text/xml", "<payload type=\"block_actions\"/>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("signedGarbage")
  void signed_garbage_gets_a_4xx_or_a_plain_ack_and_no_stack_trace(String what, String contentType, String body)
      {
    var response = slack.post(contentType, body);

    assertThat(response.statusCode()).as(what).isLessThan(500);
    assertThat(response.body()).as(what).doesNotContain("Exception", "\tat ");
    assertNothingRecordedOrTraced();
  }

  @Test
  void a_body_over_the_limit_is_refused_with_413_before_it_is_read_whole() {
    String huge = "command=%2Froot&text=" + "a".repeat(2_000_000);
    var response = slack.post("application/x-www-form-urlencoded", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(sandbox.bot.metrics().value("rootbot_slack_requests_total", "outcome", "refused", "reason",
        "too_large")).isEqualTo(1);
    assertNothingRecordedOrTraced();
  }

  static Stream<Arguments> oddRequests() {
    return Stream.of(
        Arguments.of("GET", "/slack/events"), Arguments.of("PUT", "/slack/events"), Arguments.of("DELETE", "/slack/events"),
        Arguments.of("PATCH", "/slack/events"), Arguments.of("OPTIONS", "/slack/events"), Arguments.of("HEAD", "/slack/events"),
        Arguments.of("TRACE", "/slack/events"), Arguments.of("BREW", "/slack/events"),
        Arguments.of("POST", "/healthz"), Arguments.of("DELETE", "/metrics"), Arguments.of("HEAD", "/healthz"),
        Arguments.of("GET", "/slack/events/"), Arguments.of("POST", "/slack/events/x"), Arguments.of("POST", "/SLACK/EVENTS"),
        Arguments.of("GET", "/nothing-here"), Arguments.of("GET", "/%2e%2e/%2e%2e/etc/passwd"),
        Arguments.of("GET", "/healthz?x=%zz"), Arguments.of("POST", "/slack/events?payload=%zz"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("oddRequests")
  void odd_methods_and_paths_get_no_5xx_and_no_stack_trace(String method, String path) {
    int status = RawHttp.exchange(sandbox.bot.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3", "x=1".getBytes(StandardCharsets.UTF_8));

    assertThat(status).isBetween(200, 499);
    assertNothingRecordedOrTraced();
  }
}
