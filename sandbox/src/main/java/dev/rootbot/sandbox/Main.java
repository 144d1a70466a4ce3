package dev.rootbot.sandbox;

import dev.rootbot.sandbox.aws.SimulatedAws;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox stand-in from the command line:
 * {@code java -jar sandbox/target/sandbox.jar aws --port N [--seed FILE]}.
 *
 * <p>Bad arguments print the usage and exit with status 2; a seed that cannot be read or is invalid exits
 * with status 1.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: java -jar sandbox.jar aws --port N [--seed FILE]",
      "  aws            run the simulated AWS organization (STS, IAM, S3, SQS, Organizations, CloudTrail)",
      "  --port N       listen on 127.0.0.1:N (0 picks a free port)",
      "  --seed FILE    start from this seed file instead of the demo organization (see sandbox/README.md)");

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/rootbot/sandbox/sandbox-logback.xml");
    }
    AwsCommand command;
    try {
      command = AwsCommand.parse(args);
    } catch (UsageError e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    SimulatedAws aws;
    try {
      aws = command.start();
    } catch (RuntimeException e) {
      System.err.println("cannot start the simulated AWS: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(aws::close, "sandbox-aws-shutdown"));
    announce(aws, System.out);
    new CountDownLatch(1).await(); // serve until the process is stopped
  }

  static void announce(SimulatedAws aws, PrintStream out) {
    out.println("Simulated AWS organization " + aws.organization().id() + " listening on " + aws.endpoint());
    out.println("  management account " + aws.organization().managementAccountId()
        + ", caller key " + aws.managementKey().accessKeyId());
    out.println("  state: " + aws.endpoint() + "/_sandbox/state   events: " + aws.endpoint() + "/_sandbox/events");
    out.flush();
  }
}
