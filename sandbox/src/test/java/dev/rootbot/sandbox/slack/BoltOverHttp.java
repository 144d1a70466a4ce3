package dev.rootbot.sandbox.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Bolt app served at {@code /slack/events} on a free port, as bolt-servlet would serve it, with nothing else. */
public final class BoltOverHttp implements AutoCloseable {
  private final Javalin server;

  public BoltOverHttp(App app) {
    SlackRequestParser parser = new SlackRequestParser(app.config());
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/slack/events", ctx -> {
        Map<String, List<String>> headers = new HashMap<>();
        ctx.headerMap().forEach((name, value) -> headers.put(name, List.of(value)));
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder()
            .requestUri("/slack/events").queryString(Map.of()).remoteAddress(ctx.ip())
            .requestBody(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8))
            .headers(new RequestHeaders(headers)).build());
        Response response = app.run(request);
        ctx.status(response.getStatusCode());
        if (response.getContentType() != null) {
          ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
      });
    }).start("127.0.0.1", 0);
  }

  public URI eventsUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
  }

  @Override
  public void close() {
    server.stop();
  }
}
