package dev.rootbot.bot.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.audit.Anchor;
import dev.rootbot.bot.audit.BreakKind;
import dev.rootbot.bot.audit.Chain;
import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.Verdict;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the watch posts: a break as verify prints it, escaped, and an anchor that can be pasted into verify. */
class ChainWatchTest {
  @Test
  void a_break_is_posted_as_verify_prints_it_and_text_from_the_store_cannot_notify_anyone() {
    var broken = new Verdict.Broken(2, BreakKind.REQUEST_DIFFERS,
        "request r-k3mwx2pqa7: the store says decided_by <!channel>, but the chain says U0BOB0000 (entry 2, approve)");

    String alert = ChainWatch.breakAlert(broken);

    assertThat(alert).contains("Entry 2 is request differs", "broken: entry 2 request differs: request r-k3mwx2pqa7",
        "decided_by &lt;!channel&gt;", "./rootbot audit verify").doesNotContain("<!channel>");
  }

  @Test
  void an_anchor_is_posted_so_that_it_can_be_pasted_into_verify() {
    var head = new Head(42, "ab".repeat(32), Instant.parse("2026-12-01T21:14:52.123456Z"));

    String posted = ChainWatch.anchorMessage(head);

    assertThat(posted).contains("`" + "ab".repeat(32) + ":42`", "entry 42 was written",
        "`./rootbot audit verify --anchor " + "ab".repeat(32) + ":42`");
    assertThat(Anchor.parse(posted.substring(posted.indexOf('`') + 1, posted.indexOf('`', posted.indexOf('`') + 1))))
        .isEqualTo(new Anchor("ab".repeat(32), 42));
    assertThat(ChainWatch.anchorMessage(Head.EMPTY)).contains(Chain.GENESIS + ":0", "the audit log is empty");
  }
}
