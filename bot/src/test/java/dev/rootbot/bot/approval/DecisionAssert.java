package dev.rootbot.bot.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

/** The one assertion of the rule tables: allowed when {@code refusal} is null, otherwise refused with a reason containing it. */
public final class DecisionAssert {
  private DecisionAssert() {}

  public static void assertDecision(Decision decision, String refusal) {
    if (refusal == null) {
      assertThat(decision.refusal()).as("refused").isEqualTo(Optional.empty());
      assertThat(decision.isAllowed()).isTrue();
    } else {
      assertThat(decision.isAllowed()).as("allowed").isFalse();
      assertThat(decision.refusal()).get().asString().contains(refusal);
    }
  }
}
