import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Change;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/pipeline.sh's driver: for each Rootbot tree given, a simulated AWS organization and Slack workspace (in this
 * JVM) and the bot as its own process, started with the tree's ./rootbot launcher. Then, tree after tree in each
 * phase: cold start; signed /root requests at a target rate for a while → time until each card is posted; approve
 * clicks at the target rate → time until each result is posted in the card's thread; requests until the bot has
 * filed BENCH_RSS_REQUESTS, then a GC, for its resident memory. The bot's CPU comes from /proc/PID/stat.
 *
 *   java -cp sandbox/target/sandbox.jar bench/driver/Pipeline.java LABEL=TREE[=JAVA_OPTS] …
 *
 * <p>One file, longer than our classes usually are, on purpose: Java's source launcher runs it with the sandbox
 * jar on the class path, so the driver needs no build and no project of its own.
 */
public final class Pipeline {
  static final double SECONDS = number("BENCH_SECONDS", 60);
  static final double RATE = number("BENCH_RATE", 200);
  static final double DRAIN = number("BENCH_DRAIN_SECONDS", 120);
  static final int WARMUP = (int) number("BENCH_WARMUP_REQUESTS", 300);
  static final int RSS_REQUESTS = (int) number("BENCH_RSS_REQUESTS", 10_000);
  /** Latency the simulated AWS adds to every call (the preview's AssumeRoot and read included). */
  static final long AWS_LATENCY_MS = (long) number("BENCH_AWS_LATENCY_MS", 0);
  static final String ACCOUNT = "222222222222";
  static final int SENDERS = 64;
  static final String CHANNEL = SlackWorkspace.INCIDENT_42;
  static final Pattern BENCH = Pattern.compile("bench (\\d+)");
  static final long TICKS = 100; // USER_HZ on Linux

