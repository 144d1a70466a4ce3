package dev.rootbot.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.task.RootTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Rootbot's counters, gauges and latency histograms, and the JVM and process meters, served at
 * {@code GET /metrics} in Prometheus' text format by Micrometer's Prometheus registry.
 *
 * <p>Names are given as Prometheus shows them: a counter ends in {@code _total}, a histogram in
 * {@code _seconds}; labels are name/value pairs, e.g. {@code count("rootbot_tasks_total", "outcome", "ok")}.
 * Every histogram has the same buckets, from a millisecond to a minute ({@link #BUCKETS}).
 *
 * <p>Thread-safe. Counting and recording look the meter up in a map keyed by name and labels, then do a few
 * atomic additions: cheap enough for the ack path. Close it to unhook the GC listener.
 */
public final class Metrics implements AutoCloseable {
  /** The upper bounds of every histogram's buckets; Prometheus adds {@code +Inf}. */
  public static final List<Duration> BUCKETS = List.of(
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5),
      Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));

  /** Slack's request to {@code /slack/events} until Rootbot's answer, i.e. the ack. */
  public static final String ACK_SECONDS = "rootbot_slack_ack_seconds";
  public static final String CARD_SECONDS = "rootbot_card_seconds";
  public static final String TASKS = "rootbot_tasks_total";
  public static final String TASK_SECONDS = "rootbot_task_seconds";
  public static final String OUTBOX_LAG = "rootbot_outbox_lag_seconds";
  public static final String AWS_CALL_SECONDS = AwsCallTimer.NAME;
  public static final String BREAK_GLASS_RUNS = "rootbot_break_glass_runs_total";
  public static final String REVIEWS_OVERDUE = "rootbot_break_glass_reviews_overdue";
  public static final String POLICY_RELOADS = "rootbot_policy_reloads_total";
  public static final String POLICY_PROBLEMS = "rootbot_policy_file_problems";

  private static final String TOTAL = "_total";
  private static final String SECONDS = "_seconds";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, String> help = new ConcurrentHashMap<>();
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();

  public Metrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    heapPressure.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    // Micrometer has no resident set size; this is the Prometheus client's name for it.
    Gauge.builder("process_resident_memory_bytes", Metrics::residentBytes).description("Resident memory size in bytes")
        .baseUnit("bytes").strongReference(true).register(registry);
    describe(ACK_SECONDS, "Time to acknowledge a request to /slack/events");
    describe(CARD_SECONDS, "Time from a request being stored to its card posted in Slack");
    describe(TASKS, "Root tasks run, by task policy and outcome");
    describe("rootbot_slack_requests_total", "Requests to /slack/events, by whether their signature was verified");
    describe("rootbot_slack_messages_total", "Messages for Slack, by kind and outcome");
    describe(TASK_SECONDS, "Duration of root tasks, by task and outcome");
    describe(OUTBOX_LAG, "Time from a message queued for Slack to Slack taking it, by kind");
    describe(AWS_CALL_SECONDS, "AWS calls including retries, by service, operation and outcome");
    describe(BREAK_GLASS_RUNS, "Root tasks run at once without approval (break-glass), by approval policy rule");
    describe(POLICY_RELOADS, "Readings of the approval policy file after start, by outcome (applied, kept_previous)");
  }

  /** Declares a metric's one-line description; takes effect if declared before its first use. */
  public Metrics describe(String name, String description) {
    help.put(name, description);
    return this;
  }

  /** Adds one to the counter {@code name} (ending in {@code _total}) with the given label pairs. */
  public void count(String name, String... labels) {
    counter(name, labels).increment();
  }

  /**
   * Shows the counter {@code name} at 0 until it is first counted: a counter that appears only with its first
   * count hides that count from Prometheus' {@code increase()}, and an alert on a rare event needs it.
   */
  public void declare(String name, String... labels) {
    counter(name, labels);
  }

  private Counter counter(String name, String... labels) {
    return counters.computeIfAbsent(new Key(name, labels), key -> Counter.builder(strip(name, TOTAL))
        .description(help.get(name))
        .tags(key.tags())
        .register(registry));
  }

  /** A gauge read when scraped. */
  public void gauge(String name, String description, LongSupplier value) {
    help.put(name, description);
    Gauge.builder(name, value, LongSupplier::getAsLong).description(description).strongReference(true)
        .register(registry);
  }

  /** Records one duration in the histogram {@code name} (ending in {@code _seconds}) with the given label pairs. */
  public void record(String name, Duration elapsed, String... labels) {
    timer(name, labels).record(elapsed);
  }

  /** As {@link #record(String, Duration, String...)}, from two {@link System#nanoTime()} readings. */
  public void recordSince(String name, long startNanos, String... labels) {
    timer(name, labels).record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  /**
   * A root task finished: counts it in {@code rootbot_tasks_total} (by task policy and outcome) and times it in
   * {@code rootbot_task_seconds} (by task, e.g. {@code unlock-bucket}, and outcome), from its result's clock.
   */
  public void taskFinished(RootTask task, TaskResult result) {
    String outcome = result.status().name().toLowerCase(java.util.Locale.ROOT);
    count(TASKS, "policy", task.policy().policyName(), "outcome", outcome);
    record(TASK_SECONDS, Duration.between(result.startedAt(), result.finishedAt()), "task", task.kind().id(),
        "outcome", outcome);
  }

  /**
   * A task over the organization ended in {@code state}, after {@code took}: counted as root tasks are, with the
   * task policy of its root sessions ({@code none} for enabling, which runs with the bot's own role).
   */
  public void fleetTaskFinished(String taskId, String policy, String state, Duration took) {
    String outcome = state.toLowerCase(java.util.Locale.ROOT);
    count(TASKS, "policy", policy, "outcome", outcome);
    record(TASK_SECONDS, nonNegative(took), "task", taskId, "outcome", outcome);
  }

  /** A message left the outbox for Slack: its lag from being queued, in {@code rootbot_outbox_lag_seconds} by kind. */
  public void delivered(String kind, Instant enqueuedAt, Instant now) {
    record(OUTBOX_LAG, nonNegative(Duration.between(enqueuedAt, now)), "kind", kind);
  }

  /** A card was posted: the time since its request was stored, in {@code rootbot_card_seconds}. */
  public void cardPosted(Instant requestedAt, Instant now) {
    record(CARD_SECONDS, nonNegative(Duration.between(requestedAt, now)));
  }

  /** An interceptor for the AWS SDK clients: {@code rootbot_aws_call_seconds} by service, operation and outcome. */
  public ExecutionInterceptor awsCalls() {
    return new AwsCallTimer(this);
  }

  /** The value of a counter, for tests and logs; 0 when never counted. */
  public long value(String name, String... labels) {
    Counter counter = counters.get(new Key(name, labels));
    return counter == null ? 0 : (long) counter.count();
  }

  /** How many durations a histogram holds, for tests; 0 when nothing was recorded. */
  public long recorded(String name, String... labels) {
    Timer timer = timers.get(new Key(name, labels));
    return timer == null ? 0 : timer.count();
  }

  /** Every metric in Prometheus' text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  private Timer timer(String name, String... labels) {
    return timers.computeIfAbsent(new Key(name, labels), key -> Timer.builder(strip(name, SECONDS))
        .description(help.get(name))
        .tags(key.tags())
        .serviceLevelObjectives(BUCKETS.toArray(Duration[]::new))
        .register(registry));
  }

  /** Clocks of two machines (or a test's clock) may disagree; a negative lag is none. */
  private static Duration nonNegative(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  /** The resident set size from /proc (Linux), or -1 where there is none. */
  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc is not mounted
    }
    return -1;
  }

  private static String strip(String name, String suffix) {
    if (!name.endsWith(suffix)) {
      throw new IllegalArgumentException("a metric like " + name + " is named with the suffix " + suffix);
    }
    return name.substring(0, name.length() - suffix.length());
  }

  @Override
  public void close() {
    gc.close();
    heapPressure.close();
    registry.getMeters().forEach(Meter::close);
    registry.close();
  }

  /** A metric's name and label pairs; equal when both are. */
  private record Key(String name, List<String> labels) {
    Key(String name, String... labels) {
      this(name, Arrays.asList(labels));
      if (labels.length % 2 != 0) {
        throw new IllegalArgumentException("labels come in name/value pairs");
      }
    }

    Tags tags() {
      return Tags.of(labels.toArray(String[]::new));
    }
  }
}
