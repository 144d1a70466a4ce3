package dev.rootbot.actions.fleet;

import java.util.Optional;

/**
 * How a fleet audit's run ended: completed, cancelled or stopped (and why), the progress at the end, and how its
 * concurrency moved. The results themselves went to the {@link AuditListener} as they came.
 */
public record AuditOutcome(FleetEnd end, AuditProgress progress, Optional<String> stoppedBecause,
    ConcurrencyStats concurrency) {}
