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
            Dialect.POSTGRES, "jdbc:postgresql://db:5432/rootbot?user=rootbot&password=s3cret"),
        arguments("a PostgreSQL URL with the password first", "jdbc:postgresql://db/rootbot?password=s3cret&user=rootbot",
            Dialect.POSTGRES, "jdbc:postgresql://db/rootbot?password=s3cret&user=rootbot"),
        arguments("a PostgreSQL URL with user and password before the host", "jdbc:postgresql://rootbot:s3cret@db/rootbot",
            Dialect.POSTGRES, "jdbc:postgresql://rootbot:s3cret@db/rootbot"),
        arguments("a PostgreSQL URL with an SSL key password", "jdbc:postgresql://db/rootbot?sslpassword=s3cret",
            Dialect.POSTGRES, "jdbc:postgresql://db/rootbot?sslpassword=s3cret"),
        arguments("a PostgreSQL URL with PGPASSWORD", "jdbc:postgresql://db/rootbot?PGPASSWORD=s3cret",
            Dialect.POSTGRES, "jdbc:postgresql://db/rootbot?PGPASSWORD=s3cret"),
        arguments("a SQLite file with a key", "jdbc:sqlite:file:rootbot.db?key=s3cret", Dialect.SQLITE,
            "jdbc:sqlite:file:rootbot.db?key=s3cret"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void a_store_location_is_read_from_the_environment(String description, String value, Dialect dialect, String url) {
    Location location = Location.parse(value);

    assertThat(location.dialect()).isEqualTo(dialect);
    assertThat(location.jdbcUrl()).isEqualTo(url);
    assertThat(location.toString()).doesNotContain("s3cret");
    assertThat(location.toString()).startsWith(url.substring(0, url.indexOf(':', 5)));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        arguments("nothing", "", "got nothing"),
        arguments("a URL without jdbc:", "postgres://rootbot:s3cret@db/rootbot", "got postgres://rootbot:***@db/rootbot"),
        arguments("MySQL", "jdbc:mysql://db/rootbot?password=s3cret", "got jdbc:mysql://db/rootbot?password=***"),
        arguments("SQLite without a path", "sqlite:", "ROOTBOT_STORE is sqlite:PATH"),
        arguments("in-memory SQLite", "sqlite::memory:", "cannot be shared by connections"),
        arguments("a password alone", "s3cret", "ROOTBOT_STORE is sqlite:PATH"),
        arguments("a URL without a scheme", "rootbot:s3cret@db:5432/rootbot", "got rootbot:***@db:5432/rootbot"),
        arguments("libpq's keywords", "host=db password=s3cret", "got host=db password=***"),
        arguments("a libpq URL", "postgresql://rootbot:s3cret@db/rootbot", "got postgresql://rootbot:***@db/rootbot"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void a_wrong_store_location_is_refused_without_repeating_secrets(String description, String value, String message) {
    IllegalArgumentException error = catchThrowableOfType(IllegalArgumentException.class, () -> Location.parse(value));

    assertThat(error).hasMessageContaining(message).hasMessageStartingWith("ROOTBOT_STORE is sqlite:PATH");
    assertThat(error.getMessage()).doesNotContain("s3cret");
  }
}
