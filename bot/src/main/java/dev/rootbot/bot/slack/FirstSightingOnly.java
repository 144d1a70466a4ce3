package dev.rootbot.bot.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import dev.rootbot.bot.store.SeenEvents;

/**
 * Lets each Events API event through once: Slack re-sends an event it thinks was missed (with
 * {@code X-Slack-Retry-Num}), possibly to another replica, so "seen before?" is asked of the shared store.
 * A repeat is acknowledged and dropped.
 */
final class FirstSightingOnly implements Middleware {
  private final SeenEvents seen;

  FirstSightingOnly(SeenEvents seen) {
    this.seen = seen;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.getRequestType() == RequestType.Event) {
      JsonElement id = JsonParser.parseString(req.getRequestBodyAsString()).getAsJsonObject().get("event_id");
      if (id != null && !id.isJsonNull() && !seen.firstSighting(id.getAsString())) {
        return Response.ok();
      }
    }
    return chain.next(req);
  }
}
