package dev.rootbot.bot.slack;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Whether this replica can do its work, as {@code GET /healthz} answers it: 200 when {@link Up}, 503 with the
 * reason when {@link Down}, so that a load balancer stops sending Slack's requests to a replica that cannot
 * reach its store.
 */
public sealed interface Health permits Health.Up, Health.Down {

  /** Ready to serve. */
  record Up() implements Health {}

  /** Cannot serve, and why, in words an operator acts on; never a secret, it is served over HTTP. */
  record Down(String reason) implements Health {
    public Down {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static Health up() {
    return new Up();
  }

  static Health down(String reason) {
    return new Down(reason);
  }

  /** Always up: for a replica with nothing to check, and for tests. */
  static Supplier<Health> alwaysUp() {
    return Health::up;
  }

  /**
   * Up when {@code check} returns, else down with {@code reason}. The failure's own message is not used: it may
   * name hosts or worse, and {@code /healthz} needs only to say what cannot be reached.
   *
   * <pre>{@code Health.of(store::ping, "the store cannot be reached")}</pre>
   */
  static Supplier<Health> of(Runnable check, String reason) {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(reason, "reason");
    return () -> {
      try {
        check.run();
        return up();
      } catch (RuntimeException e) {
        return down(reason);
      }
    };
  }
}
