package dev.rootbot.bot.replicas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What stands in front of several replicas in production: one Request URL for Slack, each request sent to the
 * next replica in turn, skipping one that does not answer. Headers and body go through untouched, so the
 * replicas verify Slack's signature themselves. Counts what each replica got.
 */
final class LoadBalancer implements AutoCloseable {
  private static final List<String> FORWARDED = List.of("Content-Type", "User-Agent", "X-Slack-Request-Timestamp",
      "X-Slack-Signature", "X-Slack-Retry-Num", "X-Slack-Retry-Reason");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<URI> backends = new CopyOnWriteArrayList<>();
  private final Map<URI, AtomicInteger> served = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  LoadBalancer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/slack/events", this::forward);
    server.start();
  }

  URI eventsUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
  }

  void add(URI backend) {
    backends.add(backend);
  }

  void remove(URI backend) {
    backends.remove(backend);
  }

  /** How many requests {@code backend} answered. */
  int served(URI backend) {
    return served.getOrDefault(backend, new AtomicInteger()).get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    List<URI> live = List.copyOf(backends);
    int start = next.getAndIncrement();
    for (int i = 0; i < live.size(); i++) {
      URI backend = live.get(Math.floorMod(start + i, live.size()));
      HttpRequest.Builder request = HttpRequest.newBuilder(backend).timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : FORWARDED) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          request.header(name, value);
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException down) {
        continue; // this replica is gone: the next one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      served.computeIfAbsent(backend, b -> new AtomicInteger()).incrementAndGet();
      response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
      return;
    }
    exchange.sendResponseHeaders(502, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
