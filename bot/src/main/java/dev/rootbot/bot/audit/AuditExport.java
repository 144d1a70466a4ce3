package dev.rootbot.bot.audit;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Writes the chain's entries out, streaming in constant memory: JSON lines ({@link JsonLines}), which
 * re-verify as a chain outside any database, or CSV for a spreadsheet ({@link #CSV_HEADER}, RFC 4180).
 */
public final class AuditExport {
  /** The CSV header row; each row has the entry's fields, its facts as canonical JSON, then {@code prev} and {@code hash}. */
  public static final String CSV_HEADER = "seq,at,request_id,actor,event,detail,facts,prev,hash";

  /** How an export is written, as {@code --format} names it. */
  public enum Format {
    JSONL,
    CSV;

    public static Format parse(String text) {
      for (Format format : values()) {
        if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
          return format;
        }
      }
      throw new IllegalArgumentException("the export format is jsonl or csv; got \"" + text + "\"");
    }
  }

  private AuditExport() {}

  /**
   * Writes the entries that {@code filter} selects, in the order given (the store's seq order), one per line;
   * CSV starts with its header. Returns how many entries it wrote.
   */
  public static long write(Iterator<ChainedEntry> entries, ExportFilter filter, Format format, Appendable out)
      throws IOException {
    Predicate<ChainedEntry> selected = filter.selection();
    if (format == Format.CSV) {
      out.append(CSV_HEADER).append("\r\n");
    }
    long written = 0;
    while (entries.hasNext()) {
      ChainedEntry entry = entries.next();
      if (selected.test(entry)) {
        if (format == Format.CSV) {
          out.append(csvRow(entry)).append("\r\n");
        } else {
          out.append(JsonLines.line(entry)).append('\n');
        }
        written++;
      }
    }
    return written;
  }

  /** One CSV row without its line end (RFC 4180 ends lines with CR LF). */
  public static String csvRow(ChainedEntry entry) {
    AuditRecord record = entry.record();
    var row = new StringBuilder(300);
    String[] fields = {Long.toString(record.seq()), CanonicalJson.time(record.at()),
        record.request().map(r -> r.value()).orElse(""), record.actor(), record.event(), record.detail(),
        record.facts().json(), entry.prev(), entry.hash()};
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        row.append(',');
      }
      csvField(row, fields[i]);
    }
    return row.toString();
  }

  /**
   * A field as RFC 4180 writes it: in double quotes, inner quotes doubled, when it holds a comma, a quote,
   * CR or LF. Before that, a field a spreadsheet would run as a formula (it starts with {@code = + - @},
   * tab or CR) gets a leading {@code '}, as does one that starts with {@code '}; so removing one leading
   * {@code '} from every field that starts with it gives the stored text back.
   */
  static void csvField(StringBuilder row, String value) {
    String safe = !value.isEmpty() && "=+-@\t\r'".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quoted = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0
        || safe.indexOf('\n') >= 0;
    if (quoted) {
      row.append('"').append(safe.replace("\"", "\"\"")).append('"');
    } else {
      row.append(safe);
    }
  }
}
