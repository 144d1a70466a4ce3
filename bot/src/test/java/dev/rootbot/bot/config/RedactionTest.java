package dev.rootbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every form ROOTBOT_STORE (or a URL) may take, and how it prints: what is not known to be harmless is hidden. */
class RedactionTest {

  static Stream<Arguments> forms() {
    return Stream.of(
        arguments("sqlite:rootbot.db", "sqlite:rootbot.db"),
        arguments("sqlite:/var/lib/rootbot/rootbot.db", "sqlite:/var/lib/rootbot/rootbot.db"),
        arguments("jdbc:sqlite:rootbot.db", "jdbc:sqlite:rootbot.db"),
        arguments("jdbc:sqlite:file:rootbot.db?cipher=sqlcipher&key=s3cret", "jdbc:sqlite:file:rootbot.db?cipher=***&key=***"),
        arguments("jdbc:postgresql://db:5432/rootbot", "jdbc:postgresql://db:5432/rootbot"),
        arguments("jdbc:postgresql://db:5432/rootbot?user=rootbot", "jdbc:postgresql://db:5432/rootbot?user=rootbot"),
        arguments("jdbc:postgresql://db:5432/rootbot?user=rootbot&password=s3cret",
            "jdbc:postgresql://db:5432/rootbot?user=rootbot&password=***"),
        arguments("jdbc:postgresql://db/rootbot?password=s3cret&user=rootbot&sslmode=require",
            "jdbc:postgresql://db/rootbot?password=***&user=rootbot&sslmode=require"),
        arguments("jdbc:postgresql://db/rootbot?user=rootbot&PASSWORD=s3cret", "jdbc:postgresql://db/rootbot?user=rootbot&PASSWORD=***"),
        arguments("jdbc:postgresql://db/rootbot?PGPASSWORD=s3cret", "jdbc:postgresql://db/rootbot?PGPASSWORD=***"),
        arguments("jdbc:postgresql://db/rootbot?sslpassword=s3cret&sslkey=/etc/rootbot/key.pk8",
            "jdbc:postgresql://db/rootbot?sslpassword=***&sslkey=/etc/rootbot/key.pk8"),
        arguments("jdbc:postgresql://db/rootbot?user=rootbot&password=s3%26cr%3Det",
            "jdbc:postgresql://db/rootbot?user=rootbot&password=***"),
        arguments("jdbc:postgresql://db/rootbot?user=rootbot&password=s3cret#and-more",
            "jdbc:postgresql://db/rootbot?user=rootbot&password=***"),
        arguments("jdbc:postgresql://db/rootbot?user=rootbot;password=s3cret", "jdbc:postgresql://db/rootbot?user=rootbot;password=***"),
        arguments("jdbc:postgresql://db/rootbot?options=-c%20password%3Ds3cret", "jdbc:postgresql://db/rootbot?options=***"),
        arguments("jdbc:postgresql://db/rootbot?user=rootbot&s3cret", "jdbc:postgresql://db/rootbot?user=rootbot&***"),
        arguments("jdbc:postgresql://db/rootbot?user=rootbot&password=", "jdbc:postgresql://db/rootbot?user=rootbot&password="),
        arguments("jdbc:postgresql://rootbot:s3cret@db/rootbot", "jdbc:postgresql://rootbot:***@db/rootbot"),
        arguments("jdbc:postgresql://rootbot:s3@cr/et@db:5432/rootbot", "jdbc:postgresql://rootbot:***@db:5432/rootbot"),
        arguments("jdbc:postgresql://rootbot@db/rootbot", "jdbc:postgresql://rootbot@db/rootbot"),
        arguments("postgres://rootbot:s3cret@db/rootbot", "postgres://rootbot:***@db/rootbot"),
        arguments("postgresql://rootbot:s3cret@db:5432/rootbot?sslmode=require",
            "postgresql://rootbot:***@db:5432/rootbot?sslmode=require"),
        arguments("rootbot:s3cret@db:5432/rootbot", "rootbot:***@db:5432/rootbot"),
        arguments("jdbc:mysql://db/rootbot?user=rootbot&password=s3cret", "jdbc:mysql://db/rootbot?user=rootbot&password=***"),
        arguments("host=db user=rootbot password=s3cret dbname=rootbot", "host=db user=rootbot password=*** dbname=rootbot"),
        arguments("host=db password = 's3 cret' dbname=rootbot", "host=db password = *** dbname=rootbot"),
        arguments("s3cret", "***"),
        arguments("", ""),
        arguments("https://hooks.example.com/api/?token=s3cret", "https://hooks.example.com/api/?token=***"),
        arguments("http://admin:s3cret@localhost:4566", "http://admin:***@localhost:4566"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("forms")
  void a_configuration_value_prints_without_its_secrets(String value, String printed) {
    assertThat(Redaction.of(value)).isEqualTo(printed);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("forms")
  void text_that_repeats_a_value_or_its_secrets_in_any_form_is_scrubbed(String value, String printed) {
    String message = "Could not open " + value + " (host " + value.replace("@", " at ") + ")";

    String scrubbed = Redaction.scrub(message, Redaction.secretsIn(value));

    assertThat(scrubbed).doesNotContain("s3cret", "s3 cret", "s3%26cr%3Det", "s3&cr=et", "s3@cr/et");
    assertThat(scrubbed).startsWith("Could not open " + printed);
  }

  static Stream<Arguments> driverMessages() {
    // What the PostgreSQL driver (42.7) puts in its exceptions, checked by hand against a real server.
    return Stream.of(
        arguments("jdbc:postgresql://127.0.0.1:notaport/test?user=postgres&password=s3cretE",
            "POSTGRES store: Unable to parse URL jdbc:postgresql://127.0.0.1:notaport/test?user=postgres&password=s3cretE"),
        arguments("jdbc:postgresql://postgres:s3cretF@127.0.0.1:5432/test",
            "POSTGRES store: The connection attempt failed. (UnknownHostException: postgres:s3cretF@127.0.0.1)"),
        arguments("jdbc:postgresql://127.0.0.1:5499/test?user=postgres&password=s3cretB",
            "POSTGRES store: Connection to 127.0.0.1:5499 refused. Check that the hostname and port are correct"),
        arguments("jdbc:postgresql://db/test?user=x&password=s3cretG&sslmode=bogus", "Invalid sslmode value: bogus"),
        arguments("jdbc:postgresql://db/test?user=x&password=s3cretH", "FATAL: password authentication failed for user \"x\""),
        arguments("jdbc:postgresql://db/test?user=x&password=s3cretI",
            "No suitable driver found for jdbc:postgresql://db/test?user=x&password=s3cretI"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("driverMessages")
  void what_the_postgresql_driver_says_is_scrubbed_of_the_password(String location, String message) {
    String scrubbed = Redaction.scrub(message, Redaction.secretsIn(location));

    assertThat(scrubbed).doesNotContainPattern("s3cret[A-Z]");
    assertThat(scrubbed).contains(message.substring(0, 20));
  }

  @Test
  void a_url_in_prose_is_redacted_without_the_punctuation_after_it() {
    String message = "cannot open jdbc:postgresql://db/x?user=u&password=p1: Unable to parse URL jdbc:postgresql://db/x?"
        + "user=u&password=p2. (see postgres://u:p3@db)";

    assertThat(Redaction.scrub(message, List.of())).isEqualTo("cannot open jdbc:postgresql://db/x?user=u&password=***:"
        + " Unable to parse URL jdbc:postgresql://db/x?user=u&password=***. (see postgres://u:***@db)");
  }

  @Test
  void passwords_written_as_pairs_in_prose_are_hidden_without_knowing_them() {
    assertThat(Redaction.scrub("failed: password=s3cret, then PGPASSWORD: 's3 cret' and secret=\"s3cret\"", List.of()))
        .isEqualTo("failed: password=***, then PGPASSWORD: *** and secret=***");
  }
}
