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
final class RecordingBot implements AutoCloseable {

  /** One request as it arrived: header names in lower case, the body's exact bytes. */
  record Received(Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** How the stand-in answers one request. */
  record Answer(int status, String contentType, String body) {
    static Answer ok() {
      return new Answer(200, "text/plain", "");
    }

    static Answer json(String json) {
      return new Answer(200, "application/json; charset=utf-8", json);
    }

    static Answer text(String text) {
      return new Answer(200, "text/plain; charset=utf-8", text);
    }

    static Answer status(int status) {
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

  static RecordingBot onFreePort() {
    return new RecordingBot();
  }

  URI eventsUrl() {
    return URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
  }

  void answer(Function<Received, Answer> newAnswers) {
    answers = newAnswers;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  synchronized Received last() {
    if (received.isEmpty()) {
      throw new AssertionError("the bot received nothing");
    }
    return received.get(received.size() - 1);
  }

  /** Waits until the bot has received {@code count} requests. */
  synchronized void awaitReceived(int count, Duration timeout) throws InterruptedException {
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
