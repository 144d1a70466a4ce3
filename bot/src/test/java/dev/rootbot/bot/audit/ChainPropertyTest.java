package dev.rootbot.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rootbot.bot.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Any single change to any one entry of any chain is detected, and exports read back exactly. */
class ChainPropertyTest {

  /** What can be changed in one stored entry. */
  enum Change { ACTOR, EVENT, DETAIL, AT, REQUEST, FACTS, SEQ, PREV, HASH, DELETE, DUPLICATE }

  @Property(tries = 300)
  void any_single_change_to_one_entry_is_detected(@ForAll("chains") List<ChainedEntry> chain,
      @ForAll @IntRange(min = 0, max = 1000) int where, @ForAll Change change, @ForAll("additions") String text) {
    int i = where % chain.size();
    Anchor anchor = chain.get(chain.size() - 1).head().anchor();
    List<StoredEntry> rows = new ArrayList<>(chain);
    ChainedEntry entry = chain.get(i);
    AuditRecord r = entry.record();
    String other = r.actor().equals(text) ? text + "x" : text;
    switch (change) {
      case ACTOR -> rows.set(i, with(entry, new AuditRecord(r.seq(), r.at(), r.request(), other, r.event(), r.detail(), r.facts())));
      case EVENT -> rows.set(i, with(entry, new AuditRecord(r.seq(), r.at(), r.request(), r.actor(), r.event() + other, r.detail(), r.facts())));
      case DETAIL -> rows.set(i, with(entry, new AuditRecord(r.seq(), r.at(), r.request(), r.actor(), r.event(), r.detail() + other, r.facts())));
      case AT -> rows.set(i, with(entry, new AuditRecord(r.seq(), r.at().plusNanos(1000), r.request(), r.actor(), r.event(), r.detail(), r.facts())));
      case REQUEST -> rows.set(i, with(entry, new AuditRecord(r.seq(), r.at(), r.request().isPresent() ? Optional.empty()
          : Optional.of(new RequestId("r-zzzzzzzzzz")), r.actor(), r.event(), r.detail(), r.facts())));
      case FACTS -> rows.set(i, with(entry, new AuditRecord(r.seq(), r.at(), r.request(), r.actor(), r.event(), r.detail(),
          r.facts().with("zz_changed", other))));
      case SEQ -> rows.set(i, ChainVerifierTest.renumbered(entry, r.seq() + 1 + text.length()));
      case PREV -> rows.set(i, new ChainedEntry(r, Chain.hash(entry.prev(), r), entry.hash()));
      case HASH -> rows.set(i, new ChainedEntry(r, entry.prev(), Chain.hash(entry.hash(), r)));
      case DELETE -> rows.remove(i);
      case DUPLICATE -> rows.add(i, entry);
    }
    rows = ChainVerifierTest.bySeq(rows);

    assertThat(ChainVerifier.verify(chain.iterator(), Optional.of(anchor))).isInstanceOf(Verdict.Intact.class);
    assertThat(ChainVerifier.verify(rows.iterator(), Optional.of(anchor))).isInstanceOf(Verdict.Broken.class);
    boolean onlyAnAnchorSees = change == Change.DELETE && i == chain.size() - 1;
    if (!onlyAnAnchorSees) {
      Verdict verdict = ChainVerifier.verify(rows.iterator(), Optional.empty());
      assertThat(verdict).isInstanceOf(Verdict.Broken.class);
      if (change == Change.DELETE) {
        assertThat(verdict).isEqualTo(broken(verdict, i + 1, BreakKind.MISSING));
      } else if (change == Change.DUPLICATE) {
        assertThat(verdict).isEqualTo(broken(verdict, i + 1, BreakKind.INSERTED));
      }
    }
  }

  @Property(tries = 200)
  void a_json_line_reads_back_as_the_same_entry(@ForAll("chains") List<ChainedEntry> chain) {
    for (ChainedEntry entry : chain) {
      String line = JsonLines.line(entry);
      assertThat(line).matches("[\\x20-\\x7e]*");
      assertThat(JsonLines.parse(line)).isEqualTo(entry);
      assertThat(Facts.parse(entry.record().facts().json())).isEqualTo(entry.record().facts());
    }
  }

  @Provide
  Arbitrary<String> texts() {
    // Any UTF-16 code unit, lone surrogates and controls included: the writer must escape all of them.
    return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(12);
  }

  /** Text appended to a field: never empty, so the field always changes. */
  @Provide
  Arbitrary<String> additions() {
    return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(1).ofMaxLength(4);
  }

  @Provide
  Arbitrary<List<ChainedEntry>> chains() {
    Arbitrary<Facts> facts = Combinators.combine(texts(), texts(), Arbitraries.of("account", "state", "decided_by", "x1"))
        .as((a, b, name) -> Facts.NONE.with(name, a).with("list", List.of(a, b)).with("nested", Facts.NONE.with("v", b)))
        .injectDuplicates(0.2);
    Arbitrary<Step> step = Combinators.combine(texts(), texts(), texts(), facts, Arbitraries.integers().between(0, 5_000_000),
        Arbitraries.of(Optional.<RequestId>empty(), Optional.of(new RequestId("r-aaaaaaaaaa"))))
        .as((actor, event, detail, f, micros, request) -> new Step(actor, event, detail, f, micros, request));
    return step.list().ofMinSize(1).ofMaxSize(15).map(ChainPropertyTest::chain);
  }

  private record Step(String actor, String event, String detail, Facts facts, int micros, Optional<RequestId> request) {}

  private static List<ChainedEntry> chain(List<Step> steps) {
    var chain = new ArrayList<ChainedEntry>();
    Head head = Head.EMPTY;
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    for (Step s : steps) {
      now = now.plus(Duration.ofNanos(s.micros() * 1000L));
      ChainedEntry entry = Chain.next(head, now, s.request(), s.actor(), s.event(), s.detail(), s.facts());
      chain.add(entry);
      head = entry.head();
    }
    return chain;
  }

  /** The verdict if it has this seq and kind, whatever its explanation; else a verdict that differs. */
  private static Verdict broken(Verdict verdict, long seq, BreakKind kind) {
    return new Verdict.Broken(seq, kind, ((Verdict.Broken) verdict).explanation());
  }

  private static ChainedEntry with(ChainedEntry entry, AuditRecord changed) {
    return new ChainedEntry(changed, entry.prev(), entry.hash());
  }
}
