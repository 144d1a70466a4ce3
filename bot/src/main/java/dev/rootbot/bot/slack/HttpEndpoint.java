package dev.rootbot.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.rootbot.bot.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rootbot's HTTP side, on Javalin: {@code POST /slack/events} (slash commands, interactivity and events on one
 * Request URL) verified by {@link SignatureCheck} and handed to Bolt with the raw body; {@code GET /healthz};
 * {@code GET /metrics}. In Socket Mode only the last two are served.
 *
 * <p>Jetty's threads run the handlers; Bolt's handlers only ack and hand work to executors, so a request
 * never waits for AWS.
 */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

  private final Javalin server;

  private HttpEndpoint(Javalin server) {
    this.server = server;
  }

  /**
   * Starts on {@code port} (0 for any free one).
   *
   * @param app the Bolt app to serve at {@code /slack/events}, or empty in Socket Mode
   * @param check verifies each request to {@code /slack/events}; required with an app
   */
  public static HttpEndpoint start(String host, int port, Optional<App> app, Optional<SignatureCheck> check,
      Metrics metrics, Clock clock) {
    if (app.isPresent() && check.isEmpty()) {
      throw new IllegalArgumentException("serving Slack over HTTP needs a signature check");
    }
    Optional<SlackRequestParser> parser = app.map(a -> new SlackRequestParser(a.config()));
    Javalin server = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/healthz", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
      cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
      app.ifPresent(bolt -> cfg.routes.post("/slack/events",
          ctx -> {
            long started = System.nanoTime();
            try {
              slackEvent(ctx, bolt, parser.orElseThrow(), check.orElseThrow(), metrics, clock);
            } finally {
              metrics.recordSince(Metrics.ACK_SECONDS, started);
            }
          }));
    });
    server.start(host, port);
    return new HttpEndpoint(server);
  }

  public int port() {
    return server.port();
  }

  private static void slackEvent(Context ctx, App app, SlackRequestParser parser, SignatureCheck check,
      Metrics metrics, Clock clock) throws Exception {
    byte[] raw = ctx.bodyAsBytes();
    Optional<String> refusal = check.refusal(raw, ctx.header("X-Slack-Request-Timestamp"),
        ctx.header("X-Slack-Signature"), clock.instant());
    if (refusal.isPresent()) {
      log.warn("Refused a request to /slack/events from {}: {}", ctx.ip(), refusal.get());
      metrics.count("rootbot_slack_requests_total", "outcome", "refused");
      ctx.status(401).result("invalid request signature");
      return;
    }
    metrics.count("rootbot_slack_requests_total", "outcome", "verified");
    Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
        .requestUri(ctx.path())
        .queryString(ctx.queryParamMap())
        .headers(new RequestHeaders(headers(ctx)))
        .requestBody(new String(raw, StandardCharsets.UTF_8))
        .remoteAddress(ctx.ip())
        .build());
    Response response = app.run(request);
    ctx.status(response.getStatusCode());
    response.getHeaders().forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
    if (response.getBody() != null) {
      ctx.contentType(response.getContentType()).result(response.getBody());
    }
  }

  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    return headers;
  }

  @Override
  public void close() {
    server.stop();
  }
}
