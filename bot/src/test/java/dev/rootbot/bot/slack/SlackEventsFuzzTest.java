package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.rootbot.bot.Sandboxed;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Thousands of requests Slack never sends, against the real bot: unsigned, forged, and correctly signed garbage
 * (bodies Bolt cannot read, payloads of the wrong shape, missing fields), with odd methods, paths, content
 * types, encodings and sizes, some written byte for byte. Not one may get a 5xx, leave a stack trace or an
 * ERROR in the log, or be recorded as a request.
 *
 * <p>Seeded, so a failure can be replayed: {@code -Drootbot.fuzz.seed=N}. Each failure names the request.
 */
class SlackEventsFuzzTest {
  private static final long SEED = Long.getLong("rootbot.fuzz.seed", 20261201L);
  private static final int REQUESTS = Integer.getInteger("rootbot.fuzz.requests", 2_400);
  private static final String FORM = "application/x-www-form-urlencoded";
  /** Texts that no grammar accepts as a request, so that nothing a fuzzed command asks for can be filed. */
  private static final String[] BAD_TEXTS = {"", "help", "unlock", "unlock bucket in account because", "audit account",
      "delete everything", "unlock bucket x in account 999 because", "<@U0ROOTBOT>", "policy explain %", "\u0000",
      "unlock bucket payments-audit-logs in account prod-payments", "🚀".repeat(300), "a".repeat(5_000)};
  private static final String[] CONTENT_TYPES = {FORM, "application/json", "text/plain", "text/xml",
      "application/octet-stream", "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded; charset=utf-16",
      "application/json; charset=iso-8859-1", "", "*/*", "application/x-www-form-urlencoded; charset=\u00ff",
      "image/png", "application/json; boundary=\"", "FORM"};

  private final LogCapture log = LogCapture.attach();
  private final Sandboxed sandbox = Sandboxed.start();
  private final SignedRequests slack = new SignedRequests(sandbox.bot.port(), SlackWorkspace.SIGNING_SECRET);
  private final Random random = new Random(SEED);
  private final List<String> clientErrors = new ArrayList<>();

  @AfterEach
  void close() {
    sandbox.close();
    log.close();
  }

  /** One fuzzed request, described well enough to read in a failure. */
  private record Sent(int index, String kind, String detail, int status) {}

  @Test
  void no_malformed_unsigned_or_signed_garbage_request_gets_a_5xx_a_stack_trace_or_a_record() {
    List<Sent> sent = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      Sent one = send(i);
      sent.add(one);
      kinds.merge(one.kind(), 1, Integer::sum);
    }
    awaitQuiet();

