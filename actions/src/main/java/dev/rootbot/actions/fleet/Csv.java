package dev.rootbot.actions.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, a field with a comma, a double
 * quote, CR or LF in double quotes with its quotes doubled. A field a spreadsheet would run as a formula (one that
 * starts with {@code = + - @}, a tab or CR) gets a leading apostrophe, so that opening a report runs nothing that
 * an account's name planted. Pure.
 */
final class Csv {
  private Csv() {}

  static void row(Appendable out, List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(field(fields.get(i)));
      }
      out.append("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String field(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
