package dev.rootbot.bot.audit;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one JSON writer of the chain: no whitespace, names in the order the caller writes them, and only
 * printable ASCII in the output. It is the rule of Python's {@code json.dumps(…, separators=(",", ":"))}
 * with its default {@code ensure_ascii}, so an auditor can recompute a hash with the standard library.
 */
final class CanonicalJson {
  private static final Pattern AT = Pattern.compile("at line \\d+ column \\d+");
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private CanonicalJson() {}

  /**
   * A JSON string: {@code "} and {@code \} escaped with a backslash, the five control characters that have
   * a short escape ({@code \b \f \n \r \t}) so written, and every other character outside {@code U+0020–U+007E}
   * as {@code \}{@code u} and four lower-case hex digits of its UTF-16 code unit (a character beyond U+FFFF is
   * two of them, its surrogate pair).
   */
  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c <= 0x7e) {
            out.append(c);
          } else {
            out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    out.append('"');
  }

  /** A name and its colon: {@code "name":}. */
  static void name(StringBuilder out, String name) {
    string(out, name);
    out.append(':');
  }

  static void fact(StringBuilder out, Fact fact) {
    if (fact instanceof Fact.Text text) {
      string(out, text.value());
    } else if (fact instanceof Fact.Items items) {
      out.append('[');
      for (int i = 0; i < items.values().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        fact(out, items.values().get(i));
      }
      out.append(']');
    } else {
      out.append('{');
      boolean first = true;
      for (var named : ((Facts) fact).values().entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        name(out, named.getKey());
        fact(out, named.getValue());
      }
      out.append('}');
    }
  }

  /** RFC 3339 in UTC with exactly six fractional digits: {@code 2026-12-01T21:14:52.123456Z}. */
  static String time(Instant at) {
    return TIME.format(at);
  }

  /** The fact as canonical JSON. */
  static String json(Fact fact) {
    var out = new StringBuilder();
    fact(out, fact);
    return out.toString();
  }

  static Facts readFacts(String json) {
    try (var reader = new JsonReader(new StringReader(json))) {
      reader.setStrictness(Strictness.STRICT);
      Fact fact = read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("the facts are followed by more text");
      }
      if (!(fact instanceof Facts facts)) {
        throw new IllegalArgumentException("the facts are not a JSON object");
      }
      return facts;
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException("the facts are not valid JSON" + where(e), e);
    }
  }

  /** Where Gson stopped, "(at line 1 column 4)", without its advice to parse leniently. */
  static String where(Exception e) {
    Matcher at = AT.matcher(String.valueOf(e.getMessage()));
    return at.find() ? " (" + at.group() + ")" : "";
  }

  /** Reads one fact: a string, an array or an object; numbers, booleans and nulls are not facts. */
  static Fact read(JsonReader reader) throws IOException {
    JsonToken token = reader.peek();
    switch (token) {
      case STRING:
        return Fact.text(reader.nextString());
      case BEGIN_ARRAY: {
        var items = new ArrayList<Fact>();
        reader.beginArray();
        while (reader.hasNext()) {
          items.add(read(reader));
        }
        reader.endArray();
        return new Fact.Items(items);
      }
      case BEGIN_OBJECT: {
        var named = new TreeMap<String, Fact>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (named.put(name, read(reader)) != null) {
            throw new IllegalArgumentException("the fact \"" + name + "\" appears twice");
          }
        }
        reader.endObject();
        return new Facts(named);
      }
      default:
        throw new IllegalArgumentException("a fact is a string, a list or named facts, not " + token);
    }
  }
}
