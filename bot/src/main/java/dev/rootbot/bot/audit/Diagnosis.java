package dev.rootbot.bot.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the first unverified entry rightly follows the verified chain and, when it does not, which
 * single tampering explains what is seen, looking up to {@link #LOOKAHEAD} entries further. The order of the
 * questions is the diagnosis: a row that cannot be read is changed; a reused seq is an insertion; a gap is
 * missing entries unless the expected seq is listed later (out of order); an entry further on that follows
 * the last verified one and whose hash covers this seq means seqs were exchanged (out of order); an intact
 * entry that does not follow the last one was inserted when the next one does, else the last one was
 * rewritten and re-hashed; an entry whose hash covers another seq was renumbered; anything else is changed.
 */
final class Diagnosis {
  /** How far ahead an exchanged or renumbered entry is looked for; further apart, it is named changed. */
  static final int LOOKAHEAD = 100;

  private Diagnosis() {}

  /** Empty when the first of {@code window} rightly follows {@code head}; else the break it shows. */
  static Optional<Verdict.Broken> of(Head head, Collection<StoredEntry> window) {
    Iterator<StoredEntry> front = window.iterator();
    StoredEntry first = front.next();
    long k = head.seq() + 1;
    boolean repeated = front.hasNext() && first.seq() == k && front.next().seq() == k;
    if (!repeated && first instanceof ChainedEntry a && fits(a, head)) {
      if (a.at().isBefore(head.at())) {
        return Optional.of(new Verdict.Broken(k, BreakKind.BACKDATED, about(a) + " is earlier than entry " + head.seq()
            + " at " + CanonicalJson.time(head.at()) + ": time never goes backwards in the chain"));
      }
      return Optional.empty();
    }
    List<StoredEntry> entries = new ArrayList<>(window);
    return Optional.of(repeated ? repeated(head, entries) : diagnose(head, entries));
  }

  /** The first two entries both claim the next seq: one of them was inserted. */
  private static Verdict.Broken repeated(Head head, List<StoredEntry> entries) {
    long k = head.seq() + 1;
    StoredEntry a = entries.get(0);
    StoredEntry b = entries.get(1);
    Optional<StoredEntry> after = entries.size() > 2 ? Optional.of(entries.get(2)) : Optional.empty();
    boolean aFits = fits(a, head);
    boolean bFits = fits(b, head);
    boolean withoutA = bFits && after.map(next -> follows(next, b)).orElse(true);
    boolean withoutB = aFits && after.map(next -> follows(next, a)).orElse(true);
    String two = "two entries claim seq " + k + ", " + about(a) + " and " + about(b) + "; ";
    if (withoutA && withoutB) {
      return new Verdict.Broken(k, BreakKind.INSERTED, two + "both follow " + before(head) + ", so one of them was"
          + " inserted");
    }
    if (withoutA || (!withoutB && bFits)) {
      return new Verdict.Broken(k, BreakKind.INSERTED, two + "the chain continues without the first, which was inserted");
    }
    if (withoutB || aFits) {
      return new Verdict.Broken(k, BreakKind.INSERTED, two + "the chain continues without the second, which was inserted");
    }
    return diagnose(head, entries);
  }

  private static Verdict.Broken diagnose(Head head, List<StoredEntry> entries) {
    long k = head.seq() + 1;
    StoredEntry first = entries.get(0);
    if (first.seq() < k) {
      String why = first.seq() < 1 ? "the chain starts at seq 1" : "seq " + first.seq() + " is already taken";
      String next = entries.size() > 1 && fits(entries.get(1), head)
          ? "; the entry after it follows " + before(head) + " as it should" : "";
      return new Verdict.Broken(first.seq(), BreakKind.INSERTED, about(first) + " does not belong: " + why + next);
    }
    if (first.seq() > k) {
      for (StoredEntry later : entries.subList(1, entries.size())) {
        if (later.seq() == k) {
          return new Verdict.Broken(k, BreakKind.OUT_OF_ORDER, "entry " + k + " is listed after entry " + first.seq()
              + ": the entries are not in seq order");
        }
      }
      if (first instanceof ChainedEntry a && a.prev().equals(head.hash()) && covers(a, k)) {
        return new Verdict.Broken(k, BreakKind.CHANGED, "the entry stored as seq " + a.seq() + " is entry " + k
            + ": it follows " + before(head) + " and its hash covers seq " + k + "; its seq was changed");
      }
      return new Verdict.Broken(k, BreakKind.MISSING, (head.seq() == 0 ? "the chain starts" : "after entry "
          + head.seq() + " comes") + " entry " + first.seq() + ": " + range(k, first.seq() - 1) + " missing");
    }
    if (first instanceof UnreadableEntry unreadable) {
      return new Verdict.Broken(k, BreakKind.CHANGED, "entry " + k + " cannot be read: " + unreadable.why());
    }
    ChainedEntry a = (ChainedEntry) first;
    Optional<Long> aBelongs = coveredSeq(a, k);
    for (StoredEntry later : entries.subList(1, entries.size())) {
      if (later instanceof ChainedEntry t && t.prev().equals(head.hash()) && covers(t, k)) {
        return new Verdict.Broken(k, BreakKind.OUT_OF_ORDER, "the entry stored as seq " + t.seq() + " belongs at seq "
            + k + ": it follows " + before(head) + " and its hash covers seq " + k
            + aBelongs.map(c -> "; the entry stored as seq " + k + " belongs at seq " + c).orElse(""));
      }
    }
    if (a.intact()) { // it does not follow the entry before it
      if (entries.size() > 1 && entries.get(1) instanceof ChainedEntry b && b.prev().equals(head.hash()) && b.intact()) {
        return new Verdict.Broken(k, BreakKind.INSERTED, about(a) + " does not follow " + before(head)
            + ", and the entry after it (seq " + b.seq() + ") does: entry " + k + " was inserted");
      }
      // If the entry after it follows it, the break is before it: the entry before was re-hashed. With no
      // entry after it, that is still the likelier story: a forger would have chained a new entry correctly.
      boolean abandoned = entries.size() > 1 && !follows(entries.get(1), a);
      if (head.seq() == 0 || abandoned) {
        return new Verdict.Broken(k, BreakKind.CHANGED, about(a) + " follows hash " + shortHash(a.prev()) + ", not "
            + before(head) + " (" + shortHash(head.hash()) + ")" + (abandoned ? ", and the entry after it does not"
            + " follow it" : "") + ": entry " + k + " was replaced");
      }
      return new Verdict.Broken(head.seq(), BreakKind.CHANGED, "entry " + k + " follows hash " + shortHash(a.prev())
          + ", but entry " + head.seq() + " has hash " + shortHash(head.hash()) + ": entry " + head.seq()
          + " was changed and its hash recomputed, or replaced");
    }
    if (aBelongs.isPresent() && aBelongs.get() > k) {
      long c = aBelongs.get();
      return new Verdict.Broken(k, BreakKind.MISSING, "the entry stored as seq " + k + " is entry " + c + " (its hash"
          + " covers seq " + c + "): " + range(k, c - 1) + " missing and the later entries renumbered");
    }
    if (aBelongs.isPresent()) {
      return new Verdict.Broken(k, BreakKind.CHANGED, "the entry stored as seq " + k + " was entry " + aBelongs.get()
          + " (its hash covers seq " + aBelongs.get() + "): its seq was changed");
    }
    return new Verdict.Broken(k, BreakKind.CHANGED, about(a) + ": its content differs from what its hash covers"
        + (a.prev().equals(head.hash()) ? "" : ", and it does not follow " + before(head)));
  }

  /** Whether {@code entry} is intact and rightly the next after {@code head}, whatever its time. */
  private static boolean fits(StoredEntry entry, Head head) {
    return entry instanceof ChainedEntry e && e.seq() == head.seq() + 1 && e.prev().equals(head.hash()) && e.intact();
  }

  private static boolean follows(StoredEntry next, StoredEntry entry) {
    return next instanceof ChainedEntry n && entry instanceof ChainedEntry e && n.prev().equals(e.hash());
  }

  /** Whether the entry's hash covers its content at {@code seq}. */
  private static boolean covers(ChainedEntry entry, long seq) {
    return Chain.hash(entry.prev(), entry.record().atSeq(seq)).equals(entry.hash());
  }

  /** The seq near {@code around}, other than the stored one, whose content the entry's hash covers. */
  private static Optional<Long> coveredSeq(ChainedEntry entry, long around) {
    for (long d = 1; d <= LOOKAHEAD; d++) {
      if (covers(entry, around + d)) {
        return Optional.of(around + d);
      }
      if (around - d >= 0 && covers(entry, around - d)) {
        return Optional.of(around - d);
      }
    }
    return Optional.empty();
  }

  /** What the next entry must follow: "entry 41", or "the genesis hash" for the first. */
  private static String before(Head head) {
    return head.seq() == 0 ? "the genesis hash" : "entry " + head.seq();
  }

  private static String range(long from, long to) {
    return from == to ? "entry " + from + " is" : "entries " + from + " to " + to + " are";
  }

  /** An entry in words: "entry 41 (approve by U0BOB0000 at 2026-12-01T21:14:52.123456Z)". */
  static String about(StoredEntry entry) {
    if (entry instanceof ChainedEntry e) {
      var r = e.record();
      return "entry " + r.seq() + " (" + r.event() + " by " + r.actor() + " at " + CanonicalJson.time(r.at()) + ")";
    }
    return "entry " + entry.seq() + " (unreadable)";
  }

  /** The first 16 hex digits of a hash, enough to find it in an export. */
  static String shortHash(String hash) {
    return hash.substring(0, 16) + "…";
  }
}
