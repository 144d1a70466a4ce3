package dev.rootbot.bot;


import dev.rootbot.bot.config.Config;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.slack.Message;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real bot against the sandbox's Slack workspace and simulated AWS organization, over HTTP, with its own
 * SQLite store: what a user meets, end to end.
 */
public final class Sandboxed implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(20);

  public final SimulatedAws aws;
  public final SlackWorkspace slack;
  public Rootbot bot;
  private final Path dir;
  private final Map<String, String> env;
  private final Clock clock;

  private Sandboxed(Seed seed, Map<String, String> overrides, Clock clock, boolean startBot) {
    this.clock = clock;
    this.aws = SimulatedAws.start(seed);
    this.slack = SlackWorkspace.start(0, clock);
    try {
      this.dir = Files.createTempDirectory("rootbot-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_SIGNING_SECRET", SlackWorkspace.SIGNING_SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("PORT", "0");
    env.put("ROOTBOT_APPROVERS", SandboxMode.APPROVERS);
    env.put("ROOTBOT_STORE", "sqlite:" + dir.resolve("rootbot.db"));
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
    // One replica restarted is the same replica: what it ran before a crash is orphaned at once, not after a lease.
    env.put("ROOTBOT_REPLICA_ID", "sandboxed-bot");
    env.putAll(overrides);
    env.values().removeIf(String::isEmpty); // an empty override removes the variable
    if (startBot) {
      startBot();
    }
  }

  public static Sandboxed start() {
    return new Sandboxed(Seed.demo(), Map.of(), Clock.systemUTC(), true);
  }

  /** The workspace and the organization, without a bot yet. */
  public static Sandboxed withoutBot() {
    return new Sandboxed(Seed.demo(), Map.of(), Clock.systemUTC(), false);
  }

  public static Sandboxed start(Seed seed, Map<String, String> env, Clock clock) {
    return new Sandboxed(seed, env, clock, true);
  }

  /** The workspace and the organization {@code seed} with {@code env} for the bots to come, without a bot yet. */
  public static Sandboxed withoutBot(Seed seed, Map<String, String> env) {
    return new Sandboxed(seed, env, Clock.systemUTC(), false);
  }

  /** The workspace and the organization with {@code env} for the bots to come, without a bot yet. */
  public static Sandboxed withoutBot(Map<String, String> env) {
    return new Sandboxed(Seed.demo(), env, Clock.systemUTC(), false);
  }

  /** Starts the bot (again) on the same store, as a restart would. */
  public Rootbot startBot() {
    var key = aws.managementKey();
    bot = Rootbot.start(Config.fromEnvironment(env),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())), clock);
    if (env.containsKey("SLACK_APP_TOKEN")) {
      slack.awaitSocketMode(WAIT);
    } else {
      slack.connectBot(URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"), SlackWorkspace.SIGNING_SECRET);
    }
    return bot;
  }

  /** The approval card of the newest request in {@code channel}, once posted. */
  public Message card(String channel) {
    return slack.awaitMessage(channel, m -> m.fromBot() && m.actionIds().contains("approve"), WAIT);
  }

  /**
   * Starts the bot in a child JVM on {@code port}, connected to the workspace, so a test can kill it as a crash
   * would (SIGKILL: no shutdown hook, no draining). The in-process bot, if any, must be closed first.
   */
  public Process startBotProcess(int port) {
    return startBotProcess(port, Map.of(), "child.log", true);
  }

  /**
   * Starts a bot in a child JVM on {@code port} with {@code overrides} on top of this sandbox's environment,
   * logging to {@code log} in this sandbox's folder; {@code connect} points the workspace at it once it is up.
   */
  public Process startBotProcess(int port, Map<String, String> overrides, String log, boolean connect) {
    var command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve");
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
    builder.environment().putAll(env);
    builder.environment().putAll(overrides);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("AWS_ACCESS_KEY_ID", aws.managementKey().accessKeyId());
    builder.environment().put("AWS_SECRET_ACCESS_KEY", aws.managementKey().secretAccessKey());
    try {
      Process child = builder.start();
      var http = java.net.http.HttpClient.newHttpClient();
      var health = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline) && child.isAlive()) {
        try {
          if (http.send(health, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            if (connect) {
              slack.connectBot(URI.create("http://127.0.0.1:" + port + "/slack/events"), SlackWorkspace.SIGNING_SECRET);
            }
            return child;
          }
        } catch (IOException notYet) {
          LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
      }
      child.destroyForcibly();
      throw new AssertionError("the bot's child JVM did not come up; its log: " + Files.readString(dir.resolve(log)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The file a child JVM logs to. */
  public Path logOf(String log) {
    return dir.resolve(log);
  }

  /** A TCP port that nothing listens on now, for a child bot to take. */
  public static int freePort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Where {@link #startBotProcess} writes the child's standard output and error. */
  public Path childLog() {
    return dir.resolve("child.log");
  }

  /** The bot's store, opened separately (as a second replica would), to read what a child JVM recorded. */
  public dev.rootbot.bot.store.Store openStore() {
    return dev.rootbot.bot.store.Store.open(env.get("ROOTBOT_STORE"), clock);
  }

  /** Does {@code action}, then waits for the new card it makes in {@code channel} (at the top level or in a thread). */
  public Message nextCard(String channel, Runnable action) {
    String before = latestTs(channel);
    action.run();
    return slack.awaitMessage(channel, m -> m.fromBot() && m.actionIds().contains("approve") && m.ts().compareTo(before) > 0,
        WAIT);
  }

  private String latestTs(String channel) {
    return slack.messages(channel).stream().map(Message::ts).max(String::compareTo).orElse("0");
  }

  /** The stored request behind {@code card}, once it matches: polled, for states Slack does not show. */
  public RootRequest awaitRequest(Message card, Predicate<RootRequest> matching) {
    var id = java.util.regex.Pattern.compile("r-[a-z2-7]{10}").matcher(card.allText());
    if (!id.find()) {
      throw new AssertionError("no request ID on the card: " + card.allText());
    }
    RequestId requestId = RequestId.parse(id.group());
    Instant deadline = Instant.now().plus(WAIT);
    Optional<RootRequest> seen = Optional.empty();
    while (Instant.now().isBefore(deadline)) {
      seen = bot.store().requests().find(requestId);
      if (seen.filter(matching).isPresent()) {
        return seen.get();
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new AssertionError("request " + requestId + " did not match within " + WAIT + "; it is " + seen);
  }

  /**
   * The AssumeRoot calls that opened a root session to run a task, since {@code card} was posted: a preview's
   * session is opened before its card, so it is not among them.
   */
  public List<dev.rootbot.sandbox.aws.RecordedCall> runSessionsSince(Message card) {
    String[] parts = card.ts().split("\\.");
    Instant posted = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]) * 1_000);
    return aws.calls().withAction("sts:AssumeRoot").stream().filter(call -> !call.time().isBefore(posted)).toList();
  }

  /** The card as it is now. */
  public Message current(Message card) {
    return slack.message(card.channel(), card.ts()).orElseThrow();
  }

  /** Waits for the card to show {@code text}. */
  public Message awaitCard(Message card, String text) {
    return slack.awaitMessage(card.channel(), m -> m.ts().equals(card.ts()) && m.allText().contains(text), WAIT);
  }

  /** Waits for a reply in the card's thread. */
  public Message awaitReply(Message card, Predicate<Message> matching) {
    return slack.awaitReply(card.channel(), card.ts(), matching, WAIT);
  }

  @Override
  public void close() {
    if (bot != null) {
      bot.close();
    }
    slack.close();
    aws.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // temporary
    }
  }
}