    System.out.printf("fuzz seed %d: %d requests by kind %s; statuses %s; %d log lines%n", SEED, sent.size(), kinds,
        sent.stream().collect(java.util.stream.Collectors.groupingBy(Sent::status, TreeMap::new,
            java.util.stream.Collectors.counting())), log.events().size());
    assertThat(sent).hasSizeGreaterThanOrEqualTo(2_000);
    assertThat(sent).filteredOn(s -> s.status() >= 500 || s.status() < 100)
        .as("requests answered with a 5xx, or not at all (seed %d; client errors %s)", SEED, clientErrors).isEmpty();
    assertThat(log.stackTraces()).as("stack traces in the log (seed %d)", SEED).isEmpty();
    assertThat(log.errors()).as("ERROR lines (seed %d)", SEED).isEmpty();
    assertThat(sandbox.bot.store().requests().open()).isEmpty();
    assertThat(sandbox.bot.store().audit().latest(10)).as("audit entries: something was recorded").isEmpty();
    assertThat(sandbox.aws.calls().withAction("sts:AssumeRoot")).isEmpty();
    long refused = sent.stream().filter(s -> s.kind().equals("unsigned") || s.kind().equals("forged")).count();
    assertThat(refusedTotal()).as("every unsigned or forged request is counted as refused").isGreaterThanOrEqualTo(refused);
    long signed = sent.stream().filter(s -> s.kind().startsWith("signed")).count();
    assertThat(sandbox.bot.metrics().value("rootbot_slack_requests_total", "outcome", "verified"))
        .as("signed garbage that Bolt reads reaches the handlers").isGreaterThan(signed / 4);
  }

  private long refusedTotal() {
    long total = 0;
    for (Rejection why : Rejection.values()) {
      total += sandbox.bot.metrics().value("rootbot_slack_requests_total", "outcome", "refused", "reason", why.label());
    }
    return total;
  }

  /** Waits until the bot has logged nothing new for a second: work handed to its pools has finished. */
  private void awaitQuiet() {
    Instant deadline = Instant.now().plus(Sandboxed.WAIT);
    int seen = -1;
    while (Instant.now().isBefore(deadline)) {
      int now = log.events().size();
      if (now == seen) {
        return;
      }
      seen = now;
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
  }

  private Sent send(int index) {
    int kind = random.nextInt(100);
    if (kind < 15) {
      return unsigned(index);
    }
    if (kind < 35) {
      return forged(index);
    }
    if (kind < 85) {
      return signedGarbage(index);
    }
    if (kind < 93) {
      return oddMethodOrPath(index);
    }
    return raw(index);
  }

  // ---- unsigned and forged ----

  private Sent unsigned(int index) {
    byte[] body = body();
    var headers = new java.util.LinkedHashMap<String, String>();
    String type = pick(CONTENT_TYPES);
    if (!type.isEmpty()) {
      headers.put("Content-Type", type);
    }
    return new Sent(index, "unsigned", body.length + " bytes", post("/slack/events", headers, body));
  }

  private Sent forged(int index) {
    byte[] body = body();
    String timestamp = pick("9223372036854775807", "-9223372036854775808", "99999999999999999999999999", "0", "-1",
        "1e9", "0x7fffffff", "", " ", "yesterday", "１２３", String.valueOf(Instant.now().getEpochSecond()),
        String.valueOf(Instant.now().getEpochSecond() - 3_600), "NaN", "+" + Instant.now().getEpochSecond(),
        "1".repeat(4_000));
    String signature = pick("v0=", "v0=" + "0".repeat(64), "v1=abc", "", "v0=" + "g".repeat(64), "🚀", "v0=" + "a".repeat(5_000),
        SignedRequests.signature("not-the-secret", timestamp, body),
        SignedRequests.signature(SlackWorkspace.SIGNING_SECRET, timestamp, body).toUpperCase(java.util.Locale.ROOT),
        SignedRequests.signature(SlackWorkspace.SIGNING_SECRET, timestamp + " ", body));
    var headers = new java.util.LinkedHashMap<String, String>();
    if (random.nextInt(10) > 0) {
      headers.put("X-Slack-Request-Timestamp", timestamp);
    }
    if (random.nextInt(10) > 0) {
      headers.put("X-Slack-Signature", signature);
    }
    if (random.nextBoolean()) {
      // A correct signature for a stale timestamp.
      String stale = String.valueOf(Instant.now().getEpochSecond()
          + (random.nextBoolean() ? -1 : 1) * (301 + random.nextInt(100_000)));
      headers.put("X-Slack-Request-Timestamp", stale);
      headers.put("X-Slack-Signature", SignedRequests.signature(SlackWorkspace.SIGNING_SECRET, stale, body));
    }
    String type = pick(CONTENT_TYPES);
    if (!type.isEmpty()) {
      headers.put("Content-Type", type);
    }
    return new Sent(index, "forged", headers + ", " + body.length + " bytes", post("/slack/events", headers, body));
  }

  /** POSTs with java.net.http when it can carry the headers, else byte for byte (it refuses some header text). */
  private int post(String path, Map<String, String> headers, byte[] body) {
    boolean plain = headers.values().stream().allMatch(v -> !v.isEmpty() && v.strip().equals(v)
        && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f));
    // A large body goes byte for byte: the bot answers 413 without reading it all, which java.net.http may see as
    // a reset connection instead of an answer.
    if (plain && body.length < 64 * 1024 && random.nextBoolean()) {
      var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.bot.port() + path))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach(request::header);
      try {
        return slack.send(request.build()).statusCode();
      } catch (java.io.UncheckedIOException e) {
        clientErrors.add(path + ": " + e.getMessage());
        return 0;
      }
    }
    var head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + body.length);
    headers.forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
    return RawHttp.exchange(sandbox.bot.port(), head.toString(), body);
  }

  // ---- correctly signed garbage ----

  private Sent signedGarbage(int index) {
    int shape = random.nextInt(10);
    String kind;
    byte[] body;
    if (shape < 4) {
      JsonObject payload = mutate(interaction());
      String json = cut(payload.toString());
      kind = "signed interaction";
      body = ("payload=" + (random.nextInt(5) == 0 ? json : encode(json))).getBytes(StandardCharsets.UTF_8);
    } else if (shape < 6) {
      JsonObject event = mutate(eventCallback());
      kind = "signed event";
      body = cut(event.toString()).getBytes(StandardCharsets.UTF_8);
    } else if (shape < 9) {
      kind = "signed slash command";
      body = slashCommand().getBytes(StandardCharsets.UTF_8);
    } else {
      kind = "signed bytes";
      body = body();
    }
    String contentType = random.nextInt(4) == 0 ? pick(CONTENT_TYPES) : shape >= 4 && shape < 6 ? "application/json" : FORM;
    String ts = String.valueOf(Instant.now().getEpochSecond());
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("Content-Type", contentType.isEmpty() ? FORM : contentType);
    headers.put("X-Slack-Request-Timestamp", ts);
    headers.put("X-Slack-Signature", SignedRequests.signature(SlackWorkspace.SIGNING_SECRET, ts, body));
    return new Sent(index, kind, contentType + ", " + preview(body), post("/slack/events", headers, body));
  }

  private JsonObject interaction() {
    JsonObject payload = new JsonObject();
    String type = pick("block_actions", "view_submission", "block_suggestion", "view_closed", "shortcut",
        "message_action", "interactive_message", "dialog_submission", "no_such_type", "");
    payload.addProperty("type", type);
    payload.add("user", user());
    payload.add("team", object("id", SlackWorkspace.TEAM_ID, "domain", SlackWorkspace.TEAM_DOMAIN));
    payload.addProperty("api_app_id", SlackWorkspace.APP_ID);
    payload.addProperty("token", SlackWorkspace.VERIFICATION_TOKEN);
    payload.addProperty("trigger_id", "1.2.3");
    payload.addProperty("response_url", pick("http://127.0.0.1:1/response", "not a url", "ftp://x/"));
    payload.add("container", object("type", "message", "message_ts", "1764590000.000100", "channel_id", "C0INCIDENT"));
    payload.add("channel", object("id", pick("C0INCIDENT", "C0NOWHERE", "")));
    JsonArray actions = new JsonArray();
    JsonObject action = object("action_id", pick("approve", "deny", "cancel", "restore", "account", "nope"),
        "block_id", "b", "value", pick("r-aaaaaaaaaa", "r-zzzzzzzzzz", "", "not-an-id", "r-" + "a".repeat(500)),
        "type", "button", "action_ts", "1764590000.1");
    actions.add(action);
    payload.add("actions", actions);
    payload.addProperty("action_id", "account");
    payload.addProperty("value", "prod");
    JsonObject view = object("id", "V1", "type", pick("modal", "workflow_step", "home"), "callback_id",
        pick("rootbot-request", "other", ""), "private_metadata", pick("C0INCIDENT", "", "{"));
    view.add("state", object("values", "nope"));
    payload.add("view", view);
    return payload;
  }

  private JsonObject eventCallback() {
    JsonObject payload = new JsonObject();
    payload.addProperty("type", pick("event_callback", "url_verification", "app_rate_limited", "no_such_type"));
    payload.addProperty("token", SlackWorkspace.VERIFICATION_TOKEN);
    payload.addProperty("team_id", SlackWorkspace.TEAM_ID);
    payload.addProperty("api_app_id", SlackWorkspace.APP_ID);
    payload.addProperty("event_id", "Ev" + random.nextInt(1_000_000));
    payload.addProperty("event_time", random.nextInt());
    payload.addProperty("challenge", "c" + random.nextInt());
    JsonObject event = object("type", pick("app_mention", "message", "reaction_added", "app_home_opened", "nope", ""),
        "user", pick("U0ALICE00", "U0NOBODY0", "", "<bad>"), "text", "<@U0ROOTBOT> " + pick(BAD_TEXTS),
        "channel", pick("C0INCIDENT", "C0NOWHERE"), "ts", pick("1764590000.000100", "x", ""), "event_ts", "1.2");
    payload.add("event", event);
    return payload;
  }

  private String slashCommand() {
    List<String[]> fields = new ArrayList<>(List.of(new String[] {"token", SlackWorkspace.VERIFICATION_TOKEN},
        new String[] {"team_id", SlackWorkspace.TEAM_ID}, new String[] {"channel_id", pick("C0INCIDENT", "C0NOWHERE", "", "<x>")},
        new String[] {"user_id", pick("U0ALICE00", "U0BOB0000", "U0NOBODY0", "", "<bad>", "W" + "1".repeat(300))},
        new String[] {"command", pick("/root", "/root", "/ROOT", "/other", "", "root", "/root\n")},
        new String[] {"text", pick(BAD_TEXTS)}, new String[] {"response_url", "http://127.0.0.1:1/commands"},
        new String[] {"trigger_id", pick("1.2.3", "")}, new String[] {"ssl_check", "1"}));
    while (!fields.isEmpty() && random.nextInt(3) == 0) {
      fields.remove(random.nextInt(fields.size()));
    }
    var form = new StringBuilder();
    for (String[] field : fields) {
      form.append(form.length() == 0 ? "" : "&").append(field[0]).append('=');
      form.append(random.nextInt(8) == 0 ? badEscape() : encode(field[1]));
    }
    if (random.nextInt(6) == 0) {
      form.append(pick("&", "&&=", "&=x", "&text=dup", "&%", "&payload=%7B", "&a=%F0%9F", "\u0000"));
    }
    return form.toString();
  }

  /** A JSON object with one to three of its fields removed, retyped, or replaced by deep or huge values. */
  private JsonObject mutate(JsonObject payload) {
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes; c++) {
      JsonObject target = random.nextBoolean() ? payload : anyObjectIn(payload);
      List<String> keys = new ArrayList<>(target.keySet());
      if (keys.isEmpty()) {
        continue;
      }
      String key = keys.get(random.nextInt(keys.size()));
      switch (random.nextInt(6)) {
        case 0, 1 -> target.remove(key);
        case 2 -> target.add(key, wrongType());
        case 3 -> target.add(key, JsonNull.INSTANCE);
        case 4 -> target.add(key, new JsonPrimitive("x".repeat(random.nextInt(20_000))));
        default -> target.add(key, new JsonArray());
      }
    }
    return payload;
  }

  private JsonObject anyObjectIn(JsonObject payload) {
    List<JsonObject> objects = new ArrayList<>();
    for (var entry : payload.entrySet()) {
      if (entry.getValue().isJsonObject()) {
        objects.add(entry.getValue().getAsJsonObject());
      }
      if (entry.getValue().isJsonArray()) {
        entry.getValue().getAsJsonArray().forEach(e -> {
          if (e.isJsonObject()) {
            objects.add(e.getAsJsonObject());
          }
        });
      }
    }
    return objects.isEmpty() ? payload : objects.get(random.nextInt(objects.size()));
  }

  private JsonElement wrongType() {
    return switch (random.nextInt(5)) {
      case 0 -> new JsonPrimitive(random.nextLong());
      case 1 -> new JsonPrimitive(random.nextBoolean());
      case 2 -> {
        JsonArray array = new JsonArray();
        array.add(random.nextDouble());
        yield array;
      }
      case 3 -> object("type", "nested", "x", "y");
      default -> new JsonPrimitive(1e308 * 10); // Infinity
    };
  }

  private String cut(String json) {
    return random.nextInt(8) == 0 ? json.substring(0, random.nextInt(json.length())) : json;
  }

  // ---- odd methods, paths and raw bytes ----

  private Sent oddMethodOrPath(int index) {
    String method = pick("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW", "PROPFIND", "POST");
    String path = pick("/slack/events", "/slack/events/", "/SLACK/events", "/slack//events", "/slack/events?x=1",
        "/healthz", "/healthz/", "/metrics", "/metrics?name[]=x", "/", "/slack", "/slack/events/../healthz",
        "/%2e%2e/etc/passwd", "/slack/events;jsessionid=x", "/" + "a".repeat(3_000), "/slack/install", "/slack/oauth_redirect");
    byte[] body = random.nextBoolean() ? new byte[0] : slashCommand().getBytes(StandardCharsets.UTF_8);
    String ts = String.valueOf(Instant.now().getEpochSecond());
    int status = RawHttp.exchange(sandbox.bot.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: " + FORM + "\r\nContent-Length: " + body.length + "\r\nX-Slack-Request-Timestamp: " + ts
        + "\r\nX-Slack-Signature: " + SignedRequests.signature(SlackWorkspace.SIGNING_SECRET, ts, body), body);
    return new Sent(index, "odd method or path", method + " " + preview(path.getBytes(StandardCharsets.UTF_8)), status);
  }

  private Sent raw(int index) {
    int port = sandbox.bot.port();
    String ts = String.valueOf(Instant.now().getEpochSecond());
    byte[] body = slashCommand().getBytes(StandardCharsets.UTF_8);
    String signed = "X-Slack-Request-Timestamp: " + ts + "\r\nX-Slack-Signature: "
        + SignedRequests.signature(SlackWorkspace.SIGNING_SECRET, ts, body);
    int variant = random.nextInt(9);
    String head = "POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + FORM + "\r\n" + signed;
    int status = switch (variant) {
      case 0 -> RawHttp.exchange(port, head + "\r\nContent-Length: " + (body.length + 1 + random.nextInt(100)), body);
      case 1 -> RawHttp.exchange(port, head + "\r\nContent-Length: " + Math.max(0, body.length - 1 - random.nextInt(5)), body);
      case 2 -> RawHttp.exchange(port, head + "\r\nTransfer-Encoding: chunked",
          ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      case 3 -> RawHttp.exchange(port, head + "\r\nTransfer-Encoding: chunked",
          (Integer.toHexString(body.length) + "\r\n" + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      case 4 -> RawHttp.exchange(port, head + "\r\nContent-Length: 99999999999999999999", body);
      case 5 -> RawHttp.exchange(port, head + "\r\nContent-Length: " + body.length + "\r\nContent-Encoding: gzip", body);
      case 6 -> RawHttp.exchange(port, head + "\r\nX-Junk: " + "\u00ff\u00fe".repeat(50) + "\r\nContent-Length: " + body.length, body);
      case 7 -> RawHttp.exchange(port, head + "\r\nX-Long: " + "a".repeat(20_000) + "\r\nContent-Length: " + body.length, body);
      default -> RawHttp.exchange(port, "POST /slack/events HTTP/1.1\r\nContent-Length: " + body.length, body);
    };
    return new Sent(index, "raw bytes", "variant " + variant, status);
  }

  // ---- pieces ----

  /** Random bytes, text or nothing, up to about a megabyte, now and then over the limit. */
  private byte[] body() {
    return switch (random.nextInt(8)) {
      case 0 -> new byte[0];
      case 1 -> {
        byte[] bytes = new byte[random.nextInt(4_096)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 2 -> ("payload=" + "%".repeat(random.nextInt(50))).getBytes(StandardCharsets.UTF_8);
      case 3 -> (random.nextInt(40) == 0 ? "x".repeat(HttpEndpoint.MAX_BODY_BYTES + random.nextInt(3) - 1) : "{}")
          .getBytes(StandardCharsets.UTF_8);
      case 4 -> "\uD800\uDC00\uFFFE".getBytes(StandardCharsets.UTF_16);
      case 5 -> ("{\"type\":" + "[".repeat(random.nextInt(5_000))).getBytes(StandardCharsets.UTF_8);
      default -> slashCommand().getBytes(StandardCharsets.UTF_8);
    };
  }

  private String badEscape() {
    return pick("%", "%z", "%zz", "%F0%9F", "%C0%AF", "%00", "%%", "%u0041", "%E2%82");
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static JsonObject object(String... pairs) {
    JsonObject object = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      object.addProperty(pairs[i], pairs[i + 1]);
    }
    return object;
  }

  private JsonObject user() {
    return object("id", pick("U0ALICE00", "U0BOB0000", "U0NOBODY0", "", "B0ROOTBOT"), "team_id", SlackWorkspace.TEAM_ID);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String preview(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + body.length + " bytes)";
  }
}
