package dev.rootbot.actions.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rootbot.actions.fleet.AccountAudit;
import dev.rootbot.actions.fleet.AuditOutcome;
import dev.rootbot.actions.fleet.Cancellation;
import dev.rootbot.actions.fleet.ConcurrencyBounds;
import dev.rootbot.actions.fleet.FleetAudit;
import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.actions.fleet.TargetAccount;
import dev.rootbot.actions.org.OrganizationFeatures;
import dev.rootbot.actions.org.OrganizationTree;
import dev.rootbot.actions.org.Preflight;
import dev.rootbot.actions.org.ReadinessCheck;
import dev.rootbot.actions.session.AwsClients;
import dev.rootbot.actions.session.AwsEndpoints;
import dev.rootbot.actions.session.OpenRootSession;
import dev.rootbot.actions.session.RootSession;
import dev.rootbot.actions.session.RootSessions;
import dev.rootbot.actions.session.Throttling;
import dev.rootbot.actions.task.AuditRootCredentials;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.actions.task.Backup;
import dev.rootbot.actions.task.TaskContext;
import dev.rootbot.actions.task.TaskPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The fleet audit against a generated organization in a simulated AWS of its own process, with AWS-like latency
 * and rate limits: the engine's wall time beside the ideal those limits set, the same audit done "all at once" (one
 * job per account, reads in sequence, as aws-root-manager does), and the engine's own heap while it audits a larger
 * fleet. One file, so that {@code bench/fleet.sh} runs it with the test class path. Prints its figures.
 */
public final class FleetBenchmark {
  private static final int WARM_UP = 150;
  private static final Pattern ENDPOINT = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  private final int accounts;
  private final int latencyMs;
  private final int assumeRootRate;
  private final int iamRate;
  private final int heapAccounts;
  private final String phases;

