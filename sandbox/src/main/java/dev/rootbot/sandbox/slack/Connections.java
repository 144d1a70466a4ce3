package dev.rootbot.sandbox.slack;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Closes a client's connection in the middle of a request, as a network that drops an answer does. Servlets
 * cannot do this, so it goes through Jetty's own request, which Javalin's servlet request (on Jetty 12) wraps.
 */
final class Connections {
  private Connections() {}

  /** Closes the connection before any answer is written: the client reads the end of the stream at once. */
  static void abort(Context ctx) {
    ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint()
        .close();
  }

  /**
   * Sends the status line, the headers and the first half of {@code body}, then closes the connection: the
   * client has begun to read an answer when the stream ends.
   */
  static void cutOff(Context ctx, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ctx.res().setStatus(status);
    ctx.res().setContentType("application/json; charset=utf-8");
    ctx.res().setContentLength(bytes.length);
    try {
      OutputStream out = ctx.res().getOutputStream();
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
    } catch (IOException e) {
      // The client went first; the answer is lost either way.
    }
    abort(ctx);
  }
}
