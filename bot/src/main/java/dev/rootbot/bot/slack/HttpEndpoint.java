package dev.rootbot.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.google.gson.JsonObject;
import dev.rootbot.bot.metrics.LogSummary;
import dev.rootbot.bot.metrics.Metrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rootbot's HTTP side, on Javalin: {@code POST /slack/events} (slash commands, interactivity and events on one
 * Request URL) verified by {@link SignatureCheck} and handed to Bolt with the raw body; {@code GET /healthz}
 * (200, or 503 with the reason, from a {@link Health} supplier); {@code GET /metrics}. In Socket Mode only the
 * last two are served.
 *
 * <p>No request gets a 5xx or leaves a stack trace: a body that is too large, unsigned or badly signed, or
 * signed but not something Slack sends, is refused with a 4xx, counted in
 * {@code rootbot_slack_requests_total{outcome="refused",reason=…}} and logged as a {@link LogSummary} (at most a
 * line a minute, however large the flood); a handler that fails is answered with a 4xx (a 200 for events, which
 * Slack would otherwise retry), counted and summarized the same way.
 *
 * <p>Jetty's threads run the handlers; Bolt's handlers only ack and hand work to executors, so a request
 * never waits for AWS.
 */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
  /** Larger than anything Slack sends (a click carries its whole message, 50 blocks at most), small enough to hold. */
  static final int MAX_BODY_BYTES = 1 << 20;
  static final Duration SUMMARY_INTERVAL = Duration.ofSeconds(60);
  static final String REQUESTS = "rootbot_slack_requests_total";
  static final String UNHANDLED = "rootbot_slack_unhandled_total";
  private static final java.util.Set<String> ROUTES = java.util.Set.of("/slack/events", "/healthz", "/metrics");

  private final Javalin server;
  private final ScheduledExecutorService summaries;

  private HttpEndpoint(Javalin server, ScheduledExecutorService summaries) {
    this.server = server;
    this.summaries = summaries;
  }

  /**
   * Starts on {@code port} (0 for any free one).
   *
   * @param app the Bolt app to serve at {@code /slack/events}, or empty in Socket Mode
   * @param check verifies each request to {@code /slack/events}; required with an app
   * @param health what {@code /healthz} answers, asked at each probe, e.g. {@code Health.of(store::ping, …)}
   */
  public static HttpEndpoint start(String host, int port, Optional<App> app, Optional<SignatureCheck> check,
      Supplier<Health> health, Metrics metrics, Clock clock) {
    if (app.isPresent() && check.isEmpty()) {
      throw new IllegalArgumentException("serving Slack over HTTP needs a signature check");
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      var thread = new Thread(runnable, "rootbot-log-summaries");
      thread.setDaemon(true);
      return thread;
    });
    var healthz = new Healthz(health);
    Optional<SlackEvents> events = app.map(bolt -> new SlackEvents(bolt, check.orElseThrow(), metrics, clock));
    var failures = new LogSummary(log::warn, "Requests Rootbot failed to serve (traces at DEBUG)", SUMMARY_INTERVAL,
        clock);
    timer.scheduleWithFixedDelay(() -> {
      failures.flush();
      events.ifPresent(SlackEvents::flushSummaries);
    }, 5, 5, TimeUnit.SECONDS);
    try {
      Javalin server = Javalin.create(cfg -> {
        cfg.startup.showJavalinBanner = false;
        cfg.http.prefer405over404 = true;
        cfg.routes.get("/healthz", healthz::answer);
        cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
        events.ifPresent(e -> cfg.routes.post("/slack/events", e::answer));
        // A last resort: every failure a request can cause is handled where it happens. This keeps a bug from
        // becoming a 500 with a stack trace per request in the log (the trace is at DEBUG).
        cfg.routes.exception(Exception.class, (e, ctx) -> {
          if (e instanceof HttpResponseException answer) {
            ctx.status(answer.getStatus()).result(answer.getMessage());
            return;
          }
          log.debug("Unexpected failure serving {} {}", ctx.method(), ctx.path(), e);
          String route = ROUTES.contains(ctx.path()) ? ctx.path() : "another path"; // a few words, never the caller's
          failures.add(route + ": " + e.getClass().getSimpleName(), ctx.ip());
          ctx.status(400).result("Rootbot could not handle this request.");
        });
      });
      server.start(host, port);
      return new HttpEndpoint(server, timer);
    } catch (RuntimeException e) {
      timer.shutdownNow();
      throw e;
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    summaries.shutdownNow();
  }

  /** {@code POST /slack/events}: size, signature, Bolt's parser, then the app; each failure a 4xx. */
  private static final class SlackEvents {
    private final App app;
    private final SlackRequestParser parser;
    private final SignatureCheck check;
    private final Metrics metrics;
    private final Clock clock;
    private final LogSummary refusals;
    private final LogSummary unhandled;
    private final Replays replays = new Replays();

    SlackEvents(App app, SignatureCheck check, Metrics metrics, Clock clock) {
      this.app = app;
      this.parser = new SlackRequestParser(app.config());
      this.check = check;
      this.metrics = metrics;
      this.clock = clock;
      this.refusals = new LogSummary(log::warn, "Refused requests to /slack/events", SUMMARY_INTERVAL, clock);
      // Bolt's own lines for these (each with the body, or a code suggestion) are off in logback.xml.
      this.unhandled = new LogSummary(log::warn, "Verified Slack requests that no handler took (check ROOTBOT_COMMAND"
          + " and the app's manifest) or whose handler failed (traces at DEBUG)", SUMMARY_INTERVAL, clock);
    }

    void flushSummaries() {
      refusals.flush();
      unhandled.flush();
    }

    void answer(Context ctx) {
      long started = System.nanoTime();
      try {
        serve(ctx);
      } finally {
        metrics.recordSince(Metrics.ACK_SECONDS, started);
      }
    }

    private void serve(Context ctx) {
      Optional<byte[]> body;
      try {
        body = body(ctx);
      } catch (IOException | RuntimeException e) {
        // The client broke off or sent a malformed body (bad chunking, a short Content-Length).
        refuse(ctx, Rejection.UNREADABLE, 400);
        return;
      }
      if (body.isEmpty()) {
        refuse(ctx, Rejection.TOO_LARGE, 413);
        return;
      }
      byte[] raw = body.get();
      Optional<Rejection> refusal = check.refusal(raw, Optional.ofNullable(ctx.header("X-Slack-Request-Timestamp")),
          Optional.ofNullable(ctx.header("X-Slack-Signature")), clock.instant());
      if (refusal.isPresent()) {
        refuse(ctx, refusal.get(), 401);
        return;
      }
      Optional<Request<?>> request = parse(ctx, raw);
      if (request.isEmpty()) {
        refuse(ctx, Rejection.UNREADABLE, 400);
        return;
      }
      if (!replays.firstTime(ctx.header("X-Slack-Request-Timestamp"), ctx.header("X-Slack-Signature"))) {
        // Answered once already (a captured request sent again within Slack's five minutes): nothing more.
        metrics.count(REQUESTS, "outcome", "replayed");
        refusals.add("replayed", ctx.ip());
        ctx.status(200);
        return;
      }
      metrics.count(REQUESTS, "outcome", "verified");
      Response response;
      try {
        response = app.run(request.get());
      } catch (Exception | StackOverflowError e) {
        failed(ctx, request.get().getRequestType(), e);
        return;
      }
      if (response == null || response.getStatusCode() == null || response.getStatusCode() >= 500) {
        failed(ctx, request.get().getRequestType(), new IllegalStateException("Bolt answered with a server error"));
        return;
      }
      if (response.getStatusCode() == 404) { // Bolt's answer when no handler matches
        metrics.count(UNHANDLED, "type", String.valueOf(request.get().getRequestType()), "why", "no_handler");
        unhandled.add(request.get().getRequestType() + " with no handler", ctx.ip());
      }
      ctx.status(response.getStatusCode());
      response.getHeaders().forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
      if (response.getBody() != null) {
        ctx.contentType(response.getContentType()).result(response.getBody());
      }
    }

    /** The raw body, or empty when it is larger than {@link #MAX_BODY_BYTES}; read no further than that. */
    private static Optional<byte[]> body(Context ctx) throws IOException {
      if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
        return Optional.empty();
      }
      InputStream in = ctx.req().getInputStream();
      var out = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
        out.write(chunk, 0, n);
        if (out.size() > MAX_BODY_BYTES) {
          return Optional.empty();
        }
      }
      return Optional.of(out.toByteArray());
    }

    /** Bolt's own reading of a signed body: empty when it is not a command, interaction or event Bolt knows. */
    private Optional<Request<?>> parse(Context ctx, byte[] raw) {
      try {
        return Optional.ofNullable(parser.parse(SlackRequestParser.HttpRequest.builder()
            .requestUri(ctx.path())
            .queryString(ctx.queryParamMap())
            .headers(new RequestHeaders(headers(ctx)))
            .requestBody(new String(raw, StandardCharsets.UTF_8))
            .remoteAddress(ctx.ip())
            .build()));
      } catch (RuntimeException | StackOverflowError e) {
        // Gson and Bolt's payload classes throw on JSON of the wrong shape; that is the caller's mistake.
        return Optional.empty();
      }
    }

    private void refuse(Context ctx, Rejection why, int status) {
      metrics.count(REQUESTS, "outcome", "refused", "reason", why.label());
      refusals.add(why.words(), ctx.ip());
      ctx.status(status).result(status == 401 ? "invalid request signature" : why.words());
    }

    /**
     * A verified request whose handler threw: Slack sent something no handler expected (or a handler has a bug).
     * Events get a 200 so that Slack does not send the same failure three more times.
     */
    private void failed(Context ctx, RequestType type, Throwable e) {
      log.debug("The handler of a {} request failed", type, e);
      metrics.count(UNHANDLED, "type", String.valueOf(type), "why", "handler_failed");
      unhandled.add(type + " failed with " + e.getClass().getSimpleName(), ctx.ip());
      if (type == RequestType.Event) {
        ctx.status(200).result("");
      } else {
        ctx.status(400).result("Rootbot could not handle this request.");
      }
    }

    private static Map<String, List<String>> headers(Context ctx) {
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String name : Collections.list(ctx.req().getHeaderNames())) {
        headers.put(name, Collections.list(ctx.req().getHeaders(name)));
      }
      return headers;
    }
  }

  /** {@code GET /healthz}; a change between up and down is logged once, not at every probe. */
  private static final class Healthz {
    private final Supplier<Health> health;
    private final AtomicReference<Health> last = new AtomicReference<>(Health.up());

    Healthz(Supplier<Health> health) {
      this.health = health;
    }

    void answer(Context ctx) {
      Health now;
      try {
        now = health.get();
      } catch (RuntimeException e) {
        now = Health.down("the health check itself failed (" + e.getClass().getSimpleName() + ")");
      }
      Health before = last.getAndSet(now);
      if (now instanceof Health.Down down) {
        if (!(before instanceof Health.Down)) {
          log.warn("/healthz now answers 503: {}", down.reason());
        }
        var answer = new JsonObject();
        answer.addProperty("status", "unavailable");
        answer.addProperty("reason", down.reason());
        ctx.status(503).contentType("application/json").result(answer.toString());
      } else {
        if (before instanceof Health.Down) {
          log.info("/healthz answers 200 again");
        }
        ctx.contentType("application/json").result("{\"status\":\"ok\"}");
      }
    }
  }
}
