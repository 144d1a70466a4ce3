package dev.rootbot.actions.fleet;

import java.util.Optional;

/** How a fleet deletion's run ended; the outcomes went to the {@link DeletionListener} as they came. */
public record DeletionOutcome(FleetEnd end, DeletionProgress progress, Optional<String> stoppedBecause,
    ConcurrencyStats concurrency) {}
