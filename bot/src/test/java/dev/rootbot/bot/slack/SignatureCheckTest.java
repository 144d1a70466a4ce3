package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final SignatureCheck check = new SignatureCheck(SECRET);

  /** Slack's documented algorithm, written out independently of the class under test. */
  private static String sign(String secret, long timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] base = ("v0:" + timestamp + ":" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    return "v0=" + HexFormat.of().formatHex(mac.doFinal(base));
  }

  @Test
  void slacks_documented_example_verifies() {
    // The example in Slack's "Verifying requests from Slack" guide.
    String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&"
        + "channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&"
        + "response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
        + "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    var check = new SignatureCheck("8f742231b10e8888abcd99yyyzzz85a5");
    assertThat(check.refusal(body.getBytes(StandardCharsets.UTF_8), "1531420618",
        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
        Instant.ofEpochSecond(1531420618))).isEmpty();
  }

  @Test
  void non_ascii_text_verifies_over_its_utf8_bytes() throws Exception {
    byte[] body = "text=unlock%20bucket%20b%20because%20M%C3%BCller%20%F0%9F%9A%80".getBytes(StandardCharsets.UTF_8);
    byte[] raw = "payload={\"text\":\"Müller 🚀 ĳ\"}".getBytes(StandardCharsets.UTF_8);
    long ts = NOW.getEpochSecond();
    assertThat(check.refusal(body, String.valueOf(ts), sign(SECRET, ts, body), NOW)).isEmpty();
    assertThat(check.refusal(raw, String.valueOf(ts), sign(SECRET, ts, raw), NOW)).isEmpty();
  }

  @Test
  void a_wrong_secret_a_tampered_body_or_missing_headers_are_refused() throws Exception {
    byte[] body = "command=%2Froot&text=help".getBytes(StandardCharsets.UTF_8);
    long ts = NOW.getEpochSecond();
    assertThat(check.refusal(body, String.valueOf(ts), sign("another-secret", ts, body), NOW))
        .contains("signature does not match");
    byte[] tampered = "command=%2Froot&text=hel".getBytes(StandardCharsets.UTF_8);
    assertThat(check.refusal(tampered, String.valueOf(ts), sign(SECRET, ts, body), NOW))
        .contains("signature does not match");
    assertThat(check.refusal(body, null, sign(SECRET, ts, body), NOW)).isPresent();
    assertThat(check.refusal(body, String.valueOf(ts), null, NOW)).isPresent();
    assertThat(check.refusal(body, "yesterday", sign(SECRET, ts, body), NOW)).contains("timestamp is not a number");
  }

  @Test
  void timestamps_more_than_five_minutes_away_in_either_direction_are_refused() throws Exception {
    byte[] body = "command=%2Froot".getBytes(StandardCharsets.UTF_8);
    for (long offset : new long[] {-301, 301, -3600, 86_400}) {
      long ts = NOW.getEpochSecond() + offset;
      assertThat(check.refusal(body, String.valueOf(ts), sign(SECRET, ts, body), NOW)).as("offset %d", offset)
          .hasValueSatisfying(reason -> assertThat(reason).startsWith("timestamp is"));
    }
    for (long offset : new long[] {-300, 0, 300}) {
      long ts = NOW.getEpochSecond() + offset;
      assertThat(check.refusal(body, String.valueOf(ts), sign(SECRET, ts, body), NOW)).as("offset %d", offset).isEmpty();
    }
    assertThat(SignatureCheck.TOLERANCE).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void never_prints_its_secret() {
    assertThat(check.toString()).doesNotContain(SECRET);
  }
}
