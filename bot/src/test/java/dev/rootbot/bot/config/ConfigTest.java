package dev.rootbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.bot.logging.LogFormat;
import dev.rootbot.bot.request.ChannelId;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private static final Map<String, String> HTTP = Map.of(
      "SLACK_BOT_TOKEN", "xoxb-1-2-abc", "SLACK_SIGNING_SECRET", "shh-secret", "AWS_REGION", "eu-west-1");

  @Test
  void defaults_follow_the_design() {
    Config config = Config.fromEnvironment(HTTP);
    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.command()).isEqualTo("/root");
    assertThat(config.store()).isEqualTo("sqlite:rootbot.db");
    assertThat(config.requestTtl()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.slack().apiUrl()).hasToString("https://slack.com/api/");
    assertThat(config.slack().socketMode()).isFalse();
    assertThat(config.aws().sessionLength()).isEqualTo(Duration.ofSeconds(900));
    assertThat(config.aws().region().code()).isEqualTo("eu-west-1");
  }

  @Test
  void http_mode_without_a_signing_secret_refuses_to_start() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "AWS_REGION", "us-east-1")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("SLACK_SIGNING_SECRET is required");
  }

  @Test
  void socket_mode_needs_no_signing_secret() {
    Config config = Config.fromEnvironment(Map.of(
        "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-2", "AWS_REGION", "us-east-1"));
    assertThat(config.slack().socketMode()).isTrue();
  }

  @Test
  void every_problem_is_reported_at_once() {
    var env = Map.of("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_APP_TOKEN", "bad", "PORT", "99999",
        "ROOTBOT_COMMAND", "root", "ROOTBOT_STORE", "mysql://x", "ROOTBOT_REQUEST_TTL_MINUTES", "-1",
        "AWS_REGION", "aws-global", "AWS_ENDPOINT_URL", "not a url");
    assertThatThrownBy(() -> Config.fromEnvironment(env))
        .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.problems()).hasSize(8));
  }

  @Test
  void tokens_and_secrets_never_print() {
    var env = new java.util.HashMap<>(HTTP);
    env.put("SLACK_APP_TOKEN", "xapp-very-secret");
    String printed = Config.fromEnvironment(env).toString();
    assertThat(printed).doesNotContain("xoxb-1-2-abc", "shh-secret", "xapp-very-secret").contains("***");
  }

  @Test
  void the_log_format_is_text_or_json_and_anything_else_is_refused() {
    assertThat(Config.fromEnvironment(HTTP).logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(Config.fromEnvironment(with("ROOTBOT_LOG_FORMAT", "JSON")).logFormat()).isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> Config.fromEnvironment(with("ROOTBOT_LOG_FORMAT", "xml")))
        .isInstanceOf(ConfigError.class).hasMessageContaining("ROOTBOT_LOG_FORMAT must be text or json; got xml");
  }

  @Test
  void the_replica_is_named_by_its_host_and_process_unless_told() {
    assertThat(Config.fromEnvironment(with("HOSTNAME", "ip-10-0-1-7")).replica().id().value())
        .isEqualTo("ip-10-0-1-7-" + ProcessHandle.current().pid());
    assertThat(Config.fromEnvironment(with("ROOTBOT_REPLICA_ID", "blue-2")).replica().id().value()).isEqualTo("blue-2");
    assertThatThrownBy(() -> Config.fromEnvironment(with("ROOTBOT_REPLICA_ID", "a b")))
        .isInstanceOf(ConfigError.class).hasMessageContaining("ROOTBOT_REPLICA_ID must be");
  }

  @Test
  void the_alert_channel_is_a_channel_id_and_optional() {
    assertThat(Config.fromEnvironment(HTTP).alertChannel()).isEmpty();
    assertThat(Config.fromEnvironment(with("ROOTBOT_ALERT_CHANNEL", " C0AUDIT42 ")).alertChannel())
        .contains(new ChannelId("C0AUDIT42"));
    assertThat(Config.fromEnvironment(with("ROOTBOT_ALERT_CHANNEL", "G0PRIVATE1")).alertChannel())
        .contains(new ChannelId("G0PRIVATE1"));
    for (String wrong : new String[] {"#rootbot-audit", "rootbot-audit", "D0DIRECT1", "c0audit42"}) {
      assertThatThrownBy(() -> Config.fromEnvironment(with("ROOTBOT_ALERT_CHANNEL", wrong)))
          .isInstanceOf(ConfigError.class).hasMessageContaining("ROOTBOT_ALERT_CHANNEL must be a channel ID like C024BE91L")
          .hasMessageContaining("got " + wrong);
    }
  }

  private static Map<String, String> with(String name, String value) {
    var env = new java.util.HashMap<>(HTTP);
    env.put(name, value);
    return env;
  }

  static java.util.stream.Stream<String> storeForms() {
    return java.util.stream.Stream.of("sqlite:rootbot.db", "sqlite:/tmp/rootbot-test.db",
        "jdbc:postgresql://db:5432/rootbot?user=rootbot&password=s3cret",
        "jdbc:postgresql://db/rootbot?password=s3cret&user=rootbot", "jdbc:postgresql://rootbot:s3cret@db/rootbot",
        "jdbc:postgresql://db/rootbot?sslpassword=s3cret&sslkey=/k.pk8", "jdbc:postgresql://db/rootbot?PGPASSWORD=s3cret",
        "jdbc:postgresql://db/rootbot?user=rootbot;password=s3cret", "jdbc:postgresql://db/rootbot?password=s3%26cret");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("storeForms")
  void the_configuration_never_prints_the_stores_password(String store) {
    var env = new java.util.HashMap<>(HTTP);
    env.put("ROOTBOT_STORE", store);

    Config config = Config.fromEnvironment(env);

    assertThat(config.store()).isEqualTo(store);
    assertThat(config.toString()).doesNotContain("s3cret", "s3%26cret").contains("store=");
    assertThat(config.scrub("could not open " + store)).doesNotContain("s3cret", "s3%26cret");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"postgres://rootbot:s3cret@db/rootbot",
      "postgresql://rootbot:s3cret@db:5432/rootbot", "jdbc:mysql://db/rootbot?user=u&password=s3cret",
      "host=db user=rootbot password=s3cret", "s3cret", "rootbot:s3cret@db:5432/rootbot", "mysql://x?token=s3cret"})
  void a_malformed_store_is_refused_without_printing_its_password(String store) {
    var env = new java.util.HashMap<>(HTTP);
    env.put("ROOTBOT_STORE", store);

    assertThatThrownBy(() -> Config.fromEnvironment(env))
        .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.problems()).singleElement().asString()
            .startsWith("ROOTBOT_STORE must be sqlite:PATH or a jdbc:postgresql://… URL; got ")
            .doesNotContain("s3cret"));
  }

  @org.junit.jupiter.api.Test
  void text_is_scrubbed_of_every_token_and_secret_the_configuration_holds() {
    var env = new java.util.HashMap<>(HTTP);
    env.put("SLACK_APP_TOKEN", "xapp-very-secret");
    env.put("ROOTBOT_STORE", "jdbc:postgresql://db/rootbot?user=rootbot&password=s3cret");
    Config config = Config.fromEnvironment(env);

    String scrubbed = config.scrub("tokens xoxb-1-2-abc and xapp-very-secret, secret shh-secret, password s3cret");

    assertThat(scrubbed).isEqualTo("tokens *** and ***, secret ***, password ***");
  }

  @org.junit.jupiter.api.Test
  void urls_in_other_settings_print_without_their_credentials() {
    var env = new java.util.HashMap<>(HTTP);
    env.put("SLACK_API_URL", "http://user:s3cret@slack.example.com/api/");
    env.put("AWS_ENDPOINT_URL", "http://admin:s3cret@localhost:4566");

    assertThat(Config.fromEnvironment(env).toString()).doesNotContain("s3cret").contains("admin:***@localhost:4566");
    env.put("SLACK_API_URL", "not a url:s3cret@");
    assertThatThrownBy(() -> Config.fromEnvironment(env)).hasMessageNotContaining("s3cret");
  }
}
