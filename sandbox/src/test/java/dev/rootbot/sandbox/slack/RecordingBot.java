package dev.rootbot.sandbox.slack;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A stand-in bot on a free port: records every request the workspace sends to it, and answers as told. */
public final class RecordingBot implements AutoCloseable {

  /** One request as it arrived: header names in lower case, the body's exact bytes. */
  public record Received(Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** How the stand-in answers one request. */
  public record Answer(int status, String contentType, String body) {
    public static Answer ok() {
      return new Answer(200, "text/plain", "");
    }

    public static Answer json(String json) {
      return new Answer(200, "application/json; charset=utf-8", json);
    }

    public static Answer text(String text) {
      return new Answer(200, "text/plain; charset=utf-8", text);
    }

    public static Answer status(int status) {
      return new Answer(status, "text/plain", "");
    }
  }

  private final List<Received> received = new ArrayList<>();
  private volatile Function<Received, Answer> answers = r -> Answer.ok();
  private final Javalin server;

  private RecordingBot() {
    server = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.post("/slack/events", ctx -> {
        Map<String, String> headers = new TreeMap<>();
        ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        Received request = new Received(headers, ctx.bodyAsBytes());
        synchronized (this) {
          received.add(request);
          notifyAll();
        }
        Answer answer = answers.apply(request);
        ctx.status(answer.status()).contentType(answer.contentType()).result(answer.body());
      });
    }).start("127.0.0.1", 0);
  }

  public static RecordingBot onFreePort() {
    return new RecordingBot();
  }

  public URI eventsUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
  }

  public void answer(Function<Received, Answer> newAnswers) {
    answers = newAnswers;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  public synchronized Received last() {
    if (received.isEmpty()) {
      throw new AssertionError("the bot received nothing");
    }
    return received.get(received.size() - 1);
  }

  /** Waits until the bot has received {@code count} requests. */
  public synchronized void awaitReceived(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the bot received " + received.size() + " requests, not " + count);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
