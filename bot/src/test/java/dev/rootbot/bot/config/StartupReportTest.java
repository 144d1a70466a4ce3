package dev.rootbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rootbot.bot.Main;
import dev.rootbot.bot.Rootbot;
import dev.rootbot.bot.store.StoreFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A store that cannot be opened at start is reported like any configuration problem: what, where, no password. */
class StartupReportTest {
  /** Nothing listens on port 1; the password must never be printed. */
  private static final String UNREACHABLE = "jdbc:postgresql://127.0.0.1:1/rootbot?user=rootbot&password=s3cretZ&connectTimeout=2";

  private static Map<String, String> env(String store) {
    var env = new HashMap<String, String>();
    env.put("SLACK_BOT_TOKEN", "xoxb-startup-report-token");
    env.put("SLACK_SIGNING_SECRET", "startup-report-signing-secret");
    env.put("SLACK_API_URL", "http://127.0.0.1:9/api/");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
    env.put("PORT", "0");
    env.put("ROOTBOT_STORE", store);
    return env;
  }

  @Test
  void a_store_failure_becomes_a_configuration_problem_naming_the_store_without_its_password() {
    var failure = new StoreFailure("POSTGRES store: Unable to parse URL " + UNREACHABLE);

    ConfigError report = ConfigError.store(UNREACHABLE, failure);

    assertThat(report.problems()).singleElement().asString()
        .startsWith("ROOTBOT_STORE: cannot open the store jdbc:postgresql://127.0.0.1:1/rootbot?user=rootbot&password=***")
        .contains("Unable to parse URL", "Is the database running and reachable")
        .doesNotContain("s3cretZ");
  }

  @Test
  void the_cause_of_a_store_failure_is_named_too() {
    var failure = new StoreFailure("POSTGRES store: The connection attempt failed.",
        new java.net.UnknownHostException("rootbot:s3cretZ@db"));

    ConfigError report = ConfigError.store("jdbc:postgresql://rootbot:s3cretZ@db/rootbot", failure);

    assertThat(report.getMessage()).contains("The connection attempt failed", "UnknownHostException")
        .doesNotContain("s3cretZ");
  }

  @Test
  void an_unreachable_postgresql_store_stops_the_start_with_a_configuration_error() {
    var key = AwsBasicCredentials.create("AKIASTARTUPREPORT", "startup-report-secret");

    ConfigError error = catchThrowableOfType(ConfigError.class, () -> Rootbot.start(Config.fromEnvironment(env(UNREACHABLE)),
        StaticCredentialsProvider.create(key), Clock.systemUTC()));

    assertThat(error.problems()).singleElement().asString().startsWith("ROOTBOT_STORE: cannot open the store")
        .contains("127.0.0.1:1").doesNotContain("s3cretZ");
  }

  @ParameterizedTest
  @ValueSource(strings = {UNREACHABLE, "jdbc:postgresql://127.0.0.1:notaport/rootbot?user=rootbot&password=s3cretZ",
      "jdbc:postgresql://rootbot:s3cretZ@127.0.0.1:1/rootbot?connectTimeout=2",
      // The driver reads "s3cretZ@nosuchhost.invalid" as the port, and logs it through java.util.logging.
      "jdbc:postgresql://rootbot:s3cretZ@nosuchhost.invalid/rootbot"})
  void main_prints_the_report_and_exits_1_without_a_stack_trace_or_the_password(String store) throws Exception {
    Path output = Files.createTempFile("rootbot-start", ".log");
    try {
      var command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
          System.getProperty("java.class.path"), Main.class.getName(), "serve");
      var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      builder.environment().putAll(env(store));
      builder.environment().put("AWS_ACCESS_KEY_ID", "AKIASTARTUPREPORT");
      builder.environment().put("AWS_SECRET_ACCESS_KEY", "startup-report-secret");
      Process child = builder.start();
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new AssertionError("the bot did not stop: " + Files.readString(output));
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);

      assertThat(child.exitValue()).as(printed).isEqualTo(1);
      assertThat(printed).contains("Rootbot cannot start:", "ROOTBOT_STORE: cannot open the store")
          .doesNotContain("s3cretZ", "\tat ", "Exception in thread");
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
