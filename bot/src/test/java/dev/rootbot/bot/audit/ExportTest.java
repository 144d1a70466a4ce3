package dev.rootbot.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.request.RequestId;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exports of the sample chain: JSON lines that re-verify outside any database, CSV, and the filters. */
class ExportTest {

  @Test
  void json_lines_re_verify_as_the_same_chain_from_the_export_alone() throws IOException {
    FakeAuditedStore store = SampleChain.store();
    String export = export(store, ExportFilter.ALL, AuditExport.Format.JSONL);

    List<StoredEntry> read = Arrays.stream(export.split("\n")).<StoredEntry>map(JsonLines::parse).toList();

    assertThat(export).endsWith("\n").doesNotContain("\r");
    assertThat(read).hasSize(11);
    assertThat(ChainVerifier.verify(read.iterator(), Optional.empty()))
        .isEqualTo(new Verdict.Intact(11, store.entries.get(10).hash()));
  }

  @Test
  void a_changed_line_of_an_export_is_caught() throws IOException {
    String[] lines = export(SampleChain.store(), ExportFilter.ALL, AuditExport.Format.JSONL).split("\n");
    lines[1] = lines[1].replace("\"actor\":\"U0BOB0000\"", "\"actor\":\"U0MALLORY\"");

    Verdict verdict = ChainVerifier.verify(Arrays.stream(lines).<StoredEntry>map(JsonLines::parse).iterator(),
        Optional.empty());

    assertThat(verdict).extracting(v -> ((Verdict.Broken) v).seq(), v -> ((Verdict.Broken) v).kind())
        .containsExactly(2L, BreakKind.CHANGED);
  }

  @Test
  void a_line_is_the_canonical_json_with_hash_and_prev_in_their_sorted_places() {
    ChainedEntry entry = SampleChain.store().entries.get(10);
    String canonical = entry.record().canonicalJson();

    assertThat(JsonLines.line(entry)).isEqualTo(canonical.replace(",\"request\":", ",\"hash\":\"" + entry.hash()
        + "\",\"prev\":\"" + entry.prev() + "\",\"request\":"));
  }

  @Test
  void a_line_that_is_not_an_entry_is_refused_with_what_is_wrong() {
    String line = JsonLines.line(SampleChain.store().entries.get(0));

    assertThatThrownBy(() -> JsonLines.parse(line.replace("\"seq\":1", "\"seq\":1,\"extra\":\"x\"")))
        .hasMessage("an audit line has no \"extra\"");
    assertThatThrownBy(() -> JsonLines.parse(line.replace("\"detail\"", "\"comment\"")))
        .hasMessage("an audit line has no \"comment\"");
    assertThatThrownBy(() -> JsonLines.parse(line.replace(",\"event\":\"request\"", "")))
        .hasMessage("an audit line has a \"event\"; this one has none");
    assertThatThrownBy(() -> JsonLines.parse(line.substring(0, 40))).hasMessageStartingWith("not an audit line: ");
  }

  @Test
  void csv_starts_with_the_documented_header_and_quotes_as_rfc_4180() throws IOException {
    var store = new FakeAuditedStore();
    store.refused(Optional.empty(), SampleChain.ALICE, "request", "no account \"prod, payments\"\nin this organization");
    store.refused(Optional.of(SampleChain.UNLOCK), SampleChain.BOB, "approve", "=HYPERLINK(\"http://x\")");
    store.refused(Optional.empty(), SampleChain.BOB, "approve", "'quoted' and plain");

    String[] rows = export(store, ExportFilter.ALL, AuditExport.Format.CSV).split("\r\n", -1);

    assertThat(rows[0]).isEqualTo("seq,at,request_id,actor,event,detail,facts,prev,hash");
    ChainedEntry first = store.entries.get(0);
    assertThat(rows[1]).isEqualTo("1," + CanonicalJson.time(first.at()) + ",,U0ALICE01,refused request,"
        + "\"no account \"\"prod, payments\"\"\nin this organization\",{}," + first.prev() + "," + first.hash());
    assertThat(rows[2]).contains(",r-aaaaaaaaaa,U0BOB0000,refused approve,\"'=HYPERLINK(\"\"http://x\"\")\",{},");
    assertThat(rows[3]).contains(",refused approve,''quoted' and plain,{},");
    assertThat(rows[4]).isEmpty();
    assertThat(rows).hasSize(5);
  }

