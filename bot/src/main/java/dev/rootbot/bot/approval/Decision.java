package dev.rootbot.bot.approval;

import java.util.Objects;
import java.util.Optional;

/** The answer to "may this person do this?": yes, or no with a reason shown to the person who asked. */
public sealed interface Decision permits Decision.Allowed, Decision.Refused {

  static Decision allow() {
    return new Allowed();
  }

  static Decision refuse(String reason) {
    return new Refused(reason);
  }

  boolean isAllowed();

  /** Why not, as Slack text for the person who clicked; empty when allowed. */
  Optional<String> refusal();

  /** Yes. */
  record Allowed() implements Decision {
    @Override
    public boolean isAllowed() {
      return true;
    }

    @Override
    public Optional<String> refusal() {
      return Optional.empty();
    }
  }

  /** No, and why. */
  record Refused(String reason) implements Decision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isAllowed() {
      return false;
    }

    @Override
    public Optional<String> refusal() {
      return Optional.of(reason);
    }
  }
}
