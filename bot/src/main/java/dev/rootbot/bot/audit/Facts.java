package dev.rootbot.bot.audit;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Named facts, written as a JSON object whose names are in ascending order. A name is a lower-case ASCII
 * letter followed by up to 63 lower-case letters, digits and underscores, so every language sorts names
 * the same way. The facts of an entry are those of its request that the entry establishes
 * ({@link RequestFacts}).
 */
public record Facts(SortedMap<String, Fact> values) implements Fact {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  /** No facts: {@code {}}. */
  public static final Facts NONE = new Facts(new TreeMap<>());

  public Facts {
    var copy = new TreeMap<String, Fact>(); // natural order, whatever comparator the argument had
    values.forEach((name, value) -> {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a fact name is a lower-case letter, then lower-case letters, digits or"
            + " underscores (at most 64 in all); got \"" + name + "\"");
      }
      copy.put(name, Objects.requireNonNull(value, name));
    });
    values = Collections.unmodifiableSortedMap(copy);
  }

  /** These facts and {@code name} set to {@code value}. */
  public Facts with(String name, Fact value) {
    var more = new TreeMap<>(values);
    more.put(name, value);
    return new Facts(more);
  }

  public Facts with(String name, String text) {
    return with(name, Fact.text(text));
  }

  public Facts with(String name, List<String> texts) {
    return with(name, Fact.texts(texts));
  }

  public Optional<Fact> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The fact {@code name} when it is a text. */
  public Optional<String> text(String name) {
    return get(name).filter(Fact.Text.class::isInstance).map(f -> ((Fact.Text) f).value());
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The canonical JSON of these facts, as the {@code facts} column keeps it. */
  public String json() {
    var out = new StringBuilder();
    CanonicalJson.fact(out, this);
    return out.toString();
  }

  /**
   * Reads facts from their canonical JSON, as {@link #json} wrote them.
   *
   * @throws IllegalArgumentException when {@code json} is not facts, or not in canonical form
   */
  public static Facts parse(String json) {
    Facts facts = CanonicalJson.readFacts(json);
    if (!facts.json().equals(json)) {
      throw new IllegalArgumentException("the facts are not in canonical form (expected " + facts.json() + ")");
    }
    return facts;
  }

  @Override
  public String toString() {
    return json();
  }
}
