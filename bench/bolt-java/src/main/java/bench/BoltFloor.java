package bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The framework floor in Java: a bare Bolt for Java app on Javalin that answers {@code /root} as Rootbot acks
 * it, with nothing of Rootbot's own. Bolt verifies each request's signature (its own middleware), then the
 * handler acks with Rootbot's help for "help" and its "Checking your request" line otherwise. Javalin hands
 * Bolt the request the way Rootbot's HttpEndpoint does.
 *
 * <p>Environment: PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL, BENCH_ACKS (a JSON file
 * {@code {"help": "...", "request": "..."}}).
 */
public final class BoltFloor {
  private BoltFloor() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    JsonObject acks = JsonParser.parseString(Files.readString(Path.of(env.get("BENCH_ACKS")))).getAsJsonObject();
    String help = acks.get("help").getAsString();
    String request = acks.get("request").getAsString();

    var slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(env.get("SLACK_API_URL"));
    slackConfig.setStatsEnabled(false);
    var app = new App(AppConfig.builder()
        .slack(Slack.getInstance(slackConfig))
        .singleTeamBotToken(env.get("SLACK_BOT_TOKEN"))
        .signingSecret(env.get("SLACK_SIGNING_SECRET"))
        .build());
    app.command("/root", (req, ctx) ->
        ctx.ack(req.getPayload().getText().strip().equalsIgnoreCase("help") ? help : request));

    var parser = new SlackRequestParser(app.config());
    Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/healthz", ctx -> ctx.result("ok"));
      cfg.routes.post("/slack/events", ctx -> serve(ctx, app, parser));
    }).start("127.0.0.1", Integer.parseInt(env.get("PORT")));
    System.out.println("bolt-java listening on " + env.get("PORT"));
  }

  private static void serve(Context ctx, App app, SlackRequestParser parser) throws Exception {
    Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
        .requestUri(ctx.path())
        .queryString(ctx.queryParamMap())
        .headers(new RequestHeaders(headers(ctx)))
        .requestBody(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8))
        .remoteAddress(ctx.ip())
        .build());
    Response response = app.run(request);
    ctx.status(response.getStatusCode());
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
}