  @Test
  void csv_writes_the_facts_as_their_canonical_json() {
    ChainedEntry approve = SampleChain.store().entries.get(1);

    assertThat(AuditExport.csvRow(approve)).contains(",approve,REQUESTED → APPROVED,"
        + "\"{\"\"decided_by\"\":\"\"U0BOB0000\"\",\"\"from\"\":\"\"REQUESTED\"\",\"\"state\"\":\"\"APPROVED\"\"}\",");
  }

  @Test
  void an_account_filter_selects_the_entries_of_its_requests_even_those_that_do_not_name_it() throws IOException {
    FakeAuditedStore store = SampleChain.store();

    assertThat(seqs(export(store, ExportFilter.ofAccount(SampleChain.PAYMENTS), AuditExport.Format.JSONL)))
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(seqs(export(store, ExportFilter.ofAccount(SampleChain.DATA), AuditExport.Format.JSONL)))
        .containsExactly(8L, 9L, 10L);
    assertThat(export(store, ExportFilter.ofAccount(new AccountId("444444444444")), AuditExport.Format.JSONL)).isEmpty();
  }

  @Test
  void an_account_filter_with_a_time_range_still_knows_requests_named_before_the_range() throws IOException {
    FakeAuditedStore store = SampleChain.store();
    Instant fromThird = store.entries.get(2).at();
    var filter = new ExportFilter(Optional.of(fromThird), Optional.of(store.entries.get(5).at()), Optional.empty(),
        Optional.of(SampleChain.PAYMENTS));

    assertThat(seqs(export(store, filter, AuditExport.Format.JSONL))).containsExactly(3L, 4L, 5L);
  }

  @Test
  void a_request_filter_selects_its_entries_and_refusals() throws IOException {
    assertThat(seqs(export(SampleChain.store(), ExportFilter.ofRequest(SampleChain.DENIED), AuditExport.Format.JSONL)))
        .containsExactly(8L, 9L, 10L);
    assertThat(export(SampleChain.store(), ExportFilter.ofRequest(new RequestId("r-zzzzzzzzzz")), AuditExport.Format.JSONL))
        .isEmpty();
  }

  @Test
  void a_day_starts_since_and_ends_until_in_utc_and_a_time_is_exact() {
    assertThat(ExportFilter.parseSince("2026-12-01")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(ExportFilter.parseUntil("2026-12-01")).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(ExportFilter.parseUntil("2026-12-01T21:14:52+01:00")).isEqualTo(Instant.parse("2026-12-01T20:14:52Z"));
    assertThatThrownBy(() -> ExportFilter.parseSince("yesterday")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a date is a day like 2026-12-01 or a time like 2026-12-01T21:14:52Z; got \"yesterday\"");
  }

  @Test
  void the_format_is_named_as_the_command_takes_it() {
    assertThat(AuditExport.Format.parse("csv")).isEqualTo(AuditExport.Format.CSV);
    assertThatThrownBy(() -> AuditExport.Format.parse("xml")).hasMessage("the export format is jsonl or csv; got \"xml\"");
  }

  private static String export(FakeAuditedStore store, ExportFilter filter, AuditExport.Format format)
      throws IOException {
    var out = new StringBuilder();
    long written = AuditExport.write(store.entries.iterator(), filter, format, out);
    long lines = out.chars().filter(c -> c == '\n').count() - (format == AuditExport.Format.CSV ? 1 : 0);
    if (format == AuditExport.Format.JSONL) {
      assertThat(written).isEqualTo(lines);
    }
    return out.toString();
  }

  private static List<Long> seqs(String jsonLines) {
    return jsonLines.lines().map(JsonLines::parse).map(ChainedEntry::seq).toList();
  }
}
