package dev.rootbot.bot.command;

import dev.rootbot.actions.fleet.FleetScope;
import dev.rootbot.bot.request.Reason;
import java.util.Objects;

/**
 * What a person asked for over the organization, read from their words: {@code enable [credentials only]},
 * {@code audit all}, {@code audit ou <name|ou-id>}, or {@code delete root credentials in ou <name|ou-id> because …}.
 * The OU is resolved when the request is filed, against the organization as it is then.
 */
public sealed interface FleetAsk extends Command permits FleetAsk.Enable, FleetAsk.Audit, FleetAsk.Delete {

  /** {@code enable [credentials only]}. */
  record Enable(boolean credentialsOnly) implements FleetAsk {}

  /** {@code audit all} or {@code audit ou <name|ou-id>}. */
  record Audit(FleetScope scope) implements FleetAsk {
    public Audit {
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** {@code delete root credentials in ou <name|ou-id> because <reason>}: audits first, then asks for approval. */
  record Delete(FleetScope scope, Reason reason) implements FleetAsk {
    public Delete {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
