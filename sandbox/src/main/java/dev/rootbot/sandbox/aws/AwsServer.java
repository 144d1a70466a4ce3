package dev.rootbot.sandbox.aws;

import dev.rootbot.sandbox.aws.wire.AwsRequest;
import dev.rootbot.sandbox.aws.wire.AwsResponse;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * The HTTP server: {@code /_sandbox/…} inspection views without signatures, and every other request, of any
 * method and path, to the {@link Dispatcher}. Jetty's thread pool serves requests concurrently.
 *
 * <p>An answer the dispatcher says is lost is never written: the connection is aborted instead, so the client
 * sees the server close it without a response, as when AWS did the work and the answer never arrived.
 */
final class AwsServer implements AutoCloseable {
  private final Javalin app;

  AwsServer(Dispatcher dispatcher, Inspection inspection, String host, int port) {
    Handler aws = ctx -> answer(ctx, dispatcher.dispatch(request(ctx)));
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.compressionStrategy = CompressionStrategy.NONE;
      config.routes.get("/_sandbox/state", ctx -> inspect(ctx, inspection.state()));
      config.routes.get("/_sandbox/limits", ctx -> inspect(ctx, inspection.limits()));
      config.routes.get("/_sandbox/events", ctx -> {
        long after;
        try {
          after = Long.parseLong(ctx.queryParamAsClass("after", String.class).getOrDefault("0"));
        } catch (NumberFormatException e) {
          ctx.status(400);
          inspect(ctx, "{\"error\":\"after must be a sequence number\"}");
          return;
        }
        inspect(ctx, inspection.events(after));
      });
      for (String path : List.of("/", "/*")) {
        config.routes.get(path, aws);
        config.routes.head(path, aws);
        config.routes.post(path, aws);
        config.routes.put(path, aws);
        config.routes.delete(path, aws);
      }
    });
    app.start(host, port);
  }

  int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void inspect(Context ctx, String json) {
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.contentType("application/json");
    ctx.result(json);
  }

  private static AwsRequest request(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    return new AwsRequest(ctx.req().getMethod(), ctx.req().getRequestURI(), ctx.req().getQueryString(), headers,
        ctx.bodyAsBytes(), ctx.req().getRemoteAddr());
  }

  private static void answer(Context ctx, Dispatcher.Answer answer) {
    if (!answer.delivered()) {
      ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
          .getEndPoint().close();
      return;
    }
    AwsResponse response = answer.response();
    ctx.status(response.status());
    response.headers().forEach(ctx::header);
    if (!response.contentType().isEmpty()) {
      ctx.contentType(response.contentType());
    }
    ctx.result(response.body());
  }
}
