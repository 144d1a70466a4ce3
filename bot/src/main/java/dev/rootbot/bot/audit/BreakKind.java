package dev.rootbot.bot.audit;

/** What is wrong where the verifier found the chain, or a request, broken. */
public enum BreakKind {
  /** An entry's content differs from what its hash covers, or its hash was recomputed after a change, or it cannot be read. */
  CHANGED("changed"),
  /** Entries are gone: a gap in seq, an entry that follows one that is not there, or fewer entries than an anchor counted. */
  MISSING("missing"),
  /** An entry that does not belong: a reused or zero seq, or one the next entry does not follow while it follows the one before. */
  INSERTED("inserted"),
  /** Entries are not in their chain order: listed out of seq order, or seqs exchanged. */
  OUT_OF_ORDER("out of order"),
  /** An entry intact in the chain whose time is earlier than the entry before it: time never goes backwards. */
  BACKDATED("back-dated"),
  /** The chain is consistent but its entry at an anchor's count has another hash: it was rewritten since. */
  REWRITTEN("rewritten"),
  /** A request's row says something its entries in the chain do not, or moved without an entry. */
  REQUEST_DIFFERS("request differs");

  private final String words;

  BreakKind(String words) {
    this.words = words;
  }

  /** The kind as {@code audit verify} prints it. */
  public String words() {
    return words;
  }
}
