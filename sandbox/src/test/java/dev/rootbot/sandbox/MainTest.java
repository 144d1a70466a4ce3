package dev.rootbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rootbot.sandbox.slack.SlackWorkspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code java … dev.rootbot.sandbox.Main aws|slack --port N …}, run as a real process. */
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

  @Test
  void slack_starts_the_demo_workspace_prints_how_to_reach_it_and_sends_to_the_bot_url() throws Exception {
    var received = new CompletableFuture<Map<String, String>>();
    HttpServer bot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bot.createContext("/slack/events", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.complete(Map.of("body", body,
          "timestamp", exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
          "signature", exchange.getRequestHeaders().getFirst("X-Slack-Signature")));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    bot.start();
    Process process = main("slack", "--port", "0", "--bot-url",
        "http://127.0.0.1:" + bot.getAddress().getPort() + "/slack/events");
    try {
      List<String> lines = lines(process, 5);
      Matcher base = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(lines.get(0));
      assertThat(base.find()).as(lines.toString()).isTrue();
      Map<String, String> printed = new java.util.HashMap<>();
      lines.stream().map(String::strip).filter(l -> l.matches("[A-Z_]+=.*"))
          .forEach(l -> printed.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
      assertThat(printed).containsEntry("SLACK_API_URL", base.group(1) + "/api/")
          .containsEntry("SLACK_BOT_TOKEN", SlackWorkspace.BOT_TOKEN)
          .containsEntry("SLACK_SIGNING_SECRET", SlackWorkspace.SIGNING_SECRET);

      var http = HttpClient.newHttpClient();
      var auth = http.send(HttpRequest.newBuilder(URI.create(printed.get("SLACK_API_URL") + "auth.test"))
          .header("Authorization", "Bearer " + printed.get("SLACK_BOT_TOKEN"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(auth.body()).contains("\"ok\":true", "\"team_id\":\"" + SlackWorkspace.TEAM_ID + "\"");

      // alice types /root help on the sandbox page: the workspace signs it and sends it to the bot URL.
      http.send(HttpRequest.newBuilder(URI.create(base.group(1) + "/page/api/command"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"as\":\"" + SlackWorkspace.ALICE.id()
              + "\",\"command\":\"/root\",\"text\":\"help\",\"channel\":\"" + SlackWorkspace.INCIDENT_42 + "\"}"))
          .build(), HttpResponse.BodyHandlers.discarding());
      Map<String, String> request = received.get(30, TimeUnit.SECONDS);
      assertThat(request.get("body")).contains("command=%2Froot", "text=help", "user_id=" + SlackWorkspace.ALICE.id());
      assertThat(request.get("signature")).isEqualTo(hmac(printed.get("SLACK_SIGNING_SECRET"),
          "v0:" + request.get("timestamp") + ":" + request.get("body")));
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
      bot.stop(0);
    }
  }

  @Test
  void slack_arguments_parse_into_a_command_or_a_usage_error() throws Exception {
    assertThat(SlackCommand.parse("slack", "--port", "3001")).isEqualTo(new SlackCommand(3001, Optional.empty()));
    assertThat(SlackCommand.parse("slack", "--bot-url", "http://127.0.0.1:3000/slack/events", "--port", "0"))
        .isEqualTo(new SlackCommand(0, Optional.of(URI.create("http://127.0.0.1:3000/slack/events"))));
    assertThatThrownBy(() -> SlackCommand.parse("slack")).hasMessageContaining("--port is required");
    assertThatThrownBy(() -> SlackCommand.parse("slack", "--port", "0", "--bot-url", "ftp://x/y"))
        .hasMessageContaining("--bot-url takes the bot's events URL");
    assertThatThrownBy(() -> SlackCommand.parse("slack", "--port", "0", "--bot-url"))
        .hasMessageContaining("--bot-url needs a value");
    assertThatThrownBy(() -> SlackCommand.parse("slack", "--port", "-1")).hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> SlackCommand.parse("aws", "--port", "0")).hasMessageContaining("unknown command 'aws'");
  }

  @Test
  void slack_with_a_bad_flag_prints_the_usage_and_exits_with_2() throws Exception {
    Process process = main("slack", "--port", "0", "--seed", "x.json");

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr).contains("unknown argument '--seed'").contains("java -jar sandbox.jar slack --port N");
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v0=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
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
    lines.addAll(lines(process, 3));
    Matcher matcher = ENDPOINT.matcher(lines.get(0));
    assertThat(matcher.find()).as(lines.toString()).isTrue();
    return URI.create(matcher.group(1));
  }

  /** The first {@code count} lines the process prints, waiting up to a minute for them. */
  private static List<String> lines(Process process, int count) throws Exception {
    var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < count; i++) {
          lines.add(reader.readLine());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).get(60, TimeUnit.SECONDS);
    return lines;
  }
}
