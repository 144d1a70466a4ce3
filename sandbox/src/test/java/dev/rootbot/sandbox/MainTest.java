package dev.rootbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code java … dev.rootbot.sandbox.Main aws --port N [--seed FILE]}, run as a real process. */
class MainTest {
  private static final Pattern ENDPOINT = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  @Test
  void aws_starts_the_demo_organization_on_the_port_and_answers_the_sdk() throws Exception {
    Process process = main("aws", "--port", "0");
    try {
      URI endpoint = endpoint(process);
      try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              "AKIASANDBOXMANAGEMNT", "sandbox-management-secret"))).build()) {
        assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/rootbot");
      }
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aws_starts_from_a_seed_file(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"organization\":{\"id\":\"o-fromafile01\",\"managementAccount\":"
        + "{\"id\":\"100000000000\",\"name\":\"mgmt\"}},\"callers\":[{\"account\":\"100000000000\","
        + "\"accessKeyId\":\"AKIAFROMASEEDFILE000\",\"secretAccessKey\":\"file-secret\"}]}");
    Process process = main("aws", "--port", "0", "--seed", seed.toString());
    try {
      List<String> lines = new ArrayList<>();
      endpoint(process, lines);
      assertThat(lines.get(0)).contains("o-fromafile01");
      assertThat(String.join("\n", lines)).contains("AKIAFROMASEEDFILE000").doesNotContain("file-secret");
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void a_bad_flag_prints_the_usage_and_exits_with_2() throws Exception {
    Process process = main("aws", "--port", "0", "--colour", "blue");

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr).contains("unknown argument '--colour'").contains("usage: java -jar sandbox.jar aws");
  }

  @Test
  void an_invalid_seed_exits_with_1_and_says_why(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"organization\":{\"managementAccount\":{\"id\":\"1\",\"name\":\"m\"}}}");
    Process process = main("aws", "--port", "0", "--seed", seed.toString());

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("an account ID is 12 digits");
  }

  @Test
  void arguments_parse_into_a_command_or_a_usage_error() throws Exception {
    assertThat(AwsCommand.parse("aws", "--port", "4566")).isEqualTo(new AwsCommand(4566, Optional.empty()));
    assertThat(AwsCommand.parse("aws", "--seed", "s.json", "--port", "0"))
        .isEqualTo(new AwsCommand(0, Optional.of(Path.of("s.json"))));
    assertThatThrownBy(AwsCommand::parse).isInstanceOf(UsageError.class).hasMessageContaining("name a command");
    assertThatThrownBy(() -> AwsCommand.parse("slack")).hasMessageContaining("unknown command 'slack'");
    assertThatThrownBy(() -> AwsCommand.parse("aws")).hasMessageContaining("--port is required");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port")).hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "70000")).hasMessageContaining("0 to 65535");
  }

  private static Process main(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  private static URI endpoint(Process process) throws Exception {
    return endpoint(process, new ArrayList<>());
  }

  /** Reads the announcement (three lines) and returns the endpoint it names. */
  private static URI endpoint(Process process, List<String> lines) throws Exception {
    var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Void> read = CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < 3; i++) {
          lines.add(reader.readLine());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    read.get(60, TimeUnit.SECONDS);
    Matcher matcher = ENDPOINT.matcher(lines.get(0));
    assertThat(matcher.find()).as(lines.toString()).isTrue();
    return URI.create(matcher.group(1));
  }
}
