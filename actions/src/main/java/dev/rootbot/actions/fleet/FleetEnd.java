package dev.rootbot.actions.fleet;

/** How a fleet task's run ended. */
public enum FleetEnd {
  /** Every account has its result. */
  COMPLETED,
  /** Someone cancelled: the accounts in flight finished; the rest were not started. */
  CANCELLED,
  /** A result could not be recorded (or the worker pool refused work): the rest were not started. */
  STOPPED
}
