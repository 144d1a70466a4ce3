package dev.rootbot.bot.policy;

import dev.rootbot.bot.approval.Decision;
import java.util.Objects;
import java.util.Optional;

/** Which rule applies to a request: the first that matches its task and account, or none, and then it is refused. */
public sealed interface Selection permits Selection.Matched, Selection.NoRule {

  /** The rule that applies; empty when none does. */
  Optional<Rule> rule();

  /** Allowed when a rule applies; otherwise refused, saying that no rule covers the request. */
  Decision decision();

  /** This rule applies; later rules are not tried, whatever its conditions say. */
  record Matched(Rule matched) implements Selection {
    public Matched {
      Objects.requireNonNull(matched, "matched");
    }

    @Override
    public Optional<Rule> rule() {
      return Optional.of(matched);
    }

    @Override
    public Decision decision() {
      return Decision.allow();
    }
  }

  /** No rule covers the request: it is refused, and why is Slack text for the requester. */
  record NoRule(String reason) implements Selection {
    public NoRule {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Optional<Rule> rule() {
      return Optional.empty();
    }

    @Override
    public Decision decision() {
      return Decision.refuse(reason);
    }
  }
}
