package dev.rootbot.bot.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Requests to a bot's {@code /slack/events}, signed as Slack signs them (written out apart from SignatureCheck). */
final class SignedRequests {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI events;
  private final String secret;

  SignedRequests(int port, String secret) {
    this.events = URI.create("http://127.0.0.1:" + port + "/slack/events");
    this.secret = secret;
  }

  static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  URI events() {
    return events;
  }

  /** POSTs {@code body}, signed now. */
  HttpResponse<String> post(String contentType, byte[] body) {
    String ts = String.valueOf(Instant.now().getEpochSecond());
    return send(HttpRequest.newBuilder(events).header("Content-Type", contentType)
        .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature(secret, ts, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  HttpResponse<String> post(String contentType, String body) {
    return post(contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(events.resolve(path)).build());
  }
}
