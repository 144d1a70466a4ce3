package dev.rootbot.bot.audit;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.rootbot.bot.request.RequestId;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;

/**
 * One audit entry as one line of JSON: its canonical JSON with {@code hash} and {@code prev} added in their
 * sorted places, {@code {"actor":…,"at":…,"detail":…,"event":…,"facts":{…},"hash":…,"prev":…,"request":…,"seq":N}}.
 * Dropping those two names gives back the text the hash covers, so the chain re-verifies from an export alone.
 */
public final class JsonLines {
  private static final Set<String> NAMES = Set.of("actor", "at", "detail", "event", "facts", "hash", "prev", "request",
      "seq");

  private JsonLines() {}

  /** The entry's line, without its line end. */
  public static String line(ChainedEntry entry) {
    var out = new StringBuilder(300);
    out.append('{');
    entry.record().writeUpToFacts(out);
    out.append(',');
    CanonicalJson.name(out, "hash");
    CanonicalJson.string(out, entry.hash());
    out.append(',');
    CanonicalJson.name(out, "prev");
    CanonicalJson.string(out, entry.prev());
    out.append(',');
    entry.record().writeFromRequest(out);
    out.append('}');
    return out.toString();
  }

  /**
   * Reads a line that {@link #line} wrote (in any JSON spacing or order of names).
   *
   * @throws IllegalArgumentException when it is not such a line, saying what is wrong
   */
  public static ChainedEntry parse(String line) {
    var values = new HashMap<String, Object>();
    try (var reader = new JsonReader(new StringReader(line))) {
      reader.setStrictness(Strictness.STRICT);
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (!NAMES.contains(name)) {
          throw new IllegalArgumentException("an audit line has no \"" + name + "\"");
        }
        Object value = switch (name) {
          case "seq" -> reader.nextLong();
          case "facts" -> CanonicalJson.read(reader);
          case "request" -> nullableString(reader);
          default -> reader.nextString();
        };
        if (values.put(name, value) != null) {
          throw new IllegalArgumentException("an audit line names \"" + name + "\" twice");
        }
      }
      reader.endObject();
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new IllegalArgumentException("an audit line is one JSON object, and this one is followed by more");
      }
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw new IllegalArgumentException("not an audit line: " + (e instanceof IOException
          ? "not valid JSON" + CanonicalJson.where(e) : e.getMessage()), e);
    }
    for (String name : NAMES) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("an audit line has a \"" + name + "\"; this one has none");
      }
    }
    if (!(values.get("facts") instanceof Facts facts)) {
      throw new IllegalArgumentException("an audit line's \"facts\" are named facts, a JSON object");
    }
    var record = new AuditRecord((Long) values.get("seq"), time((String) values.get("at")),
        ((Optional<?>) values.get("request")).map(id -> new RequestId((String) id)), (String) values.get("actor"),
        (String) values.get("event"), (String) values.get("detail"), facts);
    return new ChainedEntry(record, (String) values.get("prev"), (String) values.get("hash"));
  }

  private static Optional<String> nullableString(JsonReader reader) throws IOException {
    if (reader.peek() == JsonToken.NULL) {
      reader.nextNull();
      return Optional.empty();
    }
    return Optional.of(reader.nextString());
  }

  private static Instant time(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("an audit line's \"at\" is like 2026-12-01T21:14:52.123456Z; got \"" + text
          + "\"", e);
    }
  }
}
