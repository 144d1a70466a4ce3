package dev.rootbot.bot.audit;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * Checks the audit chain as stored, entry by entry in the order the store lists them (by seq), and names
 * the first break: which entry, what kind ({@link BreakKind}) and what is wrong. It recomputes every hash,
 * requires seqs 1, 2, 3, … each following the one before and time that never goes backwards, and folds the
 * facts each entry establishes per request, so that a request row changed outside Rootbot is caught too.
 * Streaming: it holds {@link Diagnosis#LOOKAHEAD} entries and one small record per request.
 *
 * <p>What it cannot see: a chain re-hashed from some entry to its end (a rewrite) or cut at its end; an
 * {@link Anchor} kept outside the database catches both, and the request rows catch most of them.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /** Verifies the chain, and against {@code anchor} when given; request rows are not compared. */
  public static Verdict verify(Iterator<? extends StoredEntry> entries, Optional<Anchor> anchor) {
    return run(entries, anchor, Optional.empty());
  }

  /**
   * Verifies the chain, against {@code anchor} when given, then every request row against what the chain
   * established for it: a row the chain does not explain, or a request of the chain with no row, is a break.
   */
  public static Verdict verify(Iterator<? extends StoredEntry> entries, Optional<Anchor> anchor,
      Iterator<RequestRow> requests) {
    return run(entries, anchor, Optional.of(requests));
  }

  private static Verdict run(Iterator<? extends StoredEntry> entries, Optional<Anchor> anchor,
      Optional<Iterator<RequestRow>> requests) {
    var window = new ArrayDeque<StoredEntry>(Diagnosis.LOOKAHEAD + 1);
    var ledgers = new Ledgers();
    Head head = Head.EMPTY;
    String anchored = Chain.GENESIS; // the hash of entry anchor.count, once passed
    while (true) {
      while (window.size() <= Diagnosis.LOOKAHEAD && entries.hasNext()) {
        window.addLast(entries.next());
      }
      if (window.isEmpty()) {
        break;
      }
      Optional<Verdict.Broken> broken = Diagnosis.of(head, window);
      if (broken.isPresent()) {
        return broken.get();
      }
      ChainedEntry entry = (ChainedEntry) window.removeFirst();
      head = entry.head();
      broken = ledgers.record(entry);
      if (broken.isPresent()) {
        return broken.get();
      }
      if (anchor.isPresent() && anchor.get().count() == head.seq()) {
        anchored = head.hash();
      }
    }
    if (anchor.isPresent()) {
      Optional<Verdict.Broken> broken = against(anchor.get(), head, anchored);
      if (broken.isPresent()) {
        return broken.get();
      }
    }
    if (requests.isPresent()) {
      Optional<Verdict.Broken> broken = ledgers.compare(requests.get());
      if (broken.isPresent()) {
        return broken.get();
      }
    }
    return new Verdict.Intact(head.seq(), head.hash());
  }

  private static Optional<Verdict.Broken> against(Anchor anchor, Head head, String anchored) {
    if (anchor.count() > head.seq()) {
      return Optional.of(new Verdict.Broken(head.seq() + 1, BreakKind.MISSING, "the anchor " + anchor + " counts "
          + anchor.count() + " entries, but the chain has only " + head.seq() + ": its end was cut off"));
    }
    if (!anchored.equals(anchor.head())) {
      return Optional.of(new Verdict.Broken(anchor.count(), BreakKind.REWRITTEN, "entry " + anchor.count()
          + " has hash " + anchored + ", but the anchor says " + anchor.head() + ": the chain up to entry "
          + anchor.count() + " was rewritten and re-hashed"));
    }
    return Optional.empty();
  }
}
