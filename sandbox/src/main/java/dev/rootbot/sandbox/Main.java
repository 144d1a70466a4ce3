package dev.rootbot.sandbox;

import dev.rootbot.sandbox.aws.SimulatedAws;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Runs a sandbox stand-in from the command line:
 * {@code java -jar sandbox/target/sandbox.jar aws --port N [--seed FILE]} or
 * {@code java -jar sandbox/target/sandbox.jar slack --port N [--bot-url URL]}.
 *
 * <p>Bad arguments print the usage and exit with status 2; a seed that cannot be read or is invalid exits
 * with status 1.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: java -jar sandbox.jar aws --port N [--seed FILE | --generate N] [--nothing-enabled] [--latency-ms MS]",
      "                                          [--rate-limit OP=RATE[/account]]... [--retain N]",
      "       java -jar sandbox.jar slack --port N [--bot-url URL]",
      "  aws                   run the simulated AWS organization (STS, IAM, S3, SQS, Organizations, CloudTrail)",
      "  slack                 run the simulated Slack workspace (Web API, response URLs, the demo people and channels)",
      "  --port N              listen on 127.0.0.1:N (0 picks a free port)",
      "  --seed FILE           start from this seed file instead of the demo organization (see sandbox/README.md)",
      "  --generate N          a generated organization of N member accounts (1-100000)",
      "  --nothing-enabled     no trusted access, no root access features (to test /root enable)",
      "  --latency-ms MS       add MS to every call",
      "  --rate-limit OP=RATE  e.g. sts:AssumeRoot=50, or 'iam:*=10/account' for each calling account; repeatable",
      "  --retain N            keep at least N recorded calls and N CloudTrail events (default 100000)",
      "  --bot-url URL         the bot's /slack/events, where the workspace's people send signed requests");

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/rootbot/sandbox/sandbox-logback.xml");
    }
    if (args.length > 0 && args[0].equals("slack")) {
      SlackCommand command = parsed(SlackCommand::parse, args);
      SlackWorkspace slack = started("the simulated Slack workspace", command::start);
      SlackCommand.announce(slack, command.botUrl(), System.out);
    } else {
      SimulatedAws aws = started("the simulated AWS", parsed(AwsCommand::parse, args)::start);
      announce(aws, System.out);
    }
    new CountDownLatch(1).await(); // serve until the process is stopped
  }

  /** How a command reads its arguments. */
  private interface Parser<C> {
    C parse(String... args) throws UsageError;
  }

  /** The command, or the usage and exit status 2. */
  private static <C> C parsed(Parser<C> parser, String[] args) {
    try {
      return parser.parse(args);
    } catch (UsageError e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      throw new IllegalStateException("exited", e);
    }
  }

  /** The started stand-in, closed when the process stops; or the reason and exit status 1. */
  private static <T extends AutoCloseable> T started(String what, Supplier<T> start) {
    T standIn;
    try {
      standIn = start.get();
    } catch (RuntimeException e) {
      System.err.println("cannot start " + what + ": " + e.getMessage());
      System.exit(1);
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        standIn.close();
      } catch (Exception e) {
        System.err.println("error while stopping " + what + ": " + e.getMessage());
      }
    }, "sandbox-shutdown"));
    return standIn;
  }

  static void announce(SimulatedAws aws, PrintStream out) {
    out.println("Simulated AWS organization " + aws.organization().id() + " listening on " + aws.endpoint());
    out.println("  management account " + aws.organization().managementAccountId()
        + ", caller key " + aws.managementKey().accessKeyId());
    out.println("  state: " + aws.endpoint() + "/_sandbox/state   events: " + aws.endpoint() + "/_sandbox/events");
    out.flush();
  }
}
