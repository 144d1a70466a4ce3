package dev.rootbot.bot.audit;

import java.util.List;
import java.util.Objects;

/**
 * One value an audit entry establishes: a text, a list of values, or named values ({@link Facts}). There
 * are no numbers, booleans or nulls: a number is written as text and an absent value is left out, so that
 * every value has exactly one canonical form.
 */
public sealed interface Fact permits Fact.Text, Fact.Items, Facts {

  /** A text, written as a JSON string. */
  record Text(String value) implements Fact {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * An ordered list, written as a JSON array. When the chain folds a request's facts, a list adds its
   * items to those of earlier entries (a set), where a text or named values replace the earlier value.
   */
  record Items(List<Fact> values) implements Fact {
    public Items {
      values = List.copyOf(values);
    }
  }

  static Text text(String value) {
    return new Text(value);
  }

  static Items texts(List<String> values) {
    return new Items(values.stream().<Fact>map(Text::new).toList());
  }
}
