/**
 * The organization at scale: turning on centralized root access ({@link dev.rootbot.actions.fleet.RootAccessEnabler},
 * task {@code enable-root-access}), auditing every account's root credentials
 * ({@link dev.rootbot.actions.fleet.FleetAudit}, {@code audit-fleet}) and deleting them where the audit found them
 * ({@link dev.rootbot.actions.fleet.FleetDeletion}, {@code delete-root-credentials-fleet}), with their reports
 * ({@link dev.rootbot.actions.fleet.AuditReport}, {@link dev.rootbot.actions.fleet.AuditSummary},
 * {@link dev.rootbot.actions.fleet.DeletionReport}).
 *
 * <p>The engines work a few accounts at a time with concurrency that adapts to AWS's throttling, hand each account's
 * result to a listener as it completes (the bot stores it and updates its progress message), resume from what was
 * stored, and stop after the accounts in flight when cancelled. They keep no per-account state beyond the accounts
 * in flight, so memory does not grow with the fleet. No Slack here: the texts are plain, and the bot escapes them.
 */
package dev.rootbot.actions.fleet;
