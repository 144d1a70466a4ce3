package dev.rootbot.bot;

import dev.rootbot.bot.config.Config;
import dev.rootbot.bot.config.ConfigError;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code rootbot sandbox}: the real bot, unmodified, wired to the sandbox's Slack workspace (with its page) and
 * the simulated AWS demo organization, with a temporary store. Everything stops on Ctrl-C.
 */
final class SandboxMode implements AutoCloseable {
  /** Who may approve in the sandbox: bob by ID, and carol through the approvers user group. */
  static final String APPROVERS = SlackWorkspace.BOB.id() + "," + SlackWorkspace.APPROVERS;

  final SimulatedAws aws;
  final SlackWorkspace slack;
  final Rootbot bot;
  private final Path storeDir;

  private SandboxMode(SimulatedAws aws, SlackWorkspace slack, Rootbot bot, Path storeDir) {
    this.aws = aws;
    this.slack = slack;
    this.bot = bot;
    this.storeDir = storeDir;
  }

  /** The example approval policy the sandbox uses unless {@code --policy} names another. */
  static final String EXAMPLE_POLICY = "/sandbox-policy.yaml";

  /** Starts the three on the given ports (0 for free ones), with the example approval policy. */
  static SandboxMode start(int pagePort, int botPort, int awsPort) {
    return start(pagePort, botPort, awsPort, Optional.empty());
  }

  /** Starts the three on the given ports (0 for free ones), with {@code policy} or the example approval policy. */
  static SandboxMode start(int pagePort, int botPort, int awsPort, Optional<Path> policy) {
    SimulatedAws aws = null;
    SlackWorkspace slack = null;
    Path storeDir = null;
    try {
      aws = SimulatedAws.start(Seed.demo(), awsPort);
      slack = SlackWorkspace.onPort(pagePort);
      slack.showAws(aws.endpoint());
      storeDir = Files.createTempDirectory("rootbot-sandbox");
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SLACK_BOT_TOKEN", slack.botToken());
      env.put("SLACK_SIGNING_SECRET", SlackWorkspace.SIGNING_SECRET);
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("PORT", String.valueOf(botPort));
      Path example = storeDir.resolve("sandbox-policy.yaml");
      try (var in = SandboxMode.class.getResourceAsStream(EXAMPLE_POLICY)) {
        Files.copy(java.util.Objects.requireNonNull(in, EXAMPLE_POLICY), example);
      }
      env.put("ROOTBOT_POLICY", policy.orElse(example).toAbsolutePath().toString());
      env.put("ROOTBOT_STORE", "sqlite:" + storeDir.resolve("rootbot.db"));
      env.put("AWS_REGION", "us-east-1");
      env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
      var key = aws.managementKey();
      Rootbot bot = Rootbot.start(Config.fromEnvironment(env),
          StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())),
          Clock.systemUTC());
      slack.connectBot(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"), SlackWorkspace.SIGNING_SECRET);
      return new SandboxMode(aws, slack, bot, storeDir);
    } catch (RuntimeException | IOException e) {
      if (slack != null) {
        slack.close();
      }
      if (aws != null) {
        aws.close();
      }
      delete(storeDir);
      throw e instanceof IOException ? new UncheckedIOException((IOException) e) : (RuntimeException) e;
    }
  }

  /** The command line: parses flags, checks ports, starts, prints where to go, waits for Ctrl-C. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    int page = 3000;
    int botPort = 0;
    int awsPort = 0;
    Optional<Path> policy = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length || !(flag.equals("--port") || flag.equals("--bot-port") || flag.equals("--aws-port")
          || flag.equals("--policy"))) {
        err.println("rootbot sandbox: unknown or incomplete option \"" + flag + "\"\n" + Main.USAGE);
        return 2;
      }
      if (flag.equals("--policy")) {
        Path file = Path.of(args[++i]);
        if (!Files.isReadable(file)) {
          err.println("rootbot sandbox: --policy " + file + ": there is no such readable file");
          return 2;
        }
        policy = Optional.of(file);
        continue;
      }
      int value;
      try {
        value = Integer.parseInt(args[++i]);
        if (value < 0 || value > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        err.println("rootbot sandbox: " + flag + " takes a port number from 1 to 65535; got \"" + args[i] + "\"");
        return 2;
      }
      if (flag.equals("--port")) {
        page = value;
      } else if (flag.equals("--bot-port")) {
        botPort = value;
      } else {
        awsPort = value;
      }
    }
    for (var entry : Map.of("--port", page, "--bot-port", botPort, "--aws-port", awsPort).entrySet()) {
      if (entry.getValue() != 0 && !free(entry.getValue())) {
        err.println("rootbot sandbox: port " + entry.getValue() + " is already in use. Stop what uses it, or choose"
            + " another with " + entry.getKey() + " N.");
        return 1;
      }
    }
    SandboxMode sandbox;
    try {
      sandbox = start(page, botPort, awsPort, policy);
    } catch (ConfigError e) {
      err.println("rootbot sandbox: " + e.getMessage());
      return 1;
    }
    Main.reloadOnHangUp(sandbox.bot);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "rootbot-sandbox-shutdown"));
    out.println(sandbox.banner());
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  String banner() {
    return String.join("\n",
        "",
        "Rootbot sandbox is running. Open http://localhost:" + slack.port() + "/",
        "",
        "  Be alice (engineer) and type:",
        "    /root unlock bucket payments-audit-logs in account prod-payments because INC-42 locked us out",
        "  Then switch to bob (approver) and click Approve. carol approves too (approvers group); dave is a guest.",
        "  Approval policy: " + bot.policyFile().map(Path::toString).orElse("ROOTBOT_APPROVERS")
            + "  (/root policy tells what you may ask for; kill -HUP " + ProcessHandle.current().pid()
            + " reads it again)",
        "",
        "  Simulated AWS organization: " + aws.endpoint() + "  (demo organization o-exampleorg1)",
        "  Bot: http://127.0.0.1:" + bot.port() + "/slack/events   /healthz   /metrics",
        "",
        "Press Ctrl-C to stop everything.");
  }

  private static boolean free(int port) {
    try (var socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("0.0.0.0", port));
      return true;
    } catch (BindException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    bot.close();
    slack.close();
    aws.close();
    delete(storeDir);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory; the OS cleans it up eventually
    }
  }
}
