package dev.rootbot.sandbox.slack.page;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's files, read once from the jar: a fixed list, so no request can name anything else. Every
 * answer carries a Content-Security-Policy that lets only the page's own scripts and styles run, and lets
 * the AWS panel fetch from the simulated AWS on this machine.
 */
final class Assets {
  static final String CONTENT_SECURITY_POLICY = String.join("; ",
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self' http://127.0.0.1:* http://localhost:*",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'");
  static final List<String> FILES = List.of("index.html", "style.css", "app.js", "dom.js", "mrkdwn.js", "emoji.js",
      "blocks.js", "modal.js", "aws.js", "favicon.svg");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml");

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  Assets() {
    for (String name : FILES) {
      try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the sandbox page's " + name + " is missing from the jar");
        }
        files.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the sandbox page's " + name, e);
      }
    }
  }

  void index(Context ctx) {
    serve(ctx, "index.html");
  }

  /** {@code /page/{file}}: one of the page's files, or 404. */
  void file(Context ctx) {
    serve(ctx, ctx.pathParam("file"));
  }

  private void serve(Context ctx, String name) {
    secure(ctx);
    byte[] body = files.get(name);
    if (body == null) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("no such file");
      return;
    }
    ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1))).result(body);
  }

  /** Headers every answer of the page carries. */
  static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }
}
