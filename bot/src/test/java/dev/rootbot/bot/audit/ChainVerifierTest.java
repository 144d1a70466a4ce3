package dev.rootbot.bot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tampers with the sample chain (11 entries, see {@link SampleChain}) the way an attacker with the table
 * owner's rights would, and checks that verify names the first break, its kind and what is wrong.
 */
class ChainVerifierTest {
  private static final String BOGUS = "b".repeat(64);

  /** One row of the table: what the attacker does to the rows as stored, and what verify must say. */
  record Tampering(String what, UnaryOperator<List<StoredEntry>> tamper, long seq, BreakKind kind, String says) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Tampering> tamperings() {
    return Stream.of(
        new Tampering("updates who approved in entry 2", rows -> replace(rows, 2, e -> changed(e, r -> actor(r, "U0MALLORY"))),
            2, BreakKind.CHANGED, "entry 2 (approve by U0MALLORY at 2026-12-01T09:00:03.000001Z): its content differs from what its hash covers"),
        new Tampering("updates entry 2 and recomputes its hash", rows -> replace(rows, 2, e -> rehashed(changed(e, r -> actor(r, "U0MALLORY")))),
            2, BreakKind.CHANGED, "entry 3 follows hash " + hashOf(3, "prev") + ", but entry 2 has hash"),
        new Tampering("updates entry 1 and recomputes its hash", rows -> replace(rows, 1, e -> rehashed(changed(e, r -> detail(r, "nothing")))),
            1, BreakKind.CHANGED, "entry 1 was changed and its hash recomputed, or replaced"),
        new Tampering("moves the time of entry 6", rows -> replace(rows, 6, e -> changed(e, r -> at(r, Duration.ofMinutes(5)))),
            6, BreakKind.CHANGED, "its content differs from what its hash covers"),
        new Tampering("changes the facts of entry 4", rows -> replace(rows, 4, e -> changed(e, r -> facts(r, r.facts().with("access_key_id", "ASIAOTHERKEY00000001")))),
            4, BreakKind.CHANGED, "its content differs"),
        new Tampering("leaves a row that cannot be read", rows -> replace(rows, 3, e -> new UnreadableEntry(3, "facts: the facts are not valid JSON")),
            3, BreakKind.CHANGED, "entry 3 cannot be read: facts: the facts are not valid JSON"),
        new Tampering("deletes entry 6", rows -> without(rows, 6),
            6, BreakKind.MISSING, "after entry 5 comes entry 7: entry 6 is missing"),
        new Tampering("deletes entries 5 and 6", rows -> without(without(rows, 5), 6),
            5, BreakKind.MISSING, "entries 5 to 6 are missing"),
        new Tampering("deletes entry 1", rows -> without(rows, 1),
            1, BreakKind.MISSING, "the chain starts entry 2: entry 1 is missing"),
        new Tampering("deletes entry 6 and renumbers the later ones", rows -> renumberedFrom(without(rows, 6), 7, -1),
            6, BreakKind.MISSING, "the entry stored as seq 6 is entry 7 (its hash covers seq 7): entry 6 is missing and the later entries renumbered"),
        new Tampering("inserts a back-dated entry with seq 0", rows -> plus(rows, forged(0, Chain.GENESIS, Duration.ofDays(-1))),
            0, BreakKind.INSERTED, "entry 0 (approve by U0MALLORY at 2026-11-30T09:00:02.000001Z) does not belong: the chain starts at seq 1; the entry after it follows the genesis hash as it should"),
        new Tampering("inserts an entry reusing seq 4 that follows entry 3, listed before the original", rows -> before(rows, 4, forged(4, hashOf(3, "hash"), Duration.ZERO)),
            4, BreakKind.INSERTED, "the chain continues without the first, which was inserted"),
        new Tampering("inserts an entry reusing seq 4 that follows entry 3, listed after the original", rows -> plus(rows, forged(4, hashOf(3, "hash"), Duration.ZERO)),
            4, BreakKind.INSERTED, "the chain continues without the second, which was inserted"),
        new Tampering("inserts an entry reusing seq 4 that follows nothing", rows -> before(rows, 4, forged(4, BOGUS, Duration.ZERO)),
            4, BreakKind.INSERTED, "two entries claim seq 4, entry 4 (approve by U0MALLORY"),
        new Tampering("inserts a second entry 11 at the end", rows -> plus(rows, forged(11, hashOf(10, "hash"), Duration.ofDays(1))),
            11, BreakKind.INSERTED, "both follow entry 10, so one of them was inserted"),
        new Tampering("inserts an entry as 4, renumbering and re-hashing each later entry on its own", SampleTampering::insertedAndRenumbered,
            4, BreakKind.INSERTED, "does not follow entry 3, and the entry after it (seq 5) does: entry 4 was inserted"),
        new Tampering("replaces entry 4 with one that follows nothing", rows -> replace(rows, 4, e -> forged(4, BOGUS, Duration.ZERO)),
            4, BreakKind.CHANGED, "and the entry after it does not follow it: entry 4 was replaced"),
        new Tampering("exchanges the seqs of entries 4 and 5", rows -> swapped(rows, 4, 5),
            4, BreakKind.OUT_OF_ORDER, "the entry stored as seq 5 belongs at seq 4: it follows entry 3 and its hash covers seq 4; the entry stored as seq 4 belongs at seq 5"),
        new Tampering("exchanges the seqs of entries 2 and 9", rows -> swapped(rows, 2, 9),
            2, BreakKind.OUT_OF_ORDER, "the entry stored as seq 9 belongs at seq 2"),
        new Tampering("lists entry 5 after entry 6 (a reordered export)", rows -> listedAfter(rows, 5, 6),
            5, BreakKind.OUT_OF_ORDER, "entry 5 is listed after entry 6: the entries are not in seq order"),
        new Tampering("appends an entry chained correctly but dated an hour before the last", rows -> plus(rows, forged(12, hashOf(11, "hash"), Duration.ofHours(-1))),
            12, BreakKind.BACKDATED, "is earlier than entry 11 at 2026-12-01T09:00:13.000001Z: time never goes backwards in the chain"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void verify_names_the_first_break_and_what_is_wrong(Tampering tampering) {
    List<StoredEntry> rows = tampering.tamper().apply(SampleChain.store().stored());

    Verdict verdict = ChainVerifier.verify(rows.iterator(), Optional.empty());

    assertThat(verdict).isInstanceOf(Verdict.Broken.class);
    var broken = (Verdict.Broken) verdict;
    assertThat(broken.kind()).as(broken.line()).isEqualTo(tampering.kind());
    assertThat(broken.seq()).as(broken.line()).isEqualTo(tampering.seq());
    assertThat(broken.explanation()).contains(tampering.says());
  }

  @Test
  void an_untouched_chain_verifies_with_its_count_and_head() {
    FakeAuditedStore store = SampleChain.store();
    ChainedEntry last = store.entries.get(10);

    Verdict verdict = ChainVerifier.verify(store.stored().iterator(), Optional.empty(), store.rows.values().iterator());

    assertThat(verdict).isEqualTo(new Verdict.Intact(11, last.hash()));
    assertThat(verdict.line()).isEqualTo("ok: 11 entries, head " + last.hash());
  }

  @Test
  void an_empty_chain_verifies_against_the_genesis_anchor() {
    assertThat(ChainVerifier.verify(List.<StoredEntry>of().iterator(), Optional.of(Head.EMPTY.anchor())))
        .isEqualTo(new Verdict.Intact(0, Chain.GENESIS));
  }

  @Test
  void a_rewrite_of_the_chain_from_entry_6_is_caught_only_by_a_later_anchor() {
    FakeAuditedStore store = SampleChain.store();
    Anchor yesterday = store.entries.get(10).head().anchor();
    Anchor before = store.entries.get(4).head().anchor();
    List<StoredEntry> rewritten = rewrittenFrom(store.stored(), 6);

    assertThat(ChainVerifier.verify(rewritten.iterator(), Optional.empty())).isInstanceOf(Verdict.Intact.class);
    assertThat(ChainVerifier.verify(rewritten.iterator(), Optional.of(before))).isInstanceOf(Verdict.Intact.class);
    Verdict verdict = ChainVerifier.verify(rewritten.iterator(), Optional.of(yesterday));
    assertThat(verdict).isEqualTo(new Verdict.Broken(11, BreakKind.REWRITTEN, "entry 11 has hash "
        + ((ChainedEntry) rewritten.get(10)).hash() + ", but the anchor says " + yesterday.head()
        + ": the chain up to entry 11 was rewritten and re-hashed"));
  }

  @Test
  void a_rewrite_of_the_whole_chain_is_caught_by_an_anchor_of_entry_7() {
    FakeAuditedStore store = SampleChain.store();
    Anchor anchor = store.entries.get(6).head().anchor();

    Verdict verdict = ChainVerifier.verify(rewrittenFrom(store.stored(), 1).iterator(), Optional.of(anchor));

    assertThat(verdict).extracting(v -> ((Verdict.Broken) v).kind(), v -> ((Verdict.Broken) v).seq())
        .containsExactly(BreakKind.REWRITTEN, 7L);
  }

  @Test
  void a_change_to_the_last_entry_with_its_hash_recomputed_is_caught_only_by_the_anchor() {
    FakeAuditedStore store = SampleChain.store();
    Anchor anchor = store.entries.get(10).head().anchor();
    List<StoredEntry> changed = replace(store.stored(), 11, e -> rehashed(changed(e, r -> detail(r, "nothing"))));

    assertThat(ChainVerifier.verify(changed.iterator(), Optional.empty())).isInstanceOf(Verdict.Intact.class);
    assertThat(ChainVerifier.verify(changed.iterator(), Optional.of(anchor)))
        .extracting(v -> ((Verdict.Broken) v).kind()).isEqualTo(BreakKind.REWRITTEN);
  }

  @Test
  void deleting_the_last_entry_is_caught_by_the_anchor() {
    FakeAuditedStore store = SampleChain.store();
    Anchor anchor = store.entries.get(10).head().anchor();
    List<StoredEntry> cut = without(store.stored(), 11);

    assertThat(ChainVerifier.verify(cut.iterator(), Optional.empty())).isInstanceOf(Verdict.Intact.class);
    assertThat(ChainVerifier.verify(cut.iterator(), Optional.of(anchor))).isEqualTo(new Verdict.Broken(11,
        BreakKind.MISSING, "the anchor " + anchor + " counts 11 entries, but the chain has only 10: its end was cut off"));
  }

  @Test
  void an_anchor_of_another_chain_with_no_entries_does_not_verify() {
    Verdict verdict = ChainVerifier.verify(SampleChain.store().stored().iterator(), Optional.of(new Anchor(BOGUS, 0)));

    assertThat(verdict).extracting(v -> ((Verdict.Broken) v).kind()).isEqualTo(BreakKind.REWRITTEN);
  }

  // The rows as the store lists them: ORDER BY seq, rows with the same seq in the order they were written.

  static List<StoredEntry> bySeq(List<StoredEntry> rows) {
    var sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingLong(StoredEntry::seq));
    return sorted;
  }

  static List<StoredEntry> replace(List<StoredEntry> rows, long seq, java.util.function.Function<ChainedEntry, StoredEntry> change) {
    var out = new ArrayList<StoredEntry>();
    for (StoredEntry row : rows) {
      out.add(row.seq() == seq ? change.apply((ChainedEntry) row) : row);
    }
    return out;
  }

  static List<StoredEntry> without(List<StoredEntry> rows, long seq) {
    return rows.stream().filter(row -> row.seq() != seq).toList();
  }

  static List<StoredEntry> plus(List<StoredEntry> rows, StoredEntry extra) {
    var out = new ArrayList<>(rows);
    out.add(extra);
    return bySeq(out);
  }

  static List<StoredEntry> before(List<StoredEntry> rows, long seq, StoredEntry extra) {
    var out = new ArrayList<>(rows);
    out.add(out.indexOf(rows.stream().filter(r -> r.seq() == seq).findFirst().orElseThrow()), extra);
    return out;
  }

  static List<StoredEntry> swapped(List<StoredEntry> rows, long one, long other) {
    return bySeq(rows.stream().map(row -> row.seq() == one ? renumbered((ChainedEntry) row, other)
        : row.seq() == other ? renumbered((ChainedEntry) row, one) : row).toList());
  }

  static List<StoredEntry> listedAfter(List<StoredEntry> rows, long moved, long after) {
    var out = new ArrayList<>(rows);
    StoredEntry entry = out.stream().filter(r -> r.seq() == moved).findFirst().orElseThrow();
    out.remove(entry);
    out.add(out.indexOf(out.stream().filter(r -> r.seq() == after).findFirst().orElseThrow()) + 1, entry);
    return out;
  }

  static List<StoredEntry> renumberedFrom(List<StoredEntry> rows, long from, long by) {
    return rows.stream().map(row -> row.seq() >= from ? renumbered((ChainedEntry) row, row.seq() + by) : row).toList();
  }

  /** Every entry from {@code from} on re-hashed after a change, each following the one before: consistent. */
  static List<StoredEntry> rewrittenFrom(List<StoredEntry> rows, long from) {
    var out = new ArrayList<StoredEntry>();
    Head head = Head.EMPTY;
    for (StoredEntry row : rows) {
      ChainedEntry entry = (ChainedEntry) row;
      if (row.seq() >= from) {
        AuditRecord r = entry.record();
        AuditRecord changed = row.seq() == from ? actor(r, "U0MALLORY") : r;
        entry = new ChainedEntry(changed, head.hash(), Chain.hash(head.hash(), changed));
      }
      out.add(entry);
      head = entry.head();
    }
    return out;
  }

  static ChainedEntry renumbered(ChainedEntry entry, long seq) {
    return new ChainedEntry(entry.record().atSeq(seq), entry.prev(), entry.hash());
  }

  static ChainedEntry changed(ChainedEntry entry, UnaryOperator<AuditRecord> change) {
    return new ChainedEntry(change.apply(entry.record()), entry.prev(), entry.hash());
  }

  static ChainedEntry rehashed(ChainedEntry entry) {
    return new ChainedEntry(entry.record(), entry.prev(), Chain.hash(entry.prev(), entry.record()));
  }

  /** An approval by mallory, intact, with seq {@code seq} after {@code prev}, dated {@code shift} from entry 1's time. */
  static ChainedEntry forged(long seq, String prev, Duration shift) {
    ChainedEntry first = SampleChain.store().entries.get(0);
    var record = new AuditRecord(seq, first.at().plus(shift), Optional.of(SampleChain.UNLOCK), "U0MALLORY", "approve",
        "REQUESTED → APPROVED", Facts.NONE.with("decided_by", "U0MALLORY"));
    return new ChainedEntry(record, prev, Chain.hash(prev, record));
  }

  static String hashOf(long seq, String which) {
    ChainedEntry entry = SampleChain.store().entries.get((int) seq - 1);
    return which.equals("prev") ? Diagnosis.shortHash(entry.prev()) : entry.hash();
  }

  static AuditRecord actor(AuditRecord r, String actor) {
    return new AuditRecord(r.seq(), r.at(), r.request(), actor, r.event(), r.detail(), r.facts());
  }

  static AuditRecord detail(AuditRecord r, String detail) {
    return new AuditRecord(r.seq(), r.at(), r.request(), r.actor(), r.event(), detail, r.facts());
  }

  static AuditRecord at(AuditRecord r, Duration shift) {
    return new AuditRecord(r.seq(), r.at().plus(shift), r.request(), r.actor(), r.event(), r.detail(), r.facts());
  }

  static AuditRecord facts(AuditRecord r, Facts facts) {
    return new AuditRecord(r.seq(), r.at(), r.request(), r.actor(), r.event(), r.detail(), facts);
  }

  /** Tamperings too long for one line of the table. */
  static final class SampleTampering {
    private SampleTampering() {}

    static List<StoredEntry> insertedAndRenumbered(List<StoredEntry> rows) {
      var out = new ArrayList<StoredEntry>();
      for (StoredEntry row : rows) {
        if (row.seq() == 4) {
          out.add(forged(4, BOGUS, Duration.ZERO));
        }
        ChainedEntry entry = (ChainedEntry) row;
        out.add(row.seq() >= 4 ? rehashed(renumbered(entry, row.seq() + 1)) : entry);
      }
      return out;
    }
  }

}
