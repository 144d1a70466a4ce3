package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Web API at {@code /api/{method}}: the token check, the faults, the record of every call, and
 * the {@code {"ok":false,"error":…}} answers. Errors are HTTP 200, as Slack's are; only faults are not.
 */
final class WebApi {
  private static final Logger log = LoggerFactory.getLogger(WebApi.class);
  static final String SCOPES = "app_mentions:read,channels:history,channels:read,chat:write,commands,groups:read,"
      + "im:write,usergroups:read,users:read";

  /** One Web API method: its arguments in, its answer (without {@code ok}) out, or a Slack error. */
  interface Method {
    JsonObject call(Params params) throws SlackError;
  }

  /** Which kind of token a method takes: the bot's {@code xoxb-} or the app-level {@code xapp-}. */
  enum TokenKind { BOT, APP }

  private record Route(TokenKind tokenKind, Method method) {}

  private final Map<String, Route> routes = new HashMap<>();
  private final WorkspaceState state;
  private final WebApiFaults faults;
  private final Clock clock;
  private final String botToken;
  private final String appToken;

  WebApi(WorkspaceState state, WebApiFaults faults, Clock clock, String botToken, String appToken) {
    this.state = state;
    this.faults = faults;
    this.clock = clock;
    this.botToken = botToken;
    this.appToken = appToken;
  }

  void register(String name, TokenKind tokenKind, Method method) {
    routes.put(name, new Route(tokenKind, method));
  }

  void handle(Context ctx) {
    String name = ctx.pathParam("method");
    Params params = Params.parse(ctx.contentType(), ctx.bodyAsBytes(), ctx.queryString());
    String token = bearer(ctx.header("Authorization")).or(() -> params.get("token")).orElse("");
    Instant at = clock.instant();
    int status = 200;
    JsonObject answer;
    Optional<WebApiFaults.Fault> fault = faults.next(name);
    if (fault.isPresent()) {
      if (fault.get().kind() == WebApiFaults.Fault.Kind.RATE_LIMITED) {
        status = 429;
        long seconds = Math.max(1, (fault.get().retryAfter().toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        answer = error(new SlackError("ratelimited"));
      } else {
        status = 503;
        answer = error(new SlackError("service_unavailable"));
      }
    } else {
      answer = answer(name, token, params);
      if (answer == null) {
        status = 500;
        answer = error(new SlackError("internal_error"));
      }
    }
    if (token.equals(botToken)) {
      ctx.header("X-OAuth-Scopes", SCOPES);
    }
    Optional<String> error = Json.bool(answer, "ok") ? Optional.empty() : Json.string(answer, "error");
    state.record(new ApiCall(name, token, params.asMap(), at, status, error));
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(answer));
  }

  /** The method's answer with {@code ok}; null when it failed in a way Slack would call an internal error. */
  private JsonObject answer(String name, String token, Params params) {
    Route route = routes.get(name);
    try {
      if (route == null) {
        JsonObject unknown = error(new SlackError("unknown_method"));
        unknown.addProperty("req_method", name);
        return unknown;
      }
      checkToken(token, route.tokenKind());
      JsonObject answer = Json.ok();
      route.method().call(params).entrySet().forEach(e -> answer.add(e.getKey(), e.getValue()));
      return answer;
    } catch (SlackError e) {
      return error(e);
    } catch (RuntimeException e) {
      log.error("the simulated Web API failed on {}", name, e);
      return null;
    }
  }

  private void checkToken(String token, TokenKind wanted) throws SlackError {
    if (token.isEmpty()) {
      throw new SlackError("not_authed");
    }
    TokenKind kind = token.equals(botToken) ? TokenKind.BOT : token.equals(appToken) ? TokenKind.APP : null;
    if (kind == null) {
      throw new SlackError("invalid_auth");
    }
    if (kind != wanted) {
      throw new SlackError("not_allowed_token_type");
    }
  }

  private static Optional<String> bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
  }

  static JsonObject error(SlackError e) {
    JsonObject error = new JsonObject();
    error.addProperty("ok", false);
    error.addProperty("error", e.code);
    if (!e.messages.isEmpty()) {
      JsonObject metadata = new JsonObject();
      JsonArray messages = new JsonArray();
      e.messages.forEach(messages::add);
      metadata.add("messages", messages);
      error.add("response_metadata", metadata);
    }
    return error;
  }
}
