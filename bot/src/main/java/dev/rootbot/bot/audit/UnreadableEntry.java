package dev.rootbot.bot.audit;

import java.util.Objects;

/**
 * A stored row that is not an audit entry any more (a request ID, a time, facts or a hash that cannot be
 * read): the store passes it to the verifier instead of failing, and the verifier names it changed.
 *
 * @param why what could not be read, e.g. "facts: the facts are not valid JSON: …"
 */
public record UnreadableEntry(long seq, String why) implements StoredEntry {
  public UnreadableEntry {
    Objects.requireNonNull(why, "why");
  }
}
