package dev.rootbot.bot.audit;

/**
 * An audit entry as the store holds it, for the verifier: either one that could be read
 * ({@link ChainedEntry}) or a row that could not, which the verifier reports as changed.
 */
public sealed interface StoredEntry permits ChainedEntry, UnreadableEntry {
  /** The entry's seq as stored. */
  long seq();
}