  public static void main(String[] args) throws Exception {
    Path workdir = Files.createTempDirectory("rootbot-pipeline-");
    List<Setup> setups = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> setups.forEach(Setup::close)));
    System.out.printf(Locale.ROOT, "Pipeline: %.0f s at %.0f requests/s, then %.0f s of approvals; memory after %d"
        + " requests; %d ms on every AWS call (logs in %s)%n", SECONDS, RATE, SECONDS, RSS_REQUESTS, AWS_LATENCY_MS,
        workdir);
    for (String arg : args) {
      String[] parts = arg.split("=", 3); // LABEL=TREE, or LABEL=TREE=JAVA_OPTS to replace the launcher's JVM flags
      setups.add(new Setup(parts[0], Path.of(parts[1]), parts.length > 2 ? parts[2] : null, workdir));
    }
    for (Setup s : setups) {
      s.start();
      System.out.printf(Locale.ROOT, "  %s: ready in %.2f s (process start to /healthz 200; %.2f s at the jar's first"
          + " start), pid %d%n", s.label, s.coldStart, s.firstStart, s.bot.pid());
    }
    for (Setup s : setups) {
      s.warmUp();
    }
    for (Setup s : setups) {
      s.cards = s.cardsPhase();
      System.out.println("  " + s.label + " cards: " + s.cards.summary());
    }
    for (Setup s : setups) {
      s.runs = s.runsPhase();
      System.out.println("  " + s.label + " runs:  " + s.runs.summary());
    }
    for (Setup s : setups) {
      s.memoryPhase();
      System.out.printf(Locale.ROOT, "  %s memory: peak RSS %d MB, %d MB after %d requests and a GC%n", s.label,
          s.peakRssMb, s.rssAfterGcMb, s.filed.get());
    }
    report(setups);
    setups.forEach(Setup::close);
    System.exit(0);
  }

  static void report(List<Setup> setups) {
    System.out.println();
    System.out.println("| bot | phase | sent | busy | unanswered | done | done/s while sending | drained after | p50 ms "
        + "| p90 ms | p99 ms | max ms | ack p99 ms | ack max ms | bot CPU (of one core) | bot share of busy CPU |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Setup s : setups) {
      System.out.println(s.cards.row(s.label, "request → card"));
      System.out.println(s.runs.row(s.label, "approve → result"));
    }
    System.out.println();
    System.out.println("| bot | first start of the jar to /healthz | cold start to /healthz | peak RSS"
        + " | RSS after N requests + GC | N |");
    System.out.println("|---|---|---|---|---|---|");
    for (Setup s : setups) {
      System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s | %d MB | %d MB | %d |%n", s.label, s.firstStart,
          s.coldStart, s.peakRssMb,
          s.rssAfterGcMb, s.filed.get());
    }
  }

  /** One bot, its own Slack workspace and AWS organization, and what was measured of it. */
  static final class Setup {
    final String label;
    final Path tree;
    final Path workdir;
    final String javaOpts;
    SimulatedAws aws;
    /** The demo's locking bucket policy, put on each request's own bucket. */
    String locking;
    SlackWorkspace slack;
    ProcessHandle bot;
    Process process;
    double firstStart;
    double coldStart;
    Phase cards;
    Phase runs;
    long peakRssMb;
    long rssAfterGcMb;
    final AtomicInteger filed = new AtomicInteger();
    final AtomicInteger counter = new AtomicInteger();
    /** bench number → nanoTime the request was due; card ts ← bench number when posted. */
    final Map<Integer, Long> asked = new ConcurrentHashMap<>();
    final Map<Integer, Long> carded = new ConcurrentHashMap<>();
    final List<String> cardTs = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Long> clicked = new ConcurrentHashMap<>();
    final Map<String, Long> resulted = new ConcurrentHashMap<>();
    final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);

    Setup(String label, Path tree, String javaOpts, Path workdir) {
      this.label = label;
      this.tree = tree;
      this.javaOpts = javaOpts;
      this.workdir = workdir;
    }

    void start() throws Exception {
      aws = SimulatedAws.start(Seed.demo(), 0);
      aws.latency(Duration.ofMillis(AWS_LATENCY_MS));
      locking = aws.buckets().policy(ACCOUNT, "payments-audit-logs").orElseThrow();
      slack = SlackWorkspace.onFreePort();
      slack.onChange(this::seen);
      int port;
      try (var socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      // A first start of this jar, stopped once ready: ./rootbot records the classes it loaded into an archive when
      // it stops, which every later start maps. The measured bot is the second start, on a store of its own.
      firstStart = launch(port, ".first");
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      coldStart = launch(port, "");
      slack.connectBot(URI.create("http://127.0.0.1:" + port + "/slack/events"), SlackWorkspace.SIGNING_SECRET);
    }

    /** Starts the bot on a new store; returns the seconds from the process's start to /healthz's first 200. */
    private double launch(int port, String logSuffix) throws Exception {
      Path store = Files.createTempDirectory(workdir, "store-");
      var builder = new ProcessBuilder(tree.resolve("rootbot").toString(), "serve").directory(tree.toFile())
          .redirectErrorStream(true).redirectOutput(workdir.resolve(label + logSuffix + ".log").toFile());
      Map<String, String> env = builder.environment();
      env.put("SLACK_BOT_TOKEN", slack.botToken());
      env.put("SLACK_SIGNING_SECRET", SlackWorkspace.SIGNING_SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("PORT", String.valueOf(port));
      env.put("ROOTBOT_APPROVERS", SlackWorkspace.BOB.id() + "," + SlackWorkspace.APPROVERS);
      env.put("ROOTBOT_STORE", "sqlite:" + store.resolve("rootbot.db"));
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
      env.put("AWS_ACCESS_KEY_ID", aws.managementKey().accessKeyId());
      env.put("AWS_SECRET_ACCESS_KEY", aws.managementKey().secretAccessKey());
      if (javaOpts != null) {
        env.put("ROOTBOT_JAVA_OPTS", javaOpts.isBlank() ? " " : javaOpts);
      }
      long started = System.nanoTime();
      process = builder.start();
      bot = process.toHandle();
      var http = HttpClient.newHttpClient();
      var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
          .timeout(Duration.ofSeconds(1)).build();
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(label + " exited; see " + workdir.resolve(label + logSuffix + ".log"));
        }
        try {
          if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          LockSupport.parkNanos(5_000_000);
        }
        if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(120)) {
          throw new IllegalStateException(label + " was not ready within 120 s");
        }
      }
      return (System.nanoTime() - started) / 1e9;
    }

    /** Records cards and results as Slack receives them; runs on the bot's request thread in the workspace. */
    void seen(Change change) {
      long now = System.nanoTime();
      if (change.kind() != Change.Kind.MESSAGE_POSTED || !change.channel().equals(CHANNEL)) {
        return;
      }
      Message message = slack.message(CHANNEL, change.id()).orElse(null);
      if (message == null || !message.fromBot()) {
        return;
      }
      if (message.isReply()) {
        String text = message.allText();
        if (text.contains("Done: ") || text.contains("Failed: ")) {
          resulted.putIfAbsent(message.threadTs().orElseThrow(), now);
        }
      } else if (message.actionIds().contains("approve")) {
        Matcher m = BENCH.matcher(message.allText());
        if (m.find() && carded.putIfAbsent(Integer.parseInt(m.group(1)), now) == null) {
          cardTs.add(message.ts());
        }
      }
    }

    void warmUp() {
      System.out.println("  " + label + ": warm-up, " + WARMUP + " requests and approvals");
      Phase warm = new Phase(bot);
      sendCommands(warm, Math.min(RATE, 100), WARMUP / Math.min(RATE, 100));
      awaitCards(warm, 60);
      List<String> cards = new ArrayList<>(cardTs);
      clickAll(new Phase(bot), cards.subList(0, Math.min(cards.size(), WARMUP / 2)), Math.min(RATE, 100), 60);
      cardTs.clear();
    }

    Phase cardsPhase() {
      Phase phase = new Phase(bot);
      sendCommands(phase, RATE, SECONDS);
      awaitCards(phase, DRAIN);
      phase.finish();
      return phase;
    }

    Phase runsPhase() {
      List<String> cards = new ArrayList<>(cardTs);
      cardTs.clear();
      Phase phase = new Phase(bot);
      clickAll(phase, cards.subList(0, Math.min(cards.size(), (int) (RATE * SECONDS))), RATE, DRAIN);
      phase.finish();
      return phase;
    }

    /** Files requests (at most 64 waiting for their cards, so none is turned away) up to RSS_REQUESTS, then a GC. */
    void memoryPhase() throws Exception {
      var room = new Semaphore(64);
      var waiting = new ConcurrentHashMap<Integer, Boolean>();
      Phase phase = new Phase(bot);
      while (filed.get() < RSS_REQUESTS) {
        waiting.keySet().removeIf(k -> {
          if (carded.containsKey(k)) {
            room.release();
            return true;
          }
          return false;
        });
        if (!room.tryAcquire(20, TimeUnit.MILLISECONDS)) {
          continue;
        }
        int n = counter.incrementAndGet();
        waiting.put(n, true);
        senders.execute(() -> {
          BotResponse ack = command(phase, n);
          if (!filedBy(ack) && waiting.remove(n) != null) {
            room.release();
          }
        });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos((long) DRAIN);
      while (!waiting.keySet().stream().allMatch(carded::containsKey) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(50_000_000);
      }
      peakRssMb = status("VmHWM") / 1024;
      var jcmd = new ProcessBuilder("jcmd", String.valueOf(bot.pid()), "GC.run").redirectErrorStream(true)
          .redirectOutput(new File("/dev/null")).start();
      jcmd.waitFor(60, TimeUnit.SECONDS);
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
      rssAfterGcMb = status("VmRSS") / 1024;
      if (javaOpts != null && javaOpts.contains("NativeMemoryTracking")) {
        // Where the resident memory goes, when the bot was started with -XX:NativeMemoryTracking=summary.
        var nmt = new ProcessBuilder("jcmd", String.valueOf(bot.pid()), "VM.native_memory", "summary")
            .redirectErrorStream(true).redirectOutput(workdir.resolve(label + ".nmt.txt").toFile()).start();
        nmt.waitFor(60, TimeUnit.SECONDS);
        System.out.println("  " + label + " native memory: " + workdir.resolve(label + ".nmt.txt"));
      }
    }

    long status(String key) throws IOException {
      for (String line : Files.readAllLines(Path.of("/proc/" + bot.pid() + "/status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return -1;
    }

    /** Sends requests at `rate` for `seconds`, open loop: each is due at its time whatever the answers before it. */
    void sendCommands(Phase phase, double rate, double seconds) {
      long period = (long) (1e9 / rate);
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      for (long due = start; due < end; due += period) {
        LockSupport.parkNanos(due - System.nanoTime());
        int n = counter.incrementAndGet();
        long dueAt = due;
        asked.put(n, dueAt);
        phase.sent.incrementAndGet();
        senders.execute(() -> command(phase, n));
      }
      phase.sendingEnded = System.nanoTime();
    }

    /**
     * Each request unlocks a locked bucket of its own, created just before it is asked: the preview must find a
     * policy to show (a bucket already unlocked is answered "nothing to do", with no card), and each approved run
     * must find the policy its approver saw (one shared bucket would be "changed since approval" for all but one).
     */
    BotResponse command(Phase phase, int n) {
      String bucket = "rootbot-bench-" + n;
      aws.buckets().create(ACCOUNT, bucket, "us-east-1");
      aws.buckets().setPolicy(ACCOUNT, bucket, locking.replace("payments-audit-logs", bucket));
      BotResponse ack = slack.as(SlackWorkspace.ALICE).slashCommand("/root",
          "unlock bucket " + bucket + " in account prod-payments region us-east-1 because INC-42 bench " + n, CHANNEL);
      phase.acks.add(ack.elapsed().toNanos());
      if (filedBy(ack)) {
        filed.incrementAndGet();
        phase.expected.add(n);
      } else {
        phase.refused(ack);
      }
      return ack;
    }

    static boolean filedBy(BotResponse ack) {
      return ack.acknowledged() && ack.body().contains("Checking your request");
    }

    void awaitCards(Phase phase, double patience) {
      long deadline = System.nanoTime() + (long) (patience * 1e9);
      // The last requests' acks may still be on their way: only an acked request is expected to get a card.
      while (System.nanoTime() < deadline && phase.acks.size() < phase.sent.get()) {
        LockSupport.parkNanos(5_000_000);
      }
      while (System.nanoTime() < deadline && !new ArrayList<>(phase.expected).stream().allMatch(carded::containsKey)) {
        LockSupport.parkNanos(20_000_000);
      }
      for (int n : new ArrayList<>(phase.expected)) {
        Long card = carded.get(n);
        if (card != null) {
          phase.latencies.add(card - asked.get(n));
          phase.lastDone = Math.max(phase.lastDone, card);
          phase.inWindow += card <= phase.sendingEnded ? 1 : 0;
        }
      }
    }

    void clickAll(Phase phase, List<String> cards, double rate, double patience) {
      long period = (long) (1e9 / rate);
      long due = System.nanoTime();
      for (String ts : cards) {
        LockSupport.parkNanos(due - System.nanoTime());
        long dueAt = due;
        phase.sent.incrementAndGet();
        clicked.put(ts, dueAt);
        senders.execute(() -> {
          BotResponse ack = slack.as(SlackWorkspace.BOB).click(CHANNEL, ts, "approve");
          phase.acks.add(ack.elapsed().toNanos());
          if (ack.acknowledged() && !ack.body().contains("is busy right now")) {
            phase.clickedCards.add(ts);
          } else {
            phase.refused(ack);
          }
        });
        due += period;
      }
      phase.sendingEnded = System.nanoTime();
      long deadline = System.nanoTime() + (long) (patience * 1e9);
      while (System.nanoTime() < deadline && phase.acks.size() < phase.sent.get()) {
        LockSupport.parkNanos(5_000_000);
      }
      while (System.nanoTime() < deadline && !new ArrayList<>(phase.clickedCards).stream().allMatch(resulted::containsKey)) {
        LockSupport.parkNanos(20_000_000);
      }
      for (String ts : new ArrayList<>(phase.clickedCards)) {
        Long result = resulted.get(ts);
        if (result != null) {
          phase.latencies.add(result - clicked.get(ts));
          phase.lastDone = Math.max(phase.lastDone, result);
          phase.inWindow += result <= phase.sendingEnded ? 1 : 0;
        }
      }
    }

    void close() {
      senders.shutdownNow();
      if (process != null && process.isAlive()) {
        process.destroy();
        try {
          process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
      }
      if (slack != null) {
        slack.close();
      }
      if (aws != null) {
        aws.close();
      }
    }
  }

  /** What one phase sent and saw, with the bot's CPU and the machine's over it. */
  static final class Phase {
    final ProcessHandle bot;
    final long started = System.nanoTime();
    final long botCpuBefore;
    final long[] machineBefore;
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger busy = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    int sentAtEnd;
    int busyAtEnd;
    int unansweredAtEnd;
    final List<Integer> expected = Collections.synchronizedList(new ArrayList<>());
    final List<String> clickedCards = Collections.synchronizedList(new ArrayList<>());
    final List<Long> acks = Collections.synchronizedList(new ArrayList<>());
    final List<Long> latencies = new ArrayList<>();
    long sendingEnded;
    long lastDone;
    int inWindow;
    double botCpu;
    double botShare;
    double wall;

    Phase(ProcessHandle bot) {
      this.bot = bot;
      this.botCpuBefore = botTicks(bot);
      this.machineBefore = machineTicks();
    }

    /** A request the bot did not take: "busy", or no 2xx answer within Slack's 3 seconds. */
    void refused(BotResponse ack) {
      (ack.acknowledged() ? busy : unanswered).incrementAndGet();
    }

    void finish() {
      sentAtEnd = sent.get();
      busyAtEnd = busy.get();
      unansweredAtEnd = unanswered.get();
      long end = Math.max(lastDone, sendingEnded);
      wall = (end - started) / 1e9;
      long botTicks = botTicks(bot) - botCpuBefore;
      long[] machine = machineTicks();
      long busyTicks = (machine[0] - machineBefore[0]) - (machine[1] - machineBefore[1]);
      botCpu = botTicks / (double) TICKS / ((System.nanoTime() - started) / 1e9);
      botShare = busyTicks == 0 ? 0 : botTicks / (double) busyTicks;
    }

    String summary() {
      return String.format(Locale.ROOT, "sent %d, busy %d, unanswered %d, done %d (%.1f/s while sending), p50 %.0f ms,"
          + " p99 %.0f ms, bot CPU %.0f%% of a core", sentAtEnd, busyAtEnd, unansweredAtEnd, latencies.size(), perSecond(),
          percentile(latencies, 50), percentile(latencies, 99), botCpu * 100);
    }

    double perSecond() {
      return inWindow / ((sendingEnded - started) / 1e9);
    }

    String row(String label, String what) {
      double drained = lastDone == 0 ? 0 : Math.max(0, (lastDone - sendingEnded) / 1e9);
      return String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.1f | %.1f s | %.0f | %.0f | %.0f | %.0f "
          + "| %.1f | %.1f | %.0f%% | %.0f%% |", label, what, sentAtEnd, busyAtEnd, unansweredAtEnd, latencies.size(),
          perSecond(), drained,
          percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), percentile(latencies, 100),
          percentile(new ArrayList<>(acks), 99), percentile(new ArrayList<>(acks), 100), botCpu * 100, botShare * 100);
    }
  }

  static double percentile(List<Long> nanos, double p) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
  }

  static long botTicks(ProcessHandle bot) {
    try {
      String stat = Files.readString(Path.of("/proc/" + bot.pid() + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Total and idle (with iowait) ticks of the whole machine, from /proc/stat. */
  static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
    } catch (IOException e) {
      return new long[] {0, 0};
    }
  }

  static double number(String name, double fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
  }
}
