package dev.rootbot.actions.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a fingerprint normalizes away and what it keeps: it changes exactly when what was approved changes. */
class FingerprintTest {
  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyEveryone\","
      + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]}]}";

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of("the same text", POLICY, true),
        Arguments.of("other whitespace", POLICY.replace(",", ",\n  ").replace("\":", "\" :\t"), true),
        Arguments.of("other key order", "{\"Statement\":[{\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],"
            + "\"Action\":\"s3:*\",\"Principal\":\"*\",\"Effect\":\"Deny\",\"Sid\":\"DenyEveryone\"}],\"Version\":\"2012-10-17\"}", true),
        Arguments.of("another effect", POLICY.replace("Deny\"", "Allow\""), false),
        Arguments.of("another Sid", POLICY.replace("DenyEveryone", "DenyAll"), false),
        Arguments.of("one resource fewer", POLICY.replace(",\"arn:aws:s3:::b/*\"", ""), false),
        Arguments.of("resources in another order (kept: a reordered policy asks again)",
            POLICY.replace("[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]", "[\"arn:aws:s3:::b/*\",\"arn:aws:s3:::b\"]"), false),
        Arguments.of("a string that only differs in case", POLICY.replace("s3:*", "S3:*"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void a_policy_is_compared_as_json(String description, String other, boolean same) {
    assertThat(new PolicyDocument(other).canonical().equals(new PolicyDocument(POLICY).canonical())).isEqualTo(same);
  }

  @Test
  void credentials_are_told_apart_by_their_ids_not_by_status_or_last_use() {
    RootCredentials read = credentials("AKIAFIRSTKEY00000001", "Active", Optional.empty());
    RootCredentials usedSince = credentials("AKIAFIRSTKEY00000001", "Inactive",
        Optional.of(Instant.parse("2026-11-30T10:00:00Z")));
    RootCredentials anotherKey = credentials("AKIASECONDKEY0000002", "Active", Optional.empty());
    AccountId account = new AccountId("333333333333");

    Fingerprint fingerprint = read.fingerprint(TaskKind.DELETE_ROOT_CREDENTIALS, account);

    assertThat(usedSince.fingerprint(TaskKind.DELETE_ROOT_CREDENTIALS, account)).isEqualTo(fingerprint);
    assertThat(anotherKey.fingerprint(TaskKind.DELETE_ROOT_CREDENTIALS, account)).isNotEqualTo(fingerprint);
    assertThat(read.fingerprint(TaskKind.DELETE_ROOT_CREDENTIALS, new AccountId("222222222222"))).isNotEqualTo(fingerprint);
    assertThat(read.fingerprint(TaskKind.AUDIT_ROOT_CREDENTIALS, account)).isNotEqualTo(fingerprint);
    assertThat(read.ids()).containsExactly("MFA device arn:aws:iam::333333333333:mfa/root", "access key AKIAFIRSTKEY00000001",
        "password created 2024-01-15T00:00:00Z");
  }

  @Test
  void a_password_set_again_is_a_new_credential() {
    var first = new RootCredentials(Optional.of(new RootCredentials.Password(Optional.of(Instant.parse("2024-01-15T00:00:00Z")),
        Optional.empty())), List.of(), List.of(), List.of(), Map.of());
    var again = new RootCredentials(Optional.of(new RootCredentials.Password(Optional.of(Instant.parse("2026-12-01T00:00:00Z")),
        Optional.empty())), List.of(), List.of(), List.of(), Map.of());

    assertThat(first.ids()).isNotEqualTo(again.ids());
  }

  @Test
  void a_fingerprint_is_sha256_of_its_lines_and_refuses_a_line_with_a_newline() {
    assertThat(Fingerprint.ofLines("abc").sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Fingerprint.ofLines("a", "b")).isNotEqualTo(Fingerprint.ofLines("a\u0000b"));
    assertThat(Fingerprint.ofLines("abc").shortForm()).isEqualTo("ba7816bf");
    assertThatThrownBy(() -> Fingerprint.ofLines("a\nb")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fingerprint("1a2b")).isInstanceOf(InvalidInput.class).hasMessageContaining("64");
  }

  @Test
  void a_snapshot_reads_back_what_it_stored_and_refuses_anything_else() {
    var snapshot = new Snapshot(new Finding("Will remove the bucket policy of b in us-east-1 (1 statement: X).",
        List.of(new Finding.Section("Current bucket policy", "{\n  \"a\": \"<b>\"\n}", true),
            new Finding.Section("Region", "eu-west-1", false))), Fingerprint.ofLines("x"));

    assertThat(Snapshot.fromJson(snapshot.toJson())).isEqualTo(snapshot);
    for (String bad : List.of("", "[]", "{\"headline\":\"h\",\"sections\":[]}",
        "{\"fingerprint\":\"" + "0".repeat(64) + "\",\"headline\":\"h\",\"sections\":{}}", "not json")) {
      assertThatThrownBy(() -> Snapshot.fromJson(bad)).as(bad).isInstanceOf(InvalidInput.class);
    }
  }

  @Test
  void statement_ids_are_listed_for_an_array_a_single_statement_and_statements_without_sid() {
    assertThat(new PolicyDocument(POLICY).describe()).isEqualTo("1 statement: DenyEveryone");
    assertThat(new PolicyDocument("{\"Statement\":{\"Effect\":\"Deny\"}}").statementIds()).containsExactly("(no Sid)");
    assertThat(new PolicyDocument("{\"Statement\":[{\"Sid\":\"A\"},{\"Effect\":\"Deny\"}]}").describe())
        .isEqualTo("2 statements: A, (no Sid)");
    assertThat(new PolicyDocument("{\"Statement\":[]}").describe()).isEqualTo("no statements");
  }

  @Test
  void a_pretty_policy_keeps_awss_key_order_and_does_not_escape_html_characters() {
    assertThat(new PolicyDocument("{\"Statement\":[],\"Version\":\"2012-10-17\",\"X\":\"a=b&<c>\"}").pretty())
        .isEqualTo("{\n  \"Statement\": [],\n  \"Version\": \"2012-10-17\",\n  \"X\": \"a=b&<c>\"\n}");
  }

  private static RootCredentials credentials(String key, String status, Optional<Instant> lastUsed) {
    return new RootCredentials(
        Optional.of(new RootCredentials.Password(Optional.of(Instant.parse("2024-01-15T00:00:00Z")), lastUsed)),
        List.of(new RootCredentials.AccessKey(key, status, Optional.empty(), lastUsed, Optional.empty())), List.of(),
        List.of(new RootCredentials.MfaDevice("arn:aws:iam::333333333333:mfa/root", Optional.empty())), Map.of());
  }
}
