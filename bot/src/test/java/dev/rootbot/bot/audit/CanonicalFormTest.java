package dev.rootbot.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.bot.request.RequestId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canonical form and hash exactly as {@code docs/audit-chain.md} defines them. */
class CanonicalFormTest {
  private static final Path DOC = repositoryRoot().resolve("docs/audit-chain.md");

  /** The example of the doc, built here from Java values: the doc's text must be what the code writes. */
  private static final List<AuditRecord> EXAMPLE = List.of(
      new AuditRecord(1, Instant.parse("2026-12-01T21:14:52.123456Z"), Optional.of(new RequestId("r-k3mwx2pqa7")),
          "U0ALICE01", "request", "unlock bucket payments-audit-logs in prod-payments (222222222222) with"
          + " S3UnlockBucketPolicy, because INC-42 “locked out” café",
          Facts.NONE.with("requester", "U0ALICE01").with("account", "222222222222")
              .with("task", RequestFacts.digest("{\"kind\":\"unlock_bucket\",\"target\":\"222222222222\",\"bucket\":"
                  + "\"payments-audit-logs\",\"region\":\"us-east-1\"}"))
              .with("reason", "INC-42 “locked out” café").with("state", "REQUESTED")),
      new AuditRecord(2, Instant.parse("2026-12-01T21:15:03Z"), Optional.of(new RequestId("r-k3mwx2pqa7")), "U0BOB0000",
          "approve", "REQUESTED → APPROVED",
          Facts.NONE.with("from", "REQUESTED").with("state", "APPROVED").with("decided_by", "U0BOB0000")));

  @Test
  void the_documented_genesis_is_sha256_of_its_text() throws IOException {
    Matcher genesis = Pattern.compile("(?m)^genesis: ([0-9a-f]{64})$").matcher(doc());

    assertThat(genesis.find()).as("a line \"genesis: …\" in " + DOC).isTrue();
    assertThat(Chain.GENESIS).isEqualTo(genesis.group(1))
        .isEqualTo("27409d6375d46c2250713363e415ecd59e982612fa9c56520040b15d10a3dd1b");
  }

  @Test
  void the_documented_example_is_what_the_code_writes_and_hashes() throws IOException {
    Matcher step = Pattern.compile("(?m)^prev: ([0-9a-f]{64})\\njson: (.+)\\nhash: ([0-9a-f]{64})$").matcher(doc());
    var documented = new ArrayList<String[]>();
    while (step.find()) {
      documented.add(new String[] {step.group(1), step.group(2), step.group(3)});
    }

    assertThat(documented).hasSize(EXAMPLE.size());
    String prev = Chain.GENESIS;
    for (int i = 0; i < EXAMPLE.size(); i++) {
      String[] doc = documented.get(i);
      assertThat(doc[0]).as("prev of example entry " + (i + 1)).isEqualTo(prev);
      assertThat(EXAMPLE.get(i).canonicalJson()).isEqualTo(doc[1]);
      assertThat(Chain.hash(prev, EXAMPLE.get(i))).as("hash of example entry " + (i + 1)).isEqualTo(doc[2]);
      prev = doc[2];
    }
  }

