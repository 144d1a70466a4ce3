package dev.rootbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureCheckTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final SignatureCheck check = new SignatureCheck(SECRET);

  /** Slack's documented algorithm, written out independently of the class under test, over the header's exact text. */
  private static String sign(String secret, String timestamp, byte[] body) {
    return SignedRequests.signature(secret, timestamp, body);
  }

  private static String sign(String secret, long timestamp, byte[] body) {
    return sign(secret, String.valueOf(timestamp), body);
  }

  private Optional<Rejection> refusal(byte[] body, String timestamp, String signature) {
    return check.refusal(body, Optional.ofNullable(timestamp), Optional.ofNullable(signature), NOW);
  }

  @Test
  void slacks_documented_example_verifies() {
    // The example in Slack's "Verifying requests from Slack" guide.
    String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&"
        + "channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&"
        + "response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&"
        + "trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    var check = new SignatureCheck("8f742231b10e8888abcd99yyyzzz85a5");
    assertThat(check.refusal(body.getBytes(StandardCharsets.UTF_8), Optional.of("1531420618"),
        Optional.of("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"),
        Instant.ofEpochSecond(1531420618))).isEmpty();
  }

  @Test
  void non_ascii_text_verifies_over_its_utf8_bytes() {
    byte[] body = "text=unlock%20bucket%20b%20because%20M%C3%BCller%20%F0%9F%9A%80".getBytes(StandardCharsets.UTF_8);
    byte[] raw = "payload={\"text\":\"Müller 🚀 ĳ\"}".getBytes(StandardCharsets.UTF_8);
    long ts = NOW.getEpochSecond();
    assertThat(refusal(body, String.valueOf(ts), sign(SECRET, ts, body))).isEmpty();
    assertThat(refusal(raw, String.valueOf(ts), sign(SECRET, ts, raw))).isEmpty();
  }

  @Test
  void a_wrong_secret_a_tampered_body_or_missing_headers_are_refused() {
    byte[] body = "command=%2Froot&text=help".getBytes(StandardCharsets.UTF_8);
    long ts = NOW.getEpochSecond();
    assertThat(refusal(body, String.valueOf(ts), sign("another-secret", ts, body))).contains(Rejection.BAD_SIGNATURE);
    byte[] tampered = "command=%2Froot&text=hel".getBytes(StandardCharsets.UTF_8);
    assertThat(refusal(tampered, String.valueOf(ts), sign(SECRET, ts, body))).contains(Rejection.BAD_SIGNATURE);
    assertThat(refusal(body, null, sign(SECRET, ts, body))).contains(Rejection.MISSING_SIGNATURE);
    assertThat(refusal(body, String.valueOf(ts), null)).contains(Rejection.MISSING_SIGNATURE);
    assertThat(refusal(body, null, null)).contains(Rejection.MISSING_SIGNATURE);
  }

  /** The defect: the timestamp became an Instant before the HMAC was checked, so this threw (HTTP 500). */
  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "-9223372036854775808", "99999999999999999999999", "1e9", "0x10",
      "yesterday", "", " ", "１２３", "+1764331200", "1764331200.5", "\u0000", "1764331200\n"})
  void an_unsigned_request_is_refused_for_its_signature_whatever_its_timestamp_says(String timestamp) {
    byte[] body = "command=%2Froot&text=help".getBytes(StandardCharsets.UTF_8);
    assertThatCode(() -> refusal(body, timestamp, "v0=0000")).doesNotThrowAnyException();
    assertThat(refusal(body, timestamp, "v0=0000")).contains(Rejection.BAD_SIGNATURE);
    assertThat(refusal(body, timestamp, "")).contains(Rejection.BAD_SIGNATURE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "9223372036854775808", "99999999999999999999999", "0",
      "31556889864403199", "31556889864403200", "999999999999999999"})
  void a_signed_timestamp_far_outside_the_window_is_stale_without_overflowing(String timestamp) {
    byte[] body = "command=%2Froot".getBytes(StandardCharsets.UTF_8);
    assertThat(refusal(body, timestamp, sign(SECRET, timestamp, body))).contains(Rejection.STALE_TIMESTAMP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "-1", "-9223372036854775808", "+1764331200", " 1764331200", "1764331200 ",
      "1764331200.0", "1.7e9", "１７６４３３１２００", ""})
  void a_signed_timestamp_that_is_not_plain_decimal_seconds_is_refused(String timestamp) {
    byte[] body = "command=%2Froot".getBytes(StandardCharsets.UTF_8);
    assertThat(refusal(body, timestamp, sign(SECRET, timestamp, body))).contains(Rejection.BAD_TIMESTAMP);
  }

  @Test
  void the_hmac_covers_the_timestamp_header_exactly_as_sent() {
    byte[] body = "command=%2Froot".getBytes(StandardCharsets.UTF_8);
    String ts = String.valueOf(NOW.getEpochSecond());
    assertThat(refusal(body, " " + ts, sign(SECRET, ts, body))).contains(Rejection.BAD_SIGNATURE);
    assertThat(refusal(body, "0" + ts, sign(SECRET, ts, body))).contains(Rejection.BAD_SIGNATURE);
    assertThat(refusal(body, ts, " " + sign(SECRET, ts, body))).contains(Rejection.BAD_SIGNATURE);
    assertThat(refusal(body, ts, sign(SECRET, ts, body).toUpperCase(java.util.Locale.ROOT)))
        .contains(Rejection.BAD_SIGNATURE);
  }

  @Test
  void timestamps_more_than_five_minutes_away_in_either_direction_are_refused() {
    byte[] body = "command=%2Froot".getBytes(StandardCharsets.UTF_8);
    for (long offset : new long[] {-301, 301, -3600, 86_400}) {
      long ts = NOW.getEpochSecond() + offset;
      assertThat(refusal(body, String.valueOf(ts), sign(SECRET, ts, body))).as("offset %d", offset)
          .contains(Rejection.STALE_TIMESTAMP);
    }
    for (long offset : new long[] {-300, 0, 300}) {
      long ts = NOW.getEpochSecond() + offset;
      assertThat(refusal(body, String.valueOf(ts), sign(SECRET, ts, body))).as("offset %d", offset).isEmpty();
    }
    assertThat(SignatureCheck.TOLERANCE).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void never_prints_its_secret() {
    assertThat(check.toString()).doesNotContain(SECRET);
  }
}