  private FleetBenchmark(Map<String, String> options) {
    accounts = Integer.parseInt(options.getOrDefault("accounts", "1000"));
    latencyMs = Integer.parseInt(options.getOrDefault("latency-ms", "20"));
    assumeRootRate = Integer.parseInt(options.getOrDefault("assume-root-rate", "50"));
    iamRate = Integer.parseInt(options.getOrDefault("iam-rate", "10"));
    heapAccounts = Integer.parseInt(options.getOrDefault("heap-accounts", "10000"));
    phases = options.getOrDefault("phases", "rates,heap");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    new FleetBenchmark(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    if (phases.contains("rates")) {
      rates();
    }
    if (phases.contains("heap") && heapAccounts > 0) {
      heap();
    }
  }

  private void rates() throws Exception {
    System.out.printf(Locale.ROOT, "Fleet audit: %,d generated accounts, %d ms on every call, AssumeRoot at %d/s,"
        + " each member account's IAM at %d/s; %d cores, load average %.1f%n", accounts, latencyMs, assumeRootRate,
        iamRate, Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage());
    List<String> limits = List.of("--latency-ms", String.valueOf(latencyMs), "--rate-limit",
        "sts:AssumeRoot=" + assumeRootRate, "--rate-limit", "iam:*=" + iamRate + "/account");

    // Warm-up, not measured: both ways once on a small fleet without limits, so that neither pays for the JIT.
    try (Sandbox aws = Sandbox.start(WARM_UP, List.of())) {
      engine(aws, WARM_UP, ConcurrencyBounds.standard(), false);
      allAtOnce(aws);
    }
    Result engine;
    try (Sandbox aws = Sandbox.start(accounts, limits)) {
      engine = engine(aws, accounts, ConcurrencyBounds.standard(), false);
    }
    Result allAtOnce;
    try (Sandbox aws = Sandbox.start(accounts, limits)) {
      allAtOnce = allAtOnce(aws);
    }
    // Ideal: AssumeRoot's bucket holds one second's calls and refills at its rate, so the last of N calls passes
    // after (N - rate) / rate s; the last account then needs its AssumeRoot and its reads' critical path
    // (ListAccessKeys, then GetAccessKeyLastUsed), each read under the account's own IAM limit, which the at most
    // seven reads of one account never reach (its bucket holds ten).
    double ideal = Math.max(0, (double) (engine.targets - assumeRootRate) / assumeRootRate) + 3 * latencyMs / 1000.0;
    System.out.println();
    System.out.println("| run | accounts | wall | ideal | ratio | throttled calls | failed (not SCP) | peak in flight"
        + " | CPU: client | CPU: simulated AWS |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    row("Rootbot's fleet audit (adaptive, at most " + ConcurrencyBounds.standard().max() + ")", engine, ideal);
    row("all at once (a job per account, reads in sequence)", allAtOnce, ideal);
    System.out.printf(Locale.ROOT, "%nIdeal = (%d AssumeRoots − %d in the full bucket) / %d/s + 3 × %d ms = %.2f s."
        + " Goal: ratio ≤ 1.3. Engine backed off %d times; %s.%n", engine.targets, assumeRootRate, assumeRootRate,
        latencyMs, ideal, engine.decreases, engine.note);
    System.out.println("All at once: " + allAtOnce.note + ".");
  }

  /** The engine's memory, in a JVM that has done nothing else (so its peak RSS is the audit's). */
  private void heap() throws Exception {
    try (Sandbox aws = Sandbox.start(heapAccounts, List.of("--latency-ms", String.valueOf(latencyMs),
        "--retain", "20000"))) {
      Result big = engine(aws, heapAccounts, ConcurrencyBounds.standard(), true);
      System.out.printf(Locale.ROOT, "Heap: %,d accounts (no rate limits, %d ms latency) audited in %.1f s; the"
          + " engine's JVM: live heap after GC at most %.1f MB (a GC at each tenth of the accounts), heap in use at"
          + " most %.1f MB, peak RSS %.0f MB (-Xmx %s); %d failed (not SCP).%n", big.targets, latencyMs,
          big.seconds, big.liveHeapMb, big.peakHeapMb, peakRssMb(), maxHeap(), big.failed);
    }
    nativeMemory();
  }

  /** With -XX:NativeMemoryTracking=summary, where the JVM's memory went besides the heap, by category. */
  private static void nativeMemory() throws IOException, InterruptedException {
    if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .noneMatch(a -> a.startsWith("-XX:NativeMemoryTracking="))) {
      return;
    }
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(ProcessHandle.current().pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    Map<String, Long> threads = new TreeMap<>();
    Thread.getAllStackTraces().keySet().forEach(t -> threads.merge(t.getName().replaceAll("\\d+", "N"), 1L, Long::sum));
    System.out.println("  live threads by name: " + threads);
    out.lines().filter(l -> l.contains("committed=") && (l.startsWith("Total") || l.startsWith("-")))
        .map(l -> l.replaceAll("\\s+", " ").strip()).forEach(l -> System.out.println("  " + l));
  }

  private record Result(int targets, double seconds, long throttled, int failed, int peak, long decreases,
      String note, double liveHeapMb, double peakHeapMb, double ownCpu, double awsCpu) {}

  private static void row(String name, Result r, double ideal) {
    System.out.printf(Locale.ROOT, "| %s | %,d | %.2f s | %.2f s | %.2f× | %,d | %,d | %d | %.1f s | %.1f s |%n", name,
        r.targets, r.seconds, ideal, r.seconds / ideal, r.throttled, r.failed, r.peak, r.ownCpu, r.awsCpu);
  }

  /** The engine as the bot would run it: results counted as they come, nothing kept. */
  private static Result engine(Sandbox aws, int n, ConcurrencyBounds bounds, boolean sampleHeap) throws Exception {
    ExecutorService workers = Executors.newCachedThreadPool();
    ExecutorService reads = Executors.newCachedThreadPool();
    ExecutorService treeReads = Executors.newFixedThreadPool(4);
    try (AwsClients clients = aws.clients()) {
      var tree = new OrganizationTree(clients.organizations(), Duration.ofMinutes(10),
          com.github.benmanes.caffeine.cache.Ticker.systemTicker(), treeReads);
      var preflight = new Preflight(tree, new OrganizationFeatures(new ReadinessCheck(clients)::features));
      List<TargetAccount> targets = FleetScope.all().targets(tree.read());
      var audit = new FleetAudit(clients, new RootSessions(clients, Duration.ofSeconds(900)), preflight, workers,
          reads, Clock.systemUTC(), bounds);
      AtomicInteger failed = new AtomicInteger();
      AtomicLong peakHeap = new AtomicLong();
      AtomicLong liveHeap = new AtomicLong();
      AtomicInteger done = new AtomicInteger();
      var sampler = Executors.newSingleThreadScheduledExecutor();
      if (sampleHeap) {
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(usedHeap(), Math::max), 0, 200,
            TimeUnit.MILLISECONDS);
      }
      double ownCpu = ownCpu();
      double awsCpu = aws.cpu();
      long start = System.nanoTime();
      AuditOutcome outcome = audit.run(targets, List.of(), (result, progress) -> {
        if (result.failure().isPresent() && !result.blockedByScp()) {
          failed.incrementAndGet();
        }
        if (sampleHeap && done.incrementAndGet() % Math.max(1, targets.size() / 10) == 0) {
          System.gc();
          liveHeap.accumulateAndGet(usedHeap(), Math::max);
        }
      }, new Cancellation());
      double seconds = (System.nanoTime() - start) / 1e9;
      ownCpu = ownCpu() - ownCpu;
      awsCpu = aws.cpu() - awsCpu;
      sampler.shutdownNow();
      var c = outcome.concurrency();
      return new Result(targets.size(), seconds, aws.throttled(), failed.get(), c.peak(), c.decreases(),
          String.format(Locale.ROOT, "its limit ended at %.1f, it heard %,d throttled attempts; %s", c.finalLimit(),
              c.throttled(), outcome.end()), liveHeap.get() / 1e6, peakHeap.get() / 1e6, ownCpu, awsCpu);
    } finally {
      workers.shutdownNow();
      reads.shutdownNow();
      treeReads.shutdownNow();
    }
  }

  /**
   * One job per account, all started at once: AssumeRoot, then the reads one after another, with the SDK's own
   * retries and nothing else, on the same shared HTTP client (at most 64 connections).
   */
  private static Result allAtOnce(Sandbox aws) throws Exception {
    try (AwsClients clients = aws.clients()) {
      var tree = new OrganizationTree(clients.organizations());
      List<TargetAccount> targets = FleetScope.all().targets(tree.read());
      var sessions = new RootSessions(clients, Duration.ofSeconds(900));
      ExecutorService jobs = Executors.newFixedThreadPool(targets.size());
      AtomicInteger failed = new AtomicInteger();
      AtomicInteger throttledToTheEnd = new AtomicInteger();
      Map<String, Integer> why = new java.util.concurrent.ConcurrentSkipListMap<>();
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger peak = new AtomicInteger();
      CountDownLatch finished = new CountDownLatch(targets.size());
      double ownCpu = ownCpu();
      double awsCpu = aws.cpu();
      long start = System.nanoTime();
      for (TargetAccount target : targets) {
        jobs.execute(() -> {
          peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try (OpenRootSession session = sessions.openReadOnly(target.id(), TaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)) {
            AuditRootCredentials.credentials(new Sequential(session));
          } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("service control policy")) {
              failed.incrementAndGet();
              if (Throttling.isThrottling(e)) {
                throttledToTheEnd.incrementAndGet();
              }
              why.merge(e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException
                  ? ((software.amazon.awssdk.awscore.exception.AwsServiceException) e).awsErrorDetails().errorCode()
                  : e.getClass().getSimpleName(), 1, Integer::sum);
            }
          } finally {
            inFlight.decrementAndGet();
            finished.countDown();
          }
        });
      }
      finished.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      ownCpu = ownCpu() - ownCpu;
      awsCpu = aws.cpu() - awsCpu;
      jobs.shutdownNow();
      return new Result(targets.size(), seconds, aws.throttled(), failed.get(), peak.get(), 0,
          String.format(Locale.ROOT, "%,d accounts failed, %,d of them still throttled after the SDK's %d attempts%s",
              failed.get(), throttledToTheEnd.get(), 4, why.isEmpty() ? "" : "; by error: " + why), 0, 0, ownCpu, awsCpu);
    }
  }

  /** A root session's reads one after another, keeping nothing. */
  private record Sequential(RootSession session) implements TaskContext {
    @Override
    public void step(String action, String detail) {}

    @Override
    public void keepBackup(Backup backup) {
      throw new IllegalStateException("an audit keeps no backup");
    }

    @Override
    public Executor parallel() {
      return Runnable::run;
    }
  }

  /** CPU seconds this JVM has used. */
  private static double ownCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String maxHeap() {
    return Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB";
  }

  private static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** The simulated AWS in a process of its own (so its heap and CPU are not the engine's), stopped on close. */
  private static final class Sandbox implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private Sandbox(Process process, URI endpoint) {
      this.process = process;
      this.endpoint = endpoint;
    }

    static Sandbox start(int accounts, List<String> options) throws IOException {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx1g", "-cp", System.getProperty("java.class.path"), "dev.rootbot.sandbox.Main", "aws", "--port", "0",
          "--generate", String.valueOf(accounts)));
      command.addAll(options);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      for (String line; System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
        Matcher m = ENDPOINT.matcher(line);
        if (m.find()) {
          drain(out);
          return new Sandbox(process, URI.create(m.group(1)));
        }
      }
      process.destroy();
      throw new IOException("the simulated AWS did not start within 120 s");
    }

    private static void drain(BufferedReader out) {
      Thread drain = new Thread(() -> {
        try {
          while (out.readLine() != null) {
            // keep its pipe empty
          }
        } catch (IOException e) {
          // it stopped
        }
      });
      drain.setDaemon(true);
      drain.start();
    }

    AwsClients clients() {
      return new AwsClients(AwsRegion.US_EAST_1, AwsEndpoints.all(endpoint), StaticCredentialsProvider.create(
          AwsBasicCredentials.create("AKIASANDBOXMANAGEMNT", "sandbox-management-secret")));
    }

    /** CPU seconds the simulated AWS's process has used. */
    double cpu() {
      return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    long throttled() throws IOException, InterruptedException {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(endpoint.resolve("/_sandbox/limits")).build(), HttpResponse.BodyHandlers.ofString());
      JsonObject json = JsonParser.parseString(answer.body()).getAsJsonObject();
      return json.get("throttledTotal").getAsLong();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
