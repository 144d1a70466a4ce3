package dev.rootbot.sandbox.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The bot's Request URL and signing secret, and the HTTP client that delivers to it; prints without the secret. */
final class HttpBot {
  static final String USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

  private final URI eventsUrl;
  private final String signingSecret;
  private final Clock clock;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();

  HttpBot(URI eventsUrl, String signingSecret, Clock clock) {
    this.eventsUrl = Objects.requireNonNull(eventsUrl, "eventsUrl");
    this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret");
    this.clock = clock;
  }

  BotResponse deliver(Outgoing outgoing, Signing signing, Duration ackTimeout) {
    return deliver(outgoing.kind().envelopeType, outgoing.kind().contentType, outgoing.httpBody(),
        outgoing.payloadJson(), outgoing, signing, ackTimeout);
  }

  /** Sends {@code body} as is; {@code outgoing} says which kind of request it stands for and which retry. */
  BotResponse deliver(String type, String contentType, String body, String payloadJson, Outgoing outgoing,
      Signing signing, Duration ackTimeout) {
    Signing.Signed signed = signing.sign(body, signingSecret, clock.instant());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("User-Agent", USER_AGENT);
    headers.putAll(signed.headers());
    if (outgoing.retryAttempt() > 0) {
      headers.put("X-Slack-Retry-Num", Integer.toString(outgoing.retryAttempt()));
      headers.put("X-Slack-Retry-Reason", outgoing.retryReason());
    }
    return resend(new SentRequest(type, headers, signed.body(), payloadJson, outgoing.eventId()), ackTimeout);
  }

  /** Posts {@code sent} exactly as it is: its body and every header, the signature's included. */
  BotResponse resend(SentRequest sent, Duration ackTimeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(eventsUrl).timeout(ackTimeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(sent.body().getBytes(StandardCharsets.UTF_8)));
    sent.headers().forEach(request::header);
    long start = System.nanoTime();
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new BotResponse(BotResponse.Transport.HTTP, response.statusCode(), response.headers().map(),
          new String(response.body(), StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start), sent);
    } catch (HttpTimeoutException e) {
      return new BotResponse(BotResponse.Transport.HTTP, 0, Map.of(), "", Duration.ofNanos(System.nanoTime() - start),
          sent);
    } catch (IOException e) {
      throw new UncheckedIOException("the bot does not answer at " + eventsUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delivering to " + eventsUrl, e);
    }
  }

  @Override
  public String toString() {
    return "HttpBot[" + eventsUrl + " signingSecret=" + Redacted.token(signingSecret) + "]";
  }
}
