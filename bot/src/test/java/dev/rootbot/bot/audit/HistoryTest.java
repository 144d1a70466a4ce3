package dev.rootbot.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.actions.task.AccountId;
import dev.rootbot.bot.request.RequestId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Slack answer to {@code /root history …}: the last 20 entries, escaped, and how to export the rest. */
class HistoryTest {

  @Test
  void a_request_history_shows_each_entry_in_one_line_with_its_seq_and_short_hash() {
    FakeAuditedStore store = SampleChain.store();

    String text = History.ofRequest(SampleChain.DENIED, History.collect(store.entries.iterator(),
        ExportFilter.ofRequest(SampleChain.DENIED)));

    ChainedEntry deny = store.entries.get(9);
    assertThat(text.lines()).hasSize(5);
    assertThat(text).startsWith("*Audit history of request `r-bbbbbbbbbb`*: all 3 entries, oldest first\n");
    assertThat(text.lines().skip(3).findFirst().orElseThrow()).isEqualTo("• <!date^" + deny.at().getEpochSecond()
        + "^{date_short_pretty} at {time}|2026-12-01 09:00 UTC> <@U0BOB0000> *deny* — REQUESTED → DENIED `#10 "
        + deny.hash().substring(0, 8) + "`");
    assertThat(text).endsWith("With their hashes: `./rootbot audit export --request r-bbbbbbbbbb` (add `--format csv`"
        + " for a spreadsheet)");
  }

  @Test
  void an_account_history_shows_the_last_20_of_more_and_how_to_export_all() {
    FakeAuditedStore store = SampleChain.store();
    for (int i = 0; i < 25; i++) {
      store.refused(Optional.of(SampleChain.UNLOCK), SampleChain.CAROL, "approve", "try " + i);
    }

    String text = History.ofAccount(SampleChain.PAYMENTS, History.collect(store.entries.iterator(),
        ExportFilter.ofAccount(SampleChain.PAYMENTS)));

    assertThat(text).startsWith("*Audit history of account `222222222222`*: the last 20 of 32 entries, oldest first\n");
    assertThat(text.lines().filter(line -> line.startsWith("• "))).hasSize(20);
    assertThat(text).contains("<@U0CAROL00> *refused approve* `r-aaaaaaaaaa` — try 5 `#").contains("— try 24 `#")
        .doesNotContain("— try 4 `");
    assertThat(text).endsWith("All 32 with their hashes: `./rootbot audit export --account 222222222222` (add"
        + " `--format csv` for a spreadsheet)");
  }

  @Test
  void text_from_entries_can_neither_mention_nor_link_and_rootbot_is_not_a_mention() {
    var store = new FakeAuditedStore();
    store.append(Optional.of(new RequestId("r-ffffffffff")), "rootbot", "refused <!channel>",
        "reason <!here> & <https://evil.example|click>\nsecond line", Facts.NONE.with("account", "222222222222"));

    String text = History.ofAccount(new AccountId("222222222222"), History.collect(store.entries.iterator(),
        ExportFilter.ofAccount(new AccountId("222222222222"))));

    assertThat(text).startsWith("*Audit history of account `222222222222`*: its only entry\n");
    assertThat(text).doesNotContain("<!channel").doesNotContain("<!here").doesNotContain("<https").doesNotContain("<@rootbot")
        .contains(" rootbot *refused &lt;!channel&gt;* `r-ffffffffff` — reason &lt;!here&gt; &amp; &lt;https://evil.example|click&gt; second line");
  }

  @Test
  void an_account_with_no_entries_says_so() {
    String text = History.ofAccount(new AccountId("444444444444"), History.collect(SampleChain.store().entries.iterator(),
        ExportFilter.ofAccount(new AccountId("444444444444"))));

    assertThat(text).isEqualTo("No audit entries concern account `444444444444`.");
  }
}
