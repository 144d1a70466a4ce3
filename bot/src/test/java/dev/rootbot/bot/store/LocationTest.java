package dev.rootbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ROOTBOT_STORE: what it accepts, and what it says about what it refuses. */
class LocationTest {

  static Stream<Arguments> accepted() {
    return Stream.of(
        arguments("a SQLite file", "sqlite:rootbot.db", Dialect.SQLITE, "jdbc:sqlite:rootbot.db"),
        arguments("a SQLite file with a path", "sqlite:/var/lib/rootbot/rootbot.db", Dialect.SQLITE,
            "jdbc:sqlite:/var/lib/rootbot/rootbot.db"),
        arguments("a SQLite JDBC URL", " jdbc:sqlite:rootbot.db ", Dialect.SQLITE, "jdbc:sqlite:rootbot.db"),
        arguments("a PostgreSQL URL", "jdbc:postgresql://db:5432/rootbot?user=rootbot&password=s3cret",
            Dialect.POSTGRES, "jdbc:postgresql://db:5432/rootbot?user=rootbot&password=s3cret"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void a_store_location_is_read_from_the_environment(String description, String value, Dialect dialect, String url) {
    Location location = Location.parse(value);

    assertThat(location.dialect()).isEqualTo(dialect);
    assertThat(location.jdbcUrl()).isEqualTo(url);
    assertThat(location.toString()).doesNotContain("s3cret");
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        arguments("nothing", "", "got a value starting with \"\""),
        arguments("a URL without jdbc:", "postgres://rootbot:s3cret@db/rootbot", "starting with \"postgres:\""),
        arguments("MySQL", "jdbc:mysql://db/rootbot?password=s3cret", "starting with \"jdbc:\""),
        arguments("SQLite without a path", "sqlite:", "ROOTBOT_STORE is sqlite:PATH"),
        arguments("in-memory SQLite", "sqlite::memory:", "cannot be shared by connections"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void a_wrong_store_location_is_refused_without_repeating_secrets(String description, String value, String message) {
    IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class, () -> Location.parse(value));

    assertThat(error).hasMessageContaining(message).hasMessageStartingWith("ROOTBOT_STORE is sqlite:PATH");
    assertThat(error.getMessage()).doesNotContain("s3cret");
  }
}
