package dev.rootbot.bot;

import dev.rootbot.bot.config.Config;
import dev.rootbot.bot.config.ConfigError;
import dev.rootbot.bot.logging.Logging;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * {@code java -jar rootbot.jar [serve]} serves Slack with the configuration in the environment;
 * {@code java -jar rootbot.jar sandbox} runs the whole flow locally against the sandbox;
 * {@code java -jar rootbot.jar policy …} checks and explains an approval policy file;
 * {@code java -jar rootbot.jar audit …} verifies, exports and anchors the audit chain.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "Usage: rootbot [serve]      serve Slack, configured by environment variables (see README)",
      "       rootbot sandbox [--port 3000] [--bot-port N] [--aws-port N] [--policy FILE]",
      "                            the bot, a simulated AWS organization and a Slack-like page, no accounts needed;",
      "                            the example approval policy unless --policy names another",
      "       rootbot policy check FILE",
      "                            check an approval policy file and print its rules in order",
      "       rootbot policy explain FILE --task T --account A --requester U [--channel C] [--in-group S…]",
      "                            which rule applies to that request, who approves it and how many",
      "       rootbot audit verify [--anchor HASH:N]",
      "                            check the audit chain of ROOTBOT_STORE and the requests against it",
      "       rootbot audit export [--since D] [--until D] [--request ID] [--account ID] [--format jsonl|csv]",
      "                            the audit entries with their hashes, to standard output",
      "       rootbot audit evidence REQUEST-ID",
      "                            one request's evidence as a JSON document: decisions, sessions, backup, outcome",
      "       rootbot audit anchor  the chain's head hash and count, posted to ROOTBOT_ALERT_CHANNEL when set",
      "       rootbot help         this text");

  /**
   * The PostgreSQL driver logs through java.util.logging to stderr, and its warnings repeat parts of the URL: a
   * password written as {@code user:password@host} comes out as "invalid port number: password@host". What the
   * driver reports as exceptions Rootbot reports scrubbed; its log is off. Held in a field because
   * java.util.logging keeps loggers only weakly, and would forget the level.
   */
  private static final java.util.logging.Logger POSTGRESQL_DRIVER_LOG = java.util.logging.Logger.getLogger("org.postgresql");

  static {
    POSTGRESQL_DRIVER_LOG.setLevel(java.util.logging.Level.OFF);
  }

  private Main() {}

  public static void main(String[] args) {
    Logging.configure(System.getenv()); // before anything logs: logback reads it once, at the first logger
    String command = args.length == 0 ? "serve" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "serve":
        serve();
        break;
      case "sandbox":
        System.exit(SandboxMode.run(rest, System.out, System.err));
        break;
      case "policy":
        System.exit(PolicyCommand.run(rest, System.getenv(), () -> DefaultCredentialsProvider.builder().build(),
            System.out, System.err));
        break;
      case "audit":
        System.exit(AuditCommand.run(rest, System.getenv(), Clock.systemUTC(), System.out, System.err));
        break;
      case "help":
      case "-h":
      case "--help":
        System.out.println(USAGE);
        break;
      default:
        System.err.println("rootbot: unknown command \"" + command + "\"\n" + USAGE);
        System.exit(2);
    }
  }

  /**
   * An unexpected failure to start, as a report rather than a stack trace: what failed and why, cause by cause.
   * The caller scrubs it, since a cause may repeat a token or the store's URL.
   */
  static String report(Throwable failure) {
    var report = new StringBuilder("Rootbot cannot start:\n  - ").append(failure.getClass().getSimpleName())
        .append(": ").append(failure.getMessage());
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      report.append("\n    because ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
    }
    return report.toString();
  }

  /** {@code kill -HUP}: read the approval policy file again; an invalid one keeps the policy in force. */
  static void reloadOnHangUp(Rootbot bot) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> bot.reloadPolicy());
    } catch (IllegalArgumentException e) {
      // No SIGHUP here (or the JVM keeps it): the policy is read at start only.
      org.slf4j.LoggerFactory.getLogger(Main.class).warn("SIGHUP cannot be handled here ({}): the approval policy"
          + " is read at start only", e.getMessage());
    }
  }

  private static void serve() {
    Config config;
    try {
      config = Config.fromEnvironment(System.getenv());
    } catch (ConfigError e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    Rootbot bot;
    try {
      bot = Rootbot.start(config, DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
    } catch (ConfigError e) {
      System.err.println(e.getMessage()); // already names the store without its password
      System.exit(1);
      return;
    } catch (RuntimeException e) {
      System.err.println(config.scrub(report(e)));
      System.exit(1);
      return;
    }
    reloadOnHangUp(bot);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      bot.close();
      stopped.countDown();
    }, "rootbot-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
