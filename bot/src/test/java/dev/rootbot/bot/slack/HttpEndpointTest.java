package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side alone: /healthz from a stub, a Bolt app whose handlers fail, and a flood of forgeries. */
class HttpEndpointTest {
  private static final String SECRET = "http-endpoint-test-secret";
  private final LogCapture log = LogCapture.attach();
  private final Metrics metrics = new Metrics();
  private final SlackWorkspace workspace = SlackWorkspace.start(0, Clock.systemUTC());
  private HttpEndpoint endpoint;

  @AfterEach
  void close() {
    if (endpoint != null) {
      endpoint.close();
    }
    workspace.close();
    log.close();
  }

  private SignedRequests start(Optional<App> app, Supplier<Health> health) {
    endpoint = HttpEndpoint.start("127.0.0.1", 0, app, app.map(a -> new SignatureCheck(SECRET)), health, metrics,
        Clock.systemUTC());
    return new SignedRequests(endpoint.port(), SECRET);
  }

  /** A Bolt app like Rootbot's, authorized against the sandbox workspace, whose handlers throw. */
  private App failingApp() {
    var config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(workspace.apiUrl());
    var app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken(workspace.botToken())
        .requestVerificationEnabled(false).build());
    app.command("/boom", (req, ctx) -> {
      throw new IllegalStateException("a handler with a bug");
    });
    app.command("/fine", (req, ctx) -> ctx.ack("fine"));
    app.event(AppMentionEvent.class, (payload, ctx) -> {
      throw new IllegalStateException("an event handler with a bug");
    });
    return app;
  }

  @Test
  void healthz_answers_200_when_up() {
    var http = start(Optional.empty(), Health.alwaysUp());

    var answer = http.get("/healthz");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
  }

  @Test
  void healthz_answers_503_with_the_reason_when_down_and_logs_the_change_once() {
    var health = new AtomicReference<Health>(Health.down("the store cannot be reached"));
    var http = start(Optional.empty(), health::get);

    for (int probe = 0; probe < 5; probe++) {
      var answer = http.get("/healthz");
      assertThat(answer.statusCode()).isEqualTo(503);
      assertThat(answer.body()).isEqualTo("{\"status\":\"unavailable\",\"reason\":\"the store cannot be reached\"}");
    }
    health.set(Health.up());
    assertThat(http.get("/healthz").statusCode()).isEqualTo(200);

    assertThat(log.matching(e -> e.getFormattedMessage().contains("/healthz"))).extracting(LogCapture::describe)
        .containsExactly("WARN dev.rootbot.bot.slack.HttpEndpoint - /healthz now answers 503: the store cannot be reached",
            "INFO dev.rootbot.bot.slack.HttpEndpoint - /healthz answers 200 again");
  }

  @Test
  void healthz_answers_503_when_the_check_itself_throws() {
    var http = start(Optional.empty(), () -> {
      throw new IllegalStateException("jdbc:postgresql://db/rootbot?password=s3cret is down");
    });

    var answer = http.get("/healthz");

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body()).contains("unavailable").doesNotContain("s3cret", "jdbc");
    assertThat(log.stackTraces()).isEmpty();
  }

  @Test
  void a_check_that_fails_is_down_with_the_given_reason_and_never_the_failures_message() {
    Supplier<Health> health = Health.of(() -> {
      throw new IllegalStateException("password=s3cret");
    }, "the store cannot be reached");

    assertThat(health.get()).isEqualTo(Health.down("the store cannot be reached"));
    assertThat(Health.of(() -> { }, "unused").get()).isEqualTo(Health.up());
  }

  @Test
  void the_health_check_is_asked_at_every_probe() {
    var asked = new java.util.concurrent.atomic.AtomicInteger();
    var http = start(Optional.empty(), () -> {
      asked.incrementAndGet();
      return Health.up();
    });

    http.get("/healthz");
    http.get("/healthz");

    assertThat(asked).hasValue(2);
  }

  @Test
  void a_handler_that_throws_gets_a_400_and_no_stack_trace_and_is_counted() {
    var http = start(Optional.of(failingApp()), Health.alwaysUp());

    var answer = http.post("application/x-www-form-urlencoded", "command=%2Fboom&text=x&user_id=U1&channel_id=C1");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("Rootbot could not handle this request.");
    assertThat(metrics.value("rootbot_slack_unhandled_total", "type", "Command", "why", "handler_failed")).isEqualTo(1);
    assertThat(log.stackTraces()).isEmpty();
    assertThat(log.errors()).isEmpty();
    assertThat(http.post("application/x-www-form-urlencoded", "command=%2Ffine&text=x").body()).contains("fine");
  }

  @Test
  void an_event_whose_handler_throws_is_acknowledged_so_slack_does_not_send_it_again() {
    var http = start(Optional.of(failingApp()), Health.alwaysUp());

    var answer = http.post("application/json", "{\"type\":\"event_callback\",\"team_id\":\"T0SANDBOX\",\"event_id\":\"Ev1\","
        + "\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"hi\",\"channel\":\"C1\",\"ts\":\"1.2\"}}");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(metrics.value("rootbot_slack_unhandled_total", "type", "Event", "why", "handler_failed")).isEqualTo(1);
    assertThat(log.stackTraces()).isEmpty();
  }

  @Test
  void a_command_no_handler_takes_is_counted_and_summarized_not_logged_by_bolt() {
    var http = start(Optional.of(failingApp()), Health.alwaysUp());

    for (int i = 0; i < 3; i++) {
      // Each different, as Slack's are: the same signed body twice is a replay, answered once.
      assertThat(http.post("application/x-www-form-urlencoded", "command=%2Fother%0Aforged&text=x" + i).statusCode())
          .isEqualTo(404);
    }

    assertThat(metrics.value("rootbot_slack_unhandled_total", "type", "Command", "why", "no_handler")).isEqualTo(3);
    assertThat(log.events()).hasSize(1).allSatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("no handler took", "Command with no handler").doesNotContain("forged"));
  }

  @Test
  void a_flood_of_forgeries_is_counted_exactly_and_logged_in_one_line() {
    var http = start(Optional.of(failingApp()), Health.alwaysUp());

    for (int i = 0; i < 500; i++) {
      var forged = HttpRequest.newBuilder(http.events()).header("X-Slack-Request-Timestamp", "9223372036854775807")
          .header("X-Slack-Signature", "v0=" + i).POST(HttpRequest.BodyPublishers.ofString("command=%2Ffine")).build();
      assertThat(http.send(forged).statusCode()).isEqualTo(401);
    }

    assertThat(metrics.value("rootbot_slack_requests_total", "outcome", "refused", "reason", "bad_signature"))
        .isEqualTo(500);
    assertThat(metrics.scrape()).contains("rootbot_slack_requests_total{outcome=\"refused\",reason=\"bad_signature\"} 500");
    assertThat(log.matching(e -> e.getLevel().isGreaterOrEqual(Level.WARN))).extracting(LogCapture::describe)
        .containsExactly("WARN dev.rootbot.bot.slack.HttpEndpoint - Refused requests to /slack/events: bad signature,"
            + " from 127.0.0.1 (more in the next 60 s are summed up in one line)");
  }

  @Test
  void a_gauge_whose_reading_fails_does_not_break_metrics() {
    metrics.gauge("broken_gauge", "a gauge whose reading throws", () -> {
      throw new IllegalStateException("a bug");
    });
    var http = start(Optional.empty(), Health.alwaysUp());

    var scrape = http.get("/metrics");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("broken_gauge NaN"); // Micrometer logs one WARN for it, then DEBUG
  }

  @Test
  void without_an_app_there_is_no_slack_endpoint_but_health_and_metrics() {
    var http = start(Optional.empty(), Health.alwaysUp());

    assertThat(http.post("application/json", "{}").statusCode()).isEqualTo(404);
    assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
  }
}
