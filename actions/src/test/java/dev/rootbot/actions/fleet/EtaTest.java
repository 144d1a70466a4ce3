package dev.rootbot.actions.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EtaTest {
  @ParameterizedTest(name = "{0} left, {1} done in {2} ms: {3}")
  @CsvSource({
      "100, 0, 5000, ",          // nothing done yet: no pace to go by
      "0, 50, 5000, ",           // nothing left
      "100, 50, 5000, 10000",    // twice as many left as done
      "1, 3, 1000, 333",
  })
  void estimate_goes_by_this_runs_pace(int left, int done, long elapsedMillis, Long expectedMillis) {
    assertThat(Eta.estimate(left, done, Duration.ofMillis(elapsedMillis)))
        .isEqualTo(Optional.ofNullable(expectedMillis).map(Duration::ofMillis));
  }

  @ParameterizedTest(name = "{0} ms reads {1}")
  @CsvSource({
      "0, 1 s",
      "400, 1 s",
      "40000, 40 s",
      "89000, 89 s",
      "90000, 2 min",
      "185000, 3 min",
      "5300000, 88 min",
      "5400000, 1 h 30 min",
      "7500000, 2 h 5 min",
  })
  void words_round_as_a_person_reads_them(long millis, String words) {
    assertThat(Eta.words(Duration.ofMillis(millis))).isEqualTo(words);
  }
}
