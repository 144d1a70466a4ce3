package dev.rootbot.sandbox.aws.wire;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

/** Writes a small XML document element by element, escaping text; absent (null) leaves are left out. */
public final class XmlWriter {
  private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  private final Deque<String> open = new ArrayDeque<>();

  public XmlWriter open(String name) {
    xml.append('<').append(name).append('>');
    open.push(name);
    return this;
  }

  public XmlWriter open(String name, String namespace) {
    if (namespace == null) {
      return open(name);
    }
    xml.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
    open.push(name);
    return this;
  }

  public XmlWriter close() {
    xml.append("</").append(open.pop()).append('>');
    return this;
  }

  /** Text inside the element opened last. */
  public XmlWriter text(String text) {
    xml.append(escape(text));
    return this;
  }

  public XmlWriter leaf(String name, String text) {
    if (text != null) {
      xml.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
    }
    return this;
  }

  public XmlWriter leaf(String name, Instant time) {
    return leaf(name, time == null ? null : iso(time));
  }

  public XmlWriter leaf(String name, boolean value) {
    return leaf(name, Boolean.toString(value));
  }

  public XmlWriter leaf(String name, long value) {
    return leaf(name, Long.toString(value));
  }

  /** ISO 8601 in UTC to the second, as IAM and STS write times. */
  public static String iso(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed elements: " + open);
    }
    return xml.toString();
  }

  static String escape(String text) {
    var out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<': out.append("&lt;"); break;
        case '>': out.append("&gt;"); break;
        case '&': out.append("&amp;"); break;
        case '"': out.append("&quot;"); break;
        case '\'': out.append("&apos;"); break;
        case '\r': out.append("&#13;"); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }
}
