package dev.rootbot.sandbox;

import dev.rootbot.sandbox.aws.Seed;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.nio.file.Path;
import java.util.Optional;

/** The {@code aws} command: the port to listen on and the seed file, if any, parsed from the arguments. */
record AwsCommand(int port, Optional<Path> seed) {

  static AwsCommand parse(String... args) throws UsageError {
    if (args.length == 0 || !args[0].equals("aws")) {
      throw new UsageError(args.length == 0 ? "name a command" : "unknown command '" + args[0] + "'");
    }
    Integer port = null;
    Optional<Path> seed = Optional.empty();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--port":
          port = port(value(args, i++));
          break;
        case "--seed":
          seed = Optional.of(Path.of(value(args, i++)));
          break;
        default:
          throw new UsageError("unknown argument '" + args[i] + "'");
      }
    }
    if (port == null) {
      throw new UsageError("--port is required");
    }
    return new AwsCommand(port, seed);
  }

  SimulatedAws start() {
    return SimulatedAws.start(seed.map(Seed::read).orElseGet(Seed::demo), port);
  }

  static String value(String[] args, int flag) throws UsageError {
    if (flag + 1 >= args.length) {
      throw new UsageError(args[flag] + " needs a value");
    }
    return args[flag + 1];
  }

  static int port(String text) throws UsageError {
    try {
      int port = Integer.parseInt(text);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageError("--port takes a port number from 0 to 65535, not '" + text + "'");
    }
  }
}
