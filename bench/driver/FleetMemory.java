import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.slack.BotResponse;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/fleet-memory.sh's driver: the bot as its own process (the tree's ./rootbot launcher, so with its JVM flags),
 * a simulated AWS organization of BENCH_ACCOUNTS generated member accounts and a Slack workspace in this JVM; alice
 * asks `/root audit all` under an approval policy that runs audits without approval, and the driver samples the
 * bot's resident memory every 100 ms until the audit's summary is in the thread. It prints the wall time, the peak
 * resident set (VmHWM) and the largest sample.
 *
 *   java -cp sandbox/target/sandbox.jar bench/driver/FleetMemory.java TREE
 */
public final class FleetMemory {
  static final int ACCOUNTS = Integer.parseInt(env("BENCH_ACCOUNTS", "10000"));
  static final long LATENCY_MS = Long.parseLong(env("BENCH_AWS_LATENCY_MS", "0"));
  static final double PATIENCE_SECONDS = Double.parseDouble(env("BENCH_PATIENCE_SECONDS", "1800"));
  static final String CHANNEL = SlackWorkspace.INCIDENT_42;
  static final String POLICY = String.join("\n",
      "version: 1",
      "rules:",
      "  - name: audits run without approval",
      "    tasks: [audit-root-credentials, audit-fleet]",
      "    accounts: [\"*\"]",
      "    requesters: [\"*\"]",
      "    quorum: 0",
      "  - name: everything else needs one approver",
      "    tasks: [\"*\"]",
      "    accounts: [\"*\"]",
      "    requesters: [\"*\"]",
      "    approvers: [U0BOB0000]",
      "    quorum: 1",
      "");

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    Path workdir = Files.createTempDirectory("rootbot-fleet-memory-");
    System.out.printf(Locale.ROOT, "Fleet memory: /root audit all over %,d generated accounts, %d ms on every AWS"
        + " call (logs in %s)%n", ACCOUNTS, LATENCY_MS, workdir);
    SimulatedAws aws = SimulatedAws.start(Seed.generated(ACCOUNTS), 0);
    aws.latency(Duration.ofMillis(LATENCY_MS));
    aws.retain(1_000); // the simulator's own record of calls, not the bot's memory, must not grow with the fleet
    SlackWorkspace slack = SlackWorkspace.onFreePort();
    Process bot = null;
    try {
      Path policy = workdir.resolve("policy.yaml");
      Files.writeString(policy, POLICY);
      int port;
      try (var socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      var builder = new ProcessBuilder(tree.resolve("rootbot").toString(), "serve").directory(tree.toFile())
          .redirectErrorStream(true).redirectOutput(workdir.resolve("rootbot.log").toFile());
      Map<String, String> env = builder.environment();
      env.put("SLACK_BOT_TOKEN", slack.botToken());
      env.put("SLACK_SIGNING_SECRET", SlackWorkspace.SIGNING_SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("PORT", String.valueOf(port));
      env.put("ROOTBOT_POLICY", policy.toString());
      env.put("ROOTBOT_STORE", "sqlite:" + workdir.resolve("rootbot.db"));
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
      env.put("AWS_ACCESS_KEY_ID", aws.managementKey().accessKeyId());
      env.put("AWS_SECRET_ACCESS_KEY", aws.managementKey().secretAccessKey());
      bot = builder.start();
      awaitHealthy(bot, port, workdir);
      slack.connectBot(URI.create("http://127.0.0.1:" + port + "/slack/events"), SlackWorkspace.SIGNING_SECRET);
      long rssBefore = status(bot, "VmRSS");

      long started = System.nanoTime();
      BotResponse ack = slack.as(SlackWorkspace.ALICE).slashCommand("/root", "audit all", CHANNEL);
      if (!ack.acknowledged()) {
        throw new IllegalStateException("the bot did not acknowledge /root audit all: " + ack.body());
      }
      long maxSample = 0;
      long deadline = started + (long) (PATIENCE_SECONDS * 1e9);
      Message summary = null;
      while (summary == null) {
        if (!bot.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("no audit summary within " + PATIENCE_SECONDS + " s; see "
              + workdir.resolve("rootbot.log"));
        }
        maxSample = Math.max(maxSample, status(bot, "VmRSS"));
        summary = slack.messages(CHANNEL).stream()
            .filter(m -> m.fromBot() && m.isReply() && m.allText().contains("Audit done"))
            .findFirst().orElse(null);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      // The report's CSV and JSON are built and uploaded after the progress says done: keep sampling through that.
      for (int i = 0; i < 100; i++) {
        maxSample = Math.max(maxSample, status(bot, "VmRSS"));
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      if (System.getenv().getOrDefault("ROOTBOT_JAVA_OPTS", "").contains("NativeMemoryTracking")) {
        // Where the resident memory went, when the launcher was told to track it.
        var nmt = new ProcessBuilder("jcmd", String.valueOf(bot.pid()), "VM.native_memory", "summary")
            .redirectErrorStream(true).redirectOutput(workdir.resolve("rootbot.nmt.txt").toFile()).start();
        nmt.waitFor(60, TimeUnit.SECONDS);
        System.out.println("native memory at the end: " + workdir.resolve("rootbot.nmt.txt"));
      }
      System.out.printf(Locale.ROOT, "| accounts | wall time | RSS before | peak RSS (VmHWM) | largest 100 ms sample |%n");
      System.out.printf(Locale.ROOT, "|---|---|---|---|---|%n");
      System.out.printf(Locale.ROOT, "| %,d | %.1f s | %d MB | %d MB | %d MB |%n", ACCOUNTS, seconds,
          rssBefore / 1024, status(bot, "VmHWM") / 1024, maxSample / 1024);
    } finally {
      if (bot != null) {
        bot.destroy();
        bot.waitFor(30, TimeUnit.SECONDS);
        bot.destroyForcibly();
      }
      slack.close();
      aws.close();
    }
    System.exit(0);
  }

  static void awaitHealthy(Process bot, int port, Path workdir) throws InterruptedException {
    var http = HttpClient.newHttpClient();
    var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
        .timeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!bot.isAlive()) {
        throw new IllegalStateException("the bot exited; see " + workdir.resolve("rootbot.log"));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the bot was not ready within 120 s; see " + workdir.resolve("rootbot.log"));
  }

  /** A line of /proc/PID/status in kB, e.g. VmRSS or VmHWM. */
  static long status(Process bot, String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + bot.pid() + "/status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
