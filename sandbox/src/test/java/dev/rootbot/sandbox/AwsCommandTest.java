package dev.rootbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rootbot.sandbox.aws.Limit;
import dev.rootbot.sandbox.aws.SimulatedAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The {@code aws} command's flags for generated organizations, latency and rate limits. */
class AwsCommandTest {
  @Test
  void every_flag_parses_into_the_command() throws Exception {
    AwsCommand command = AwsCommand.parse("aws", "--port", "0", "--generate", "1000", "--latency-ms", "20",
        "--rate-limit", "sts:AssumeRoot=50", "--rate-limit", "iam:*=10/account", "--nothing-enabled",
        "--retain", "5000");

    assertThat(command).isEqualTo(new AwsCommand(0, Optional.empty(), OptionalInt.of(1000), true,
        Duration.ofMillis(20), List.of(new Limit("sts:AssumeRoot", 50, false), new Limit("iam:*", 10, true)),
        OptionalInt.of(5000)));
  }

  @Test
  void without_the_new_flags_the_command_is_the_demo_or_a_seed_file_as_before() throws Exception {
    assertThat(AwsCommand.parse("aws", "--port", "4566")).isEqualTo(new AwsCommand(4566, Optional.empty()));
    assertThat(AwsCommand.parse("aws", "--port", "1", "--seed", "s.json"))
        .isEqualTo(new AwsCommand(1, Optional.of(Path.of("s.json"))));
  }

  @Test
  void bad_values_are_usage_errors_that_say_what_to_write() {
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "0", "--generate", "0"))
        .isInstanceOf(UsageError.class).hasMessageContaining("--generate takes a number of member accounts");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "0", "--generate", "many"))
        .hasMessageContaining("not 'many'");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "0", "--latency-ms", "-5"))
        .hasMessageContaining("--latency-ms takes a number of milliseconds");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "0", "--rate-limit", "sts:AssumeRoot"))
        .hasMessageContaining("OPERATION=RATE");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "0", "--rate-limit"))
        .hasMessageContaining("--rate-limit needs a value");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "0", "--retain", "0"))
        .hasMessageContaining("--retain takes how many recorded calls");
    assertThatThrownBy(() -> AwsCommand.parse("aws", "--port", "0", "--seed", "s.json", "--generate", "5"))
        .hasMessageContaining("cannot be used together");
  }

  @Test
  void start_serves_the_generated_organization_with_its_latency_and_limits() throws Exception {
    AwsCommand command = AwsCommand.parse("aws", "--port", "0", "--generate", "30", "--nothing-enabled",
        "--latency-ms", "7", "--rate-limit", "iam:*=10/account");

    try (SimulatedAws aws = command.start()) {
      assertThat(aws.organization().accounts()).hasSize(31);
      assertThat(aws.organization().id()).isEqualTo("o-generated01");
      assertThat(aws.features().enabled()).isEmpty();
      assertThat(aws.organization().trustedServices()).isEmpty();
      assertThat(aws.latency()).isEqualTo(Duration.ofMillis(7));
      assertThat(aws.limits().all()).containsExactly(new Limit("iam:*", 10, true));
    }
  }
}
