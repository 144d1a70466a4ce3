package dev.rootbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code rootbot sandbox}'s command line: clear messages instead of stack traces. */
class SandboxModeTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SandboxMode.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void a_port_already_in_use_is_named_with_the_flag_that_changes_it() throws Exception {
    try (var taken = new ServerSocket(0)) {
      int exit = run("--port", String.valueOf(taken.getLocalPort()));

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("port " + taken.getLocalPort() + " is already in use", "--port N")
          .doesNotContain("Exception");
    }
  }

  @Test
  void unknown_or_incomplete_options_print_the_usage() {
    assertThat(run("--colour", "red")).isEqualTo(2);
    assertThat(run("--port")).isEqualTo(2);
    assertThat(run("--port", "http")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: rootbot", "takes a port number");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void the_banner_says_where_to_go_and_who_to_be() {
    try (SandboxMode sandbox = SandboxMode.start(0, 0, 0)) {
      assertThat(sandbox.banner()).contains("http://localhost:" + sandbox.slack.port() + "/", "alice", "bob",
          "/root unlock bucket payments-audit-logs in account prod-payments", "Ctrl-C");
    }
  }
}
