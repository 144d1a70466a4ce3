package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code response_url}s handed out with slash commands and clicks, served at {@code /respond/{id}}:
 * each takes Slack's JSON message responses, up to five times within thirty minutes.
 */
final class ResponseUrls {
  static final Duration LIFETIME = Duration.ofMinutes(30);
  static final int MAX_USES = 5;

  private static final class Issued {
    final MessageResponses.Target target;
    final Instant at;
    Optional<MessageResponses.Original> original;
    int uses;

    Issued(MessageResponses.Target target, Instant at) {
      this.target = target;
      this.at = at;
      this.original = target.original();
    }
  }

  private final Map<String, Issued> issued = new HashMap<>();
  private final MessageResponses responses;
  private final WorkspaceState state;
  private final Ids ids;
  private final Clock clock;
  private final Supplier<String> baseUrl;

  ResponseUrls(MessageResponses responses, WorkspaceState state, Ids ids, Clock clock, Supplier<String> baseUrl) {
    this.responses = responses;
    this.state = state;
    this.ids = ids;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  synchronized String issue(MessageResponses.Target target) {
    String id = ids.secret();
    issued.put(id, new Issued(target, clock.instant()));
    return baseUrl.get() + "/respond/" + id;
  }

  void handle(Context ctx) {
    String url = baseUrl.get() + "/respond/" + ctx.pathParam("id");
    String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
    int status = 200;
    JsonObject answer = Json.ok();
    try {
      post(ctx.pathParam("id"), body);
    } catch (SlackError e) {
      status = e.code.equals("expired_url") || e.code.equals("used_url") || e.code.equals("no_such_url") ? 404 : 400;
      answer = WebApi.error(e);
    }
    state.record(new ResponseUrlPost(url, body, clock.instant(), status, Json.string(answer, "error")));
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(answer));
  }

  private synchronized void post(String id, String body) throws SlackError {
    Issued url = issued.get(id);
    if (url == null) {
      throw new SlackError("no_such_url");
    }
    if (!clock.instant().isBefore(url.at.plus(LIFETIME))) {
      throw new SlackError("expired_url");
    }
    if (url.uses >= MAX_USES) {
      throw new SlackError("used_url");
    }
    JsonObject response = Json.parseObject(body).orElseThrow(() -> new SlackError("invalid_payload"));
    url.uses++;
    MessageResponses.Target target = new MessageResponses.Target(url.target.channel(), url.target.user(), url.original);
    Optional<MessageResponses.Original> after = responses.apply(target, response, Via.RESPONSE_URL);
    // A click's response_url always acts on the clicked message until it is deleted; a slash command has
    // no message of its own, so its response_url acts on the last message it posted.
    boolean clicked = url.target.original().isPresent();
    url.original = clicked && after.isPresent() ? url.original : after;
  }
}
