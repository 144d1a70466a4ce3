package dev.rootbot.sandbox.slack.page;

import com.google.gson.JsonObject;
import dev.rootbot.sandbox.slack.SharedFile;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A browser page that looks and behaves like a Slack channel of the workspace, served on the workspace's
 * own port: {@code GET /} is the page, {@code /page/{file}} its scripts and styles, and {@code /page/api/…}
 * the JSON it reads and the actions it takes.
 *
 * <p><b>For the sandbox only.</b> The page lets whoever loads it act as anyone in the workspace. It is
 * served on 127.0.0.1 alone, answers only to a loopback Host, and takes actions only as JSON from its own
 * origin ({@link LocalOnly}); never serve it anywhere else.
 *
 * <table>
 *   <caption>The page's API (every POST takes a JSON object with {@code as}, the acting person's user ID)</caption>
 *   <tr><td>{@code GET /page/api/state?as=U…}</td><td>{@link SlackWorkspace#stateJson()} as that person sees it,
 *       with {@code viewer} and {@code aws}</td></tr>
 *   <tr><td>{@code GET /page/files/F…}</td><td>a file the bot shared, as a download</td></tr>
 *   <tr><td>{@code GET /page/api/events}</td><td>Server-Sent Events, one {@code change} per change ({@link LiveChanges})</td></tr>
 *   <tr><td>{@code POST /page/api/message}</td><td>{@code channel, text[, thread_ts]}: typed text; a mention of the bot
 *       is sent as {@code app_mention}</td></tr>
 *   <tr><td>{@code POST /page/api/command}</td><td>{@code channel, command, text}: a slash command</td></tr>
 *   <tr><td>{@code POST /page/api/click}</td><td>{@code channel, ts, action_id[, value]}, or {@code view_id, action_id}</td></tr>
 *   <tr><td>{@code POST /page/api/submit}</td><td>{@code view_id, values} by action ID</td></tr>
 *   <tr><td>{@code POST /page/api/suggest}</td><td>{@code view_id, action_id, value}: the bot's options</td></tr>
 *   <tr><td>{@code POST /page/api/close}</td><td>{@code view_id}: the modal's Close button</td></tr>
 * </table>
 *
 * <p>Answers are {@code {"ok":true,…}}, with the bot's {@code status}, {@code acknowledged} and {@code body} when
 * the action went to the bot; or {@code {"ok":false,"error":…}} with status 400 (what Slack would not let the
 * person do), 403 (refused by {@link LocalOnly}) or 503 (no bot connected). Thread-safe.
 */
public final class SandboxPage implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SandboxPage.class);

  private final SlackWorkspace workspace;
  private final Assets assets = new Assets();
  private final PageActions actions;
  private final LiveChanges live = new LiveChanges();
  private final AtomicReference<URI> aws = new AtomicReference<>();

  public SandboxPage(SlackWorkspace workspace) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.actions = new PageActions(workspace);
    workspace.onChange(live);
  }

  /** Adds the page's routes to the workspace's server. */
  public void registerOn(RoutesConfig routes) {
    routes.get("/", ctx -> guarded(ctx, false, () -> assets.index(ctx)));
    routes.get("/page/{file}", ctx -> guarded(ctx, false, () -> assets.file(ctx)));
    routes.get("/page/files/{id}", ctx -> guarded(ctx, false, () -> download(ctx)));
    routes.get("/page/api/state", ctx -> json(ctx, false, body -> PageState.of(workspace,
        PageActions.viewer(workspace, Optional.ofNullable(ctx.queryParam("as")).orElse("")), aws())));
    routes.sse("/page/api/events", client -> {
      Optional<String> refused = LocalOnly.refusal(client.ctx(), false);
      if (refused.isPresent()) {
        client.close();
        return;
      }
      live.connect(client);
    });
    routes.post("/page/api/message", ctx -> json(ctx, true, actions::message));
    routes.post("/page/api/command", ctx -> json(ctx, true, actions::command));
    routes.post("/page/api/click", ctx -> json(ctx, true, actions::click));
    routes.post("/page/api/submit", ctx -> json(ctx, true, actions::submit));
    routes.post("/page/api/suggest", ctx -> json(ctx, true, actions::suggest));
    routes.post("/page/api/close", ctx -> json(ctx, true, actions::close));
  }

  /**
   * A file the bot shared, as a download: always an attachment of no particular type, so that no file (an
   * HTML one, say) is ever shown as a page of this origin.
   */
  private void download(Context ctx) {
    Assets.secure(ctx);
    Optional<SharedFile> file = workspace.file(ctx.pathParam("id"));
    if (file.isEmpty()) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("no such file");
      return;
    }
    String name = file.get().name();
    String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.contentType("application/octet-stream").result(file.get().content());
  }

  /** Tells the page where the simulated AWS is ({@code http://127.0.0.1:PORT}), whose inspection endpoints its AWS panel reads. */
  public void showAws(URI endpoint) {
    String scheme = Objects.requireNonNull(endpoint, "endpoint").getScheme();
    if (!"http".equals(scheme) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("the simulated AWS is at an http:// address on this machine: " + endpoint);
    }
    aws.set(endpoint);
  }

  public Optional<URI> aws() {
    return Optional.ofNullable(aws.get());
  }

  @Override
  public void close() {
    live.close();
  }

  private static void guarded(Context ctx, boolean changes, Runnable serve) {
    Optional<String> refused = LocalOnly.refusal(ctx, changes);
    if (refused.isPresent()) {
      Assets.secure(ctx);
      ctx.status(403).contentType("text/plain; charset=utf-8").result(refused.get());
      return;
    }
    serve.run();
  }

  private static void json(Context ctx, boolean changes, Function<PageActions.Body, JsonObject> action) {
    Assets.secure(ctx);
    ctx.contentType("application/json; charset=utf-8");
    Optional<String> refused = LocalOnly.refusal(ctx, changes);
    if (refused.isPresent()) {
      ctx.status(403).result(error(refused.get()));
      return;
    }
    try {
      ctx.result(action.apply(changes ? PageActions.Body.parse(ctx.bodyAsBytes()) : null).toString());
    } catch (IllegalArgumentException e) {
      ctx.status(400).result(error(e.getMessage()));
    } catch (IllegalStateException e) {
      log.info("the sandbox page could not act: {}", e.getMessage());
      ctx.status(503).result(error(e.getMessage()));
    }
  }

  private static String error(String message) {
    JsonObject error = new JsonObject();
    error.addProperty("ok", false);
    error.addProperty("error", message);
    return error.toString();
  }
}
