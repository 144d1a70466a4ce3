package dev.rootbot.bot.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters and gauges served at {@code GET /metrics} in Prometheus' text format. Deliberately tiny: a few
 * counters do not justify a metrics library. Thread-safe; counting is a {@link LongAdder} increment.
 */
public final class Metrics {
  private final Map<String, String> help = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> counters = new ConcurrentSkipListMap<>();
  private final Map<String, LongSupplier> gauges = new ConcurrentSkipListMap<>();

  /** Declares a counter's one-line description; counting works without it. */
  public Metrics describe(String name, String description) {
    help.put(name, description);
    return this;
  }

  /** Adds one to {@code name} with the given label pairs, e.g. {@code count("x_total", "outcome", "ok")}. */
  public void count(String name, String... labels) {
    counters.computeIfAbsent(name, n -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(labels(labels), l -> new LongAdder())
        .increment();
  }

  /** A gauge read when scraped. */
  public void gauge(String name, String description, LongSupplier value) {
    help.put(name, description);
    gauges.put(name, value);
  }

  /** The value of a counter, for tests and logs; 0 when never counted. */
  public long value(String name, String... labels) {
    LongAdder adder = counters.getOrDefault(name, Map.of()).get(labels(labels));
    return adder == null ? 0 : adder.sum();
  }

  /** Every metric in Prometheus text exposition format 0.0.4. */
  public String scrape() {
    var out = new StringBuilder();
    counters.forEach((name, series) -> {
      header(out, name, "counter");
      series.forEach((labels, adder) -> out.append(name).append(labels).append(' ').append(adder.sum()).append('\n'));
    });
    gauges.forEach((name, value) -> {
      header(out, name, "gauge");
      out.append(name).append(' ').append(value.getAsLong()).append('\n');
    });
    return out.toString();
  }

  private void header(StringBuilder out, String name, String type) {
    String description = help.get(name);
    if (description != null) {
      out.append("# HELP ").append(name).append(' ').append(description).append('\n');
    }
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static String labels(String... pairs) {
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name/value pairs");
    }
    if (pairs.length == 0) {
      return "";
    }
    var sorted = new TreeMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) {
      sorted.put(pairs[i], pairs[i + 1]);
    }
    var out = new StringBuilder("{");
    sorted.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(k).append("=\"")
        .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"'));
    return out.append('}').toString();
  }
}
