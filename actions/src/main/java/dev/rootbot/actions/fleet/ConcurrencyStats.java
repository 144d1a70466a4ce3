package dev.rootbot.actions.fleet;

/**
 * How a fleet task's concurrency moved: the most accounts in flight at once, how often AWS's throttling made it
 * back off, and where it ended. For logs, benchmarks and tests.
 *
 * @param peak the most accounts in flight at the same moment
 * @param max the bound it never exceeds
 * @param decreases how many times it backed off
 * @param throttled how many throttled attempts it heard of
 * @param finalLimit its limit at the end
 */
public record ConcurrencyStats(int peak, int max, long decreases, long throttled, double finalLimit) {}
