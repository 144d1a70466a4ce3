package dev.rootbot.bot.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader for the block-style subset of YAML that {@code deploy/slack-app-manifest.yaml} is written in:
 * nested mappings, lists of scalars or of mappings, plain or double-quoted scalars, whole-line comments.
 *
 * <p>A check that guesses would pass on a file it misread. So everything outside the subset (flow collections,
 * anchors, tags, block scalars, trailing comments, tabs, duplicate keys, uneven indentation) is refused with the
 * line number, never skipped. Scalars stay strings. The CloudFormation template, which needs tags and flow
 * collections, is read with SnakeYAML instead ({@link CloudFormationTemplate}).
 */
final class BlockYaml {
  private static final Pattern KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*):(?: (.*))?");

  private record Line(int number, int indent, String text) {}

  private final List<Line> lines = new ArrayList<>();
  private int next;

  private BlockYaml(String source) {
    String[] raw = source.split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i].stripTrailing();
      String content = line.stripLeading();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      String indentation = line.substring(0, line.length() - content.length());
      if (indentation.contains("\t")) {
        throw refused(i + 1, "tab in indentation");
      }
      lines.add(new Line(i + 1, indentation.length(), content));
    }
  }

  /** Reads a document whose top level is a mapping. */
  static Map<String, Object> parse(String source) {
    BlockYaml reader = new BlockYaml(source);
    if (reader.lines.isEmpty()) {
      throw new IllegalArgumentException("empty document");
    }
    Line first = reader.lines.get(0);
    if (first.indent() != 0 || first.text().startsWith("-")) {
      throw refused(first.number(), "the document must be a mapping at column 0");
    }
    Map<String, Object> document = reader.mapping(0);
    if (reader.next < reader.lines.size()) {
      throw refused(reader.lines.get(reader.next).number(), "unexpected indentation");
    }
    return document;
  }

  private Map<String, Object> mapping(int indent) {
    Map<String, Object> map = new LinkedHashMap<>();
    while (next < lines.size() && lines.get(next).indent() == indent && !isListItem(lines.get(next))) {
      Line line = lines.get(next++);
      Matcher entry = KEY.matcher(line.text());
      if (!entry.matches()) {
        throw refused(line.number(), "not a 'key: value' line");
      }
      String key = entry.group(1);
      String rest = entry.group(2) == null ? "" : entry.group(2).strip();
      Object value;
      if (!rest.isEmpty()) {
        value = scalar(line.number(), rest);
      } else if (next < lines.size() && lines.get(next).indent() > indent) {
        value = block(lines.get(next).indent());
      } else {
        throw refused(line.number(), "key '" + key + "' has no value (write nested blocks indented)");
      }
      if (map.put(key, value) != null) {
        throw refused(line.number(), "duplicate key '" + key + "'");
      }
    }
    return map;
  }

  private Object block(int indent) {
    return isListItem(lines.get(next)) ? list(indent) : mapping(indent);
  }

  private List<Object> list(int indent) {
    List<Object> list = new ArrayList<>();
    while (next < lines.size() && lines.get(next).indent() == indent && isListItem(lines.get(next))) {
      Line line = lines.get(next);
      String item = line.text().substring(1).strip();
      if (item.isEmpty()) {
        throw refused(line.number(), "empty list item");
      }
      if (KEY.matcher(item).matches()) {
        // "- key: value" opens a mapping whose keys sit two columns in.
        lines.set(next, new Line(line.number(), indent + 2, item));
        list.add(mapping(indent + 2));
      } else {
        next++;
        list.add(scalar(line.number(), item));
      }
    }
    return list;
  }

  private static boolean isListItem(Line line) {
    return line.text().equals("-") || line.text().startsWith("- ");
  }

  private static String scalar(int number, String text) {
    if (text.startsWith("\"")) {
      if (text.length() < 2 || !text.endsWith("\"")) {
        throw refused(number, "unterminated double-quoted string");
      }
      String body = text.substring(1, text.length() - 1);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '"') {
          throw refused(number, "unescaped quote inside a string");
        }
        if (c == '\\') {
          char escaped = i + 1 < body.length() ? body.charAt(++i) : ' ';
          if (escaped != '"' && escaped != '\\') {
            throw refused(number, "escape other than \\\" or \\\\");
          }
          c = escaped;
        }
        out.append(c);
      }
      return out.toString();
    }
    if ("'{[&*!|>%@`".indexOf(text.charAt(0)) >= 0) {
      throw refused(number, "flow collections, anchors, tags, block and single-quoted scalars are not read");
    }
    if (text.contains(" #") || text.contains(": ") || text.endsWith(":")) {
      throw refused(number, "trailing comment or a ':' in a plain scalar; quote it");
    }
    return text;
  }

  private static IllegalArgumentException refused(int number, String why) {
    return new IllegalArgumentException("line " + number + ": " + why);
  }
}
