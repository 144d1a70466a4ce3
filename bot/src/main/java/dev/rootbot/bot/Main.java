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
      "       rootbot sandbox [--port 3000] [--bot-port N] [--aws-port N]",
      "                            the bot, a simulated AWS organization and a Slack-like page, no accounts needed",
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
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
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