  @Test
  void the_documented_header_row_is_the_csv_header() throws IOException {
    assertThat(doc()).contains("```\n" + AuditExport.CSV_HEADER + "\n```");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      plain ASCII as is                 | a-b_c /x <y> & 'z' ~   | "a-b_c /x <y> & 'z' ~"
      quote and backslash               | say "hi" \\ there      | "say \\"hi\\" \\\\ there"
      """)
  void strings_are_escaped_as_documented(String what, String text, String json) {
    assertThat(string(text)).isEqualTo(json);
  }

  @Test
  void control_and_non_ascii_characters_are_escaped_with_lower_case_hex() {
    Map<String, String> cases = new TreeMap<>(Map.of(
        "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"",
        "\u0000\u001f\u007f", "\"\\u0000\\u001f\\u007f\"",
        "café →", "\"caf\\u00e9 \\u2192\"",
        "😀", "\"\\ud83d\\ude00\"",
        "\ud800 lone", "\"\\ud800 lone\"",
        "\u00a0\u2028\ufeff", "\"\\u00a0\\u2028\\ufeff\""));

    cases.forEach((text, json) -> assertThat(string(text)).as(json).isEqualTo(json));
  }

  @Test
  void time_is_written_in_utc_to_the_microsecond_always_with_six_digits() {
    assertThat(CanonicalJson.time(Instant.parse("2026-12-01T21:14:52.123456Z"))).isEqualTo("2026-12-01T21:14:52.123456Z");
    assertThat(CanonicalJson.time(Instant.parse("2026-12-01T21:14:52Z"))).isEqualTo("2026-12-01T21:14:52.000000Z");
    assertThat(CanonicalJson.time(Instant.parse("0001-01-01T00:00:00.000001Z"))).isEqualTo("0001-01-01T00:00:00.000001Z");
  }

  @Test
  void an_entry_refuses_a_time_finer_than_a_microsecond_or_outside_four_digit_years() {
    assertThatThrownBy(() -> record(Instant.parse("2026-12-01T21:14:52.1234567Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncate it to microseconds");
    assertThatThrownBy(() -> record(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("years 0000 to 9999");
  }

  @Test
  void an_entry_without_a_request_writes_null_and_empty_facts_as_an_empty_object() {
    var record = new AuditRecord(7, Instant.parse("2026-12-01T21:14:52Z"), Optional.empty(), "U0ALICE01",
        "refused request", "no such account", Facts.NONE);

    assertThat(record.canonicalJson()).isEqualTo("{\"actor\":\"U0ALICE01\",\"at\":\"2026-12-01T21:14:52.000000Z\","
        + "\"detail\":\"no such account\",\"event\":\"refused request\",\"facts\":{},\"request\":null,\"seq\":7}");
  }

  @Test
  void facts_are_written_with_names_in_ascending_order_at_every_depth() {
    Facts nested = Facts.NONE.with("zeta", "1").with("alpha", List.of("b", "a"));
    Facts facts = Facts.NONE.with("state", "RUNNING").with("b_2", nested).with("b1", "x");

    assertThat(facts.json()).isEqualTo("{\"b1\":\"x\",\"b_2\":{\"alpha\":[\"b\",\"a\"],\"zeta\":\"1\"},\"state\":\"RUNNING\"}");
    assertThat(Facts.parse(facts.json())).isEqualTo(facts);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a space                         | {"a": "b"}                     | not in canonical form
      names out of order              | {"b":"1","a":"2"}              | not in canonical form
      a number                        | {"a":1}                        | not NUMBER
      a null                          | {"a":null}                     | not NULL
      a name twice                    | {"a":"1","a":"2"}              | appears twice
      a list, not an object           | ["a"]                          | not a JSON object
      more after the object           | {}{}                           | not valid JSON (at line 1 column 4)
      not JSON                        | {a:'b'}                        | not valid JSON
      an upper-case name              | {"A":"b"}                      | a fact name is a lower-case letter
      """)
  void stored_facts_that_are_not_canonical_are_refused(String what, String json, String says) {
    assertThatThrownBy(() -> Facts.parse(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(says);
  }

  @Test
  void the_next_entry_follows_the_head_and_never_goes_back_in_time() {
    Instant later = Instant.parse("2026-12-01T21:15:00.000002Z");
    ChainedEntry first = Chain.next(Head.EMPTY, Instant.parse("2026-12-01T21:14:59.999999999Z"), Optional.empty(),
        "rootbot", "anchor", "", Facts.NONE);
    ChainedEntry second = Chain.next(new Head(first.seq(), first.hash(), later), later.minusSeconds(3), Optional.empty(),
        "rootbot", "anchor", "", Facts.NONE);

    assertThat(first.seq()).isEqualTo(1);
    assertThat(first.prev()).isEqualTo(Chain.GENESIS);
    assertThat(first.at()).isEqualTo(Instant.parse("2026-12-01T21:14:59.999999Z"));
    assertThat(first.intact()).isTrue();
    assertThat(second.seq()).isEqualTo(2);
    assertThat(second.prev()).isEqualTo(first.hash());
    assertThat(second.at()).isEqualTo(later);
  }

  @Test
  void an_anchor_reads_back_what_it_writes_and_refuses_anything_else() {
    Anchor anchor = new Anchor(Chain.GENESIS, 42);

    assertThat(Anchor.parse(" " + anchor + "\n")).isEqualTo(anchor);
    assertThatThrownBy(() -> Anchor.parse(Chain.GENESIS.toUpperCase() + ":42")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(64 lower-case hex digits), a colon and the entry count");
    assertThatThrownBy(() -> Anchor.parse("abc:1")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String string(String text) {
    var out = new StringBuilder();
    CanonicalJson.string(out, text);
    assertThat(out.toString().getBytes(StandardCharsets.US_ASCII)).as("pure ASCII")
        .isEqualTo(out.toString().getBytes(StandardCharsets.UTF_8));
    return out.toString();
  }

  private static AuditRecord record(Instant at) {
    return new AuditRecord(1, at, Optional.empty(), "rootbot", "x", "", Facts.NONE);
  }

  private static String doc() throws IOException {
    return Files.readString(DOC, StandardCharsets.UTF_8);
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs/audit-chain.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no docs/audit-chain.md above " + Path.of("").toAbsolutePath());
  }
}
