package dev.rootbot.bot.command;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a normalized command a word at a time, so that the reason can be taken as the raw rest of the
 * text: what follows "because" is never split, unquoted or changed here.
 *
 * <p>A word runs to the next space, except that {@code "…"}, {@code “…”}, {@code '…'}, {@code ‘…’} and
 * {@code `…`} keep spaces inside (account names have them), and {@code <…>} is Slack markup, read whole.
 * Punctuation people end a sentence with ({@code . , ; : ! ?}) is not part of an unquoted word.
 */
final class Words {
  private static final String OPENERS = "\"“”„'‘’`";
  private static final String TRAILING = ".,;:!?";

  private final String text;
  private int position;

  Words(String normalizedText) {
    this.text = normalizedText;
  }

  /** One word: as typed, and its value for the grammar. */
  record Word(String raw, String text, boolean quoted) {
    /** Whether it is {@code keyword}, in any case; a quoted word never is. */
    boolean is(String keyword) {
      return !quoted && text.toLowerCase(Locale.ROOT).equals(keyword);
    }
  }

  boolean atEnd() {
    skipSpaces();
    return position >= text.length();
  }

  Optional<Word> peek() {
    int saved = position;
    Optional<Word> word = next();
    position = saved;
    return word;
  }

  /** Whether the next words are {@code keywords}, in order; consumes nothing. */
  boolean nextAre(String... keywords) {
    int saved = position;
    try {
      for (String keyword : keywords) {
        Optional<Word> word = next();
        if (word.isEmpty() || !word.get().is(keyword)) {
          return false;
        }
      }
      return true;
    } finally {
      position = saved;
    }
  }

  Optional<Word> next() {
    if (atEnd()) {
      return Optional.empty();
    }
    int start = position;
    char first = text.charAt(start);
    if (OPENERS.indexOf(first) >= 0) {
      int close = closingQuote(first, start + 1);
      if (close > start + 1) {
        position = close + 1;
        // "prod payments", — the comma belongs to the sentence, not the name
        while (position < text.length() && TRAILING.indexOf(text.charAt(position)) >= 0) {
          position++;
        }
        return Optional.of(new Word(text.substring(start, position), text.substring(start + 1, close).strip(), true));
      }
    }
    int end = first == '<' && text.indexOf('>', start) > 0 ? text.indexOf('>', start) + 1 : start;
    while (end < text.length() && text.charAt(end) != ' ') {
      end++;
    }
    position = end;
    String raw = text.substring(start, end);
    return Optional.of(new Word(raw, trimTrailing(raw), false));
  }

  /** Everything after the words read so far, as it was typed. */
  String rest() {
    return text.substring(Math.min(position, text.length())).strip();
  }

  private int closingQuote(char opener, int from) {
    String closers = opener == '`' ? "`" : opener == '"' || opener == '“' || opener == '”' || opener == '„' ? "\"“”" : "'‘’";
    for (int i = from; i < text.length(); i++) {
      if (closers.indexOf(text.charAt(i)) >= 0 && (i + 1 == text.length() || text.charAt(i + 1) == ' '
          || TRAILING.indexOf(text.charAt(i + 1)) >= 0)) {
        return i;
      }
    }
    return -1;
  }

  private static String trimTrailing(String raw) {
    int end = raw.length();
    while (end > 1 && TRAILING.indexOf(raw.charAt(end - 1)) >= 0) {
      end--;
    }
    return raw.substring(0, end);
  }

  private void skipSpaces() {
    while (position < text.length() && text.charAt(position) == ' ') {
      position++;
    }
  }
}
