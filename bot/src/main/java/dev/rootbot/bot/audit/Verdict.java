package dev.rootbot.bot.audit;

import java.util.Objects;

/** What {@link ChainVerifier} found: the chain intact up to its head, or the first place it is broken. */
public sealed interface Verdict permits Verdict.Intact, Verdict.Broken {

  /** The line {@code audit verify} prints. */
  String line();

  /** Every entry is where its hash says, and nothing contradicts it. */
  record Intact(long count, String head) implements Verdict {
    public Intact {
      Objects.requireNonNull(head, "head");
    }

    /** The anchor of the verified chain. */
    public Anchor anchor() {
      return new Anchor(head, count);
    }

    @Override
    public String line() {
      return "ok: " + count + " entries, head " + head;
    }
  }

  /**
   * The first break.
   *
   * @param seq the entry where it is: the first missing one, the changed or inserted one; for a request that
   *     no entry concerns, 0
   * @param explanation what is wrong, in a sentence with the seqs and hashes an auditor needs
   */
  record Broken(long seq, BreakKind kind, String explanation) implements Verdict {
    public Broken {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(explanation, "explanation");
    }

    @Override
    public String line() {
      return "broken: entry " + seq + " " + kind.words() + ": " + explanation;
    }
  }
}
