package dev.rootbot.sandbox;

import dev.rootbot.sandbox.aws.Limit;
import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code aws} command, parsed from the arguments: the port, what to start from (the demo organization, a
 * seed file, or a generated organization of N member accounts), whether centralized root access starts off,
 * the latency added to every call, the request-rate limits, and how many calls and CloudTrail events to keep.
 *
 * <pre>
 * aws --port N [--seed FILE | --generate N] [--nothing-enabled] [--latency-ms MS]
 *     [--rate-limit OP=RATE[/account]]... [--retain N]
 * </pre>
 */
record AwsCommand(int port, Optional<Path> seed, OptionalInt generate, boolean nothingEnabled, Duration latency,
    List<Limit> limits, OptionalInt retain) {

  AwsCommand {
    limits = List.copyOf(limits);
  }

  /** The demo organization or a seed file, with nothing else changed. */
  AwsCommand(int port, Optional<Path> seed) {
    this(port, seed, OptionalInt.empty(), false, Duration.ZERO, List.of(), OptionalInt.empty());
  }

  static AwsCommand parse(String... args) throws UsageError {
    if (args.length == 0 || !args[0].equals("aws")) {
      throw new UsageError(args.length == 0 ? "name a command" : "unknown command '" + args[0] + "'");
    }
    Integer port = null;
    Optional<Path> seed = Optional.empty();
    OptionalInt generate = OptionalInt.empty();
    boolean nothingEnabled = false;
    Duration latency = Duration.ZERO;
    List<Limit> limits = new ArrayList<>();
    OptionalInt retain = OptionalInt.empty();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = number(args[i], value(args, i++), 0, 65535, "a port number from 0 to 65535");
          break;
        case "--seed":
          seed = Optional.of(Path.of(value(args, i++)));
          break;
        case "--generate":
          generate = OptionalInt.of(number(args[i], value(args, i++), 1, 100_000,
              "a number of member accounts from 1 to 100000"));
          break;
        case "--nothing-enabled":
          nothingEnabled = true;
          break;
        case "--latency-ms":
          latency = Duration.ofMillis(number(args[i], value(args, i++), 0, 600_000,
              "a number of milliseconds from 0 to 600000"));
          break;
        case "--rate-limit":
          limits.add(limit(value(args, i++)));
          break;
        case "--retain":
          retain = OptionalInt.of(number(args[i], value(args, i++), 1, 100_000_000,
              "how many recorded calls and CloudTrail events to keep, from 1 to 100000000"));
          break;
        default:
          throw new UsageError("unknown argument '" + args[i] + "'");
      }
    }
    if (port == null) {
      throw new UsageError("--port is required");
    }
    if (seed.isPresent() && generate.isPresent()) {
      throw new UsageError("--seed and --generate cannot be used together: start from a seed file or from a "
          + "generated organization");
    }
    return new AwsCommand(port, seed, generate, nothingEnabled, latency, limits, retain);
  }

  SimulatedAws start() {
    Seed start = generate.isPresent() ? Seed.generated(generate.getAsInt())
        : seed.map(Seed::read).orElseGet(Seed::demo);
    SimulatedAws aws = SimulatedAws.start(nothingEnabled ? start.withNothingEnabled() : start, port);
    aws.latency(latency);
    limits.forEach(aws.limits()::add);
    retain.ifPresent(aws::retain);
    return aws;
  }

  static String value(String[] args, int flag) throws UsageError {
    if (flag + 1 >= args.length) {
      throw new UsageError(args[flag] + " needs a value");
    }
    return args[flag + 1];
  }

  static int port(String text) throws UsageError {
    return number("--port", text, 0, 65535, "a port number from 0 to 65535");
  }

  private static int number(String flag, String text, int min, int max, String what) throws UsageError {
    try {
      int number = Integer.parseInt(text);
      if (number < min || number > max) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new UsageError(flag + " takes " + what + ", not '" + text + "'");
    }
  }

  private static Limit limit(String text) throws UsageError {
    try {
      return Limit.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageError("--rate-limit: " + e.getMessage());
    }
  }
}
