package dev.rootbot.sandbox.slack;

import java.util.Locale;

/** What Slack makes of a file by its name: the MIME type, its {@code filetype} and the type it shows people. */
enum FileType {
  CSV("text/csv", "csv", "CSV"),
  JSON("application/json", "json", "JSON"),
  TEXT("text/plain", "text", "Plain Text"),
  BINARY("application/octet-stream", "binary", "Binary");

  private final String mimetype;
  private final String filetype;
  private final String prettyType;

  FileType(String mimetype, String filetype, String prettyType) {
    this.mimetype = mimetype;
    this.filetype = filetype;
    this.prettyType = prettyType;
  }

  static FileType of(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return CSV;
    }
    if (lower.endsWith(".json")) {
      return JSON;
    }
    return lower.endsWith(".txt") || lower.endsWith(".log") ? TEXT : BINARY;
  }

  String mimetype() {
    return mimetype;
  }

  String filetype() {
    return filetype;
  }

  String prettyType() {
    return prettyType;
  }
}
