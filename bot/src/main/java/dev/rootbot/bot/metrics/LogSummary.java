package dev.rootbot.bot.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A flood of like events told in the log as at most one line per interval: the first at once, then the number
 * since, by reason, with the last source. A flood of bad requests then costs a few lines, not one line each; the
 * exact counts are in {@code /metrics}.
 *
 * <pre>{@code
 * var refused = new LogSummary(log::warn, "Refused requests to /slack/events", Duration.ofSeconds(60), clock);
 * refused.add("bad signature", ctx.ip());   // logs at once, or counts for the next line
 * refused.flush();                          // from a timer: logs what is left once the interval is over
 * }</pre>
 *
 * <p>Driven by the clock it is given, with no thread of its own: a line is written by {@link #add} or
 * {@link #flush}, whichever comes first once an interval has passed. Thread-safe.
 */
public final class LogSummary {
  /** A source is shown as given (an address, a user ID), but never long enough to flood a line or forge one. */
  private static final int SOURCE_LENGTH = 64;

  private final Consumer<String> line;
  private final String subject;
  private final Duration interval;
  private final InstantSource clock;

  private final Map<String, Long> pending = new LinkedHashMap<>();
  private long pendingTotal;
  private String lastSource = "";
  private Instant lastLine = Instant.MIN;

  /**
   * @param line writes one line, e.g. {@code log::warn}
   * @param subject what is summarized, e.g. "Refused requests to /slack/events"
   */
  public LogSummary(Consumer<String> line, String subject, Duration interval, InstantSource clock) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a summary needs an interval longer than zero; got " + interval);
    }
    this.line = Objects.requireNonNull(line, "line");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.interval = interval;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Counts one occurrence.
   *
   * @param reason one of a few fixed words, e.g. "bad signature"
   * @param source where it came from, e.g. an IP address; empty when unknown
   */
  public void add(String reason, String source) {
    String text;
    synchronized (this) {
      Instant now = clock.instant();
      String from = printable(source);
      if (pendingTotal == 0 && !now.isBefore(lastLine.plus(interval))) {
        lastLine = now;
        text = subject + ": " + reason + (from.isEmpty() ? "" : ", from " + from) + " (more in the next "
            + seconds(interval) + " are summed up in one line)";
      } else {
        pending.merge(reason, 1L, Long::sum);
        pendingTotal++;
        lastSource = from;
        text = dueSummary(now);
      }
    }
    if (text != null) {
      line.accept(text);
    }
  }

  /** Logs what was counted since the last line, if an interval has passed since it. For a timer; cheap when idle. */
  public void flush() {
    String text;
    synchronized (this) {
      text = dueSummary(clock.instant());
    }
    if (text != null) {
      line.accept(text);
    }
  }

  /** The summary line when one is due, else null; resets the counts it reports. Called holding the lock. */
  private String dueSummary(Instant now) {
    if (pendingTotal == 0 || now.isBefore(lastLine.plus(interval))) {
      return null;
    }
    String byReason = pending.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(e -> number(e.getValue()) + " " + e.getKey())
        .collect(Collectors.joining(", "));
    String text = subject + ": " + number(pendingTotal) + " in the last " + seconds(Duration.between(lastLine, now))
        + " (" + byReason + ")" + (lastSource.isEmpty() ? "" : "; last from " + lastSource);
    pending.clear();
    pendingTotal = 0;
    lastLine = now;
    return text;
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String seconds(Duration duration) {
    return number(duration.toSeconds()) + " s";
  }

  private static String printable(String source) {
    String text = source == null ? "" : source.replaceAll("[^\\p{Graph} ]", "?");
    return text.length() <= SOURCE_LENGTH ? text : text.substring(0, SOURCE_LENGTH) + "…";
  }
}
