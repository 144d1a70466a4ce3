package dev.rootbot.sandbox.slack.page;

import com.google.gson.JsonObject;
import dev.rootbot.sandbox.slack.Change;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events at {@code /page/api/events}: one {@code change} event per change to what people see
 * ({@code {"kind","channel","user","id"}}; the page then fetches the state again), a {@code hello} on
 * connecting, and a comment every 15 seconds so that idle connections stay open.
 *
 * <p>Threading: changes arrive on whichever thread made them (often one serving the bot's Web API call);
 * they are handed to one sender thread, so a slow browser never holds up the bot and events keep their order.
 */
final class LiveChanges implements Consumer<Change>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "sandbox-page-events");
    thread.setDaemon(true);
    return thread;
  });

  LiveChanges() {
    sender.scheduleAtFixedRate(() -> clients.forEach(c -> send(c, null, "keep-alive")), 15, 15, TimeUnit.SECONDS);
  }

  void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    sender.execute(() -> send(client, "hello", "{}"));
  }

  @Override
  public void accept(Change change) {
    if (clients.isEmpty()) {
      // Under load (a bot posting hundreds of cards a second) and with no page open, there is no one to tell.
      return;
    }
    JsonObject json = new JsonObject();
    json.addProperty("kind", change.kind().name());
    json.addProperty("channel", change.channel());
    json.addProperty("user", change.user());
    json.addProperty("id", change.id());
    String data = json.toString();
    try {
      sender.execute(() -> clients.forEach(c -> send(c, "change", data)));
    } catch (RejectedExecutionException closed) {
      // The page has closed; nobody is listening.
    }
  }

  private void send(SseClient client, String event, String data) {
    try {
      if (client.terminated()) {
        clients.remove(client);
      } else if (event == null) {
        client.sendComment(data);
      } else {
        client.sendEvent(event, data);
      }
    } catch (RuntimeException e) {
      log.debug("dropping a sandbox page connection that failed", e);
      clients.remove(client);
    }
  }

  @Override
  public void close() {
    sender.shutdownNow();
    clients.forEach(SseClient::close);
    clients.clear();
  }
}
