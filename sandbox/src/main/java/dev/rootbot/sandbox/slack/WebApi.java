package dev.rootbot.sandbox.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Web API at {@code /api/{method}}: the token check, the faults, the record of every call, and
 * the {@code {"ok":false,"error":…}} answers. Errors are HTTP 200, as Slack's are; only faults are not.
 * A late answer is written from a timer, so no server thread waits for it.
 */
final class WebApi {
  private static final Logger log = LoggerFactory.getLogger(WebApi.class);
  static final String SCOPES = "app_mentions:read,channels:history,channels:read,chat:write,commands,files:write,"
      + "groups:read,im:write,usergroups:read,users:read";
  /** What an admin's user token may do here: read and change user groups. */
  static final String USER_SCOPES = "usergroups:read,usergroups:write";

  /** One Web API method: its arguments in, its answer (without {@code ok}) out, or a Slack error. */
  interface Method {
    JsonObject call(Params params) throws SlackError;
  }

  /**
   * Which kind of token a method takes: the bot's {@code xoxb-}, the app-level {@code xapp-}, or an admin's
   * user token {@code xoxp-}, which only tests hold.
   */
  enum TokenKind { BOT, APP, USER }

  private record Route(TokenKind tokenKind, Method method) {}

  private final Map<String, Route> routes = new HashMap<>();
  private final WorkspaceState state;
  private final WebApiFaults faults;
  private final Clock clock;
  private final String botToken;
  private final String appToken;
  private final String userToken;

  WebApi(WorkspaceState state, WebApiFaults faults, Clock clock, String botToken, String appToken, String userToken) {
    this.state = state;
    this.faults = faults;
    this.clock = clock;
    this.botToken = botToken;
    this.appToken = appToken;
    this.userToken = userToken;
  }

  void register(String name, TokenKind tokenKind, Method method) {
    routes.put(name, new Route(tokenKind, method));
  }

  /** An answer to send: the HTTP status and the JSON body. */
  private record Answered(int status, JsonObject body) {
    Optional<String> error() {
      return Json.bool(body, "ok") ? Optional.empty() : Json.string(body, "error");
    }
  }

  void handle(Context ctx) {
    String name = ctx.pathParam("method");
    Params params = Params.parse(ctx.contentType(), ctx.bodyAsBytes(), ctx.queryString());
    String token = bearer(ctx.header("Authorization")).or(() -> params.get("token")).orElse("");
    Instant at = clock.instant();
    Optional<WebApiFaults.Fault> fault = faults.next(name);
    Answered answered = fault.filter(f -> !f.kind().performs()).map(f -> refused(ctx, f))
        .orElseGet(() -> performed(name, token, params));
    scopes(token).ifPresent(s -> ctx.header("X-OAuth-Scopes", s));
    ApiCall.Answer fate = fault.map(f -> fate(f.kind())).orElse(ApiCall.Answer.SENT);
    switch (fate) {
      case LOST -> {
        state.record(new ApiCall(name, token, params.asMap(), at, 0, answered.error(), fate));
        if (fault.orElseThrow().kind() == WebApiFaults.Fault.Kind.CUT_OFF) {
          Connections.cutOff(ctx, answered.status(), Json.write(answered.body()));
        } else {
          Connections.abort(ctx);
        }
      }
      case FAILED_AFTER_PERFORMING -> {
        state.record(new ApiCall(name, token, params.asMap(), at, 500, Optional.of("internal_error"), fate));
        write(ctx, new Answered(500, error(new SlackError("internal_error"))));
      }
      case LATE -> {
        state.record(new ApiCall(name, token, params.asMap(), at, answered.status(), answered.error(), fate));
        // On this request's own thread: an asynchronous answer written after the client or the server is gone
        // makes Javalin log a failure from a recycled request, into whatever test runs next.
        try {
          Thread.sleep(fault.orElseThrow().duration().toMillis());
        } catch (InterruptedException stopping) {
          Thread.currentThread().interrupt();
          return;
        }
        writeLate(ctx, answered);
      }
      case SENT -> {
        state.record(new ApiCall(name, token, params.asMap(), at, answered.status(), answered.error(), fate));
        write(ctx, answered);
      }
    }
  }

  /** The answer to a call a fault refuses without performing it: rate-limited or unavailable. */
  private static Answered refused(Context ctx, WebApiFaults.Fault fault) {
    if (fault.kind() == WebApiFaults.Fault.Kind.RATE_LIMITED) {
      long seconds = Math.max(1, (fault.duration().toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      return new Answered(429, error(new SlackError("ratelimited")));
    }
    return new Answered(503, error(new SlackError("service_unavailable")));
  }

  private Answered performed(String name, String token, Params params) {
    JsonObject answer = answer(name, token, params);
    return answer == null ? new Answered(500, error(new SlackError("internal_error"))) : new Answered(200, answer);
  }

  private static ApiCall.Answer fate(WebApiFaults.Fault.Kind kind) {
    return switch (kind) {
      case CONNECTION_CLOSED, CUT_OFF -> ApiCall.Answer.LOST;
      case SERVER_ERROR -> ApiCall.Answer.FAILED_AFTER_PERFORMING;
      case LATE -> ApiCall.Answer.LATE;
      case UNAVAILABLE, RATE_LIMITED -> ApiCall.Answer.SENT;
    };
  }

  /** Writes an answer held back, unless the client has given up on it: then there is no one to answer. */
  private static void writeLate(Context ctx, Answered answered) {
    try {
      write(ctx, answered);
    } catch (RuntimeException gone) {
      log.debug("the client gave up before its late answer came");
    }
  }

  private static void write(Context ctx, Answered answered) {
    ctx.status(answered.status()).contentType("application/json; charset=utf-8").result(Json.write(answered.body()));
  }

  /** The scopes Slack reports for a token in {@code X-OAuth-Scopes}. */
  private Optional<String> scopes(String token) {
    if (token.equals(botToken)) {
      return Optional.of(SCOPES);
    }
    return token.equals(userToken) ? Optional.of(USER_SCOPES) : Optional.empty();
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
    TokenKind kind = token.equals(botToken) ? TokenKind.BOT : token.equals(appToken) ? TokenKind.APP
        : token.equals(userToken) ? TokenKind.USER : null;
    if (kind == null) {
      throw new SlackError("invalid_auth");
    }
    if (kind == TokenKind.BOT && wanted == TokenKind.USER) {
      // The bot has no usergroups:write, so Slack says which scope is missing and which it has.
      throw new SlackError("missing_scope", List.of(), "usergroups:write", SCOPES);
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
    e.needed.ifPresent(n -> error.addProperty("needed", n));
    e.provided.ifPresent(p -> error.addProperty("provided", p));
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
