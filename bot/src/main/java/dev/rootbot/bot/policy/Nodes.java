package dev.rootbot.bot.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads of YAML nodes that never throw: each read that does not fit records a {@link Problem} at
 * the node and answers empty, so that one pass over a file finds every problem in it.
 */
final class Nodes {
  /** A key of a mapping and its value, both with their positions. */
  record Field(String key, Node keyNode, Node value) {}

  private final List<Problem> problems = new ArrayList<>();

  List<Problem> problems() {
    return problems;
  }

  int count() {
    return problems.size();
  }

  void problem(Node at, String message) {
    problems.add(new Problem(at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, message));
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  /**
   * The fields of a mapping, checking that every key is one of {@code known}: a key that is not, or that
   * appears twice, is a problem and left out.
   */
  Optional<Map<String, Field>> mapping(Node node, String what, List<String> known, String example) {
    Optional<Map<String, Field>> fields = anyMapping(node, what, example);
    fields.ifPresent(map -> map.values().removeIf(field -> {
      if (known.contains(field.key())) {
        return false;
      }
      String close = field.key().replace('-', '_').toLowerCase(java.util.Locale.ROOT);
      problem(field.keyNode(), "unknown key “" + field.key() + "” in " + what + ": "
          + (known.contains(close) ? "did you mean “" + close + "”? " : "") + "the keys are " + String.join(", ", known));
      return true;
    }));
    return fields;
  }

  /** The fields of a mapping whose keys are names the file chooses (such as groups). */
  Optional<Map<String, Field>> anyMapping(Node node, String what, String example) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, what + " must be a mapping of keys to values, like " + example);
      return Optional.empty();
    }
    var fields = new LinkedHashMap<String, Field>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
        problem(key, "a key in " + what + " must be a plain word");
        continue;
      }
      Field earlier = fields.get(scalar.getValue());
      if (earlier != null) {
        problem(key, "“" + scalar.getValue() + "” appears twice in " + what + " (first on line "
            + line(earlier.keyNode()) + "): keep one");
        continue;
      }
      fields.put(scalar.getValue(), new Field(scalar.getValue(), key, tuple.getValueNode()));
    }
    return Optional.of(fields);
  }

  /** The items of a list, empty lists included (what an empty list means is for the caller to say). */
  Optional<List<Node>> list(Field field, String example) {
    if (field.value() instanceof SequenceNode sequence) {
      return Optional.of(sequence.getValue());
    }
    if (isNull(field.value())) {
      problem(field.keyNode(), field.key() + " has no value: give it a list, like " + field.key() + ": " + example);
    } else {
      problem(field.value(), field.key() + " must be a list, like " + field.key() + ": " + example);
    }
    return Optional.empty();
  }

  /** One value, as written: a number or a word is text too (account IDs are written as numbers). */
  Optional<String> text(Node node, String what) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      return Optional.of(scalar.getValue());
    }
    if (isNull(node)) {
      problem(node, what + " is empty: write a value, or remove it");
    } else {
      problem(node, what + " must be a single value, not a list or a mapping");
    }
    return Optional.empty();
  }

  /** The value of {@code field} as text; a key with nothing after it is a problem at the key. */
  Optional<String> text(Field field) {
    if (isNull(field.value())) {
      problem(field.keyNode(), field.key() + " has no value: write one, or remove the key");
      return Optional.empty();
    }
    return text(field.value(), field.key());
  }

  /** A whole number from {@code min} to {@code max}, written as digits. */
  Optional<Integer> whole(Field field, int min, int max) {
    String range = "a whole number from " + min + " to " + max;
    if (isNull(field.value())) {
      problem(field.keyNode(), field.key() + " has no value: write " + range);
      return Optional.empty();
    }
    if (field.value() instanceof ScalarNode scalar && scalar.getValue().matches("[0-9]{1,9}")
        && scalar.getTag().equals(Tag.INT)) {
      int value = Integer.parseInt(scalar.getValue());
      if (value >= min && value <= max) {
        return Optional.of(value);
      }
    }
    String shown = field.value() instanceof ScalarNode scalar ? "“" + scalar.getValue() + "”" : "a list or a mapping";
    problem(field.value(), field.key() + " must be " + range + " (without quotes); got " + shown);
    return Optional.empty();
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }
}
