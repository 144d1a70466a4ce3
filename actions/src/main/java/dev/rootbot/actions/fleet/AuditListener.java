package dev.rootbot.actions.fleet;

/**
 * Hears a fleet audit's results as each account completes, one at a time, so the bot can store each durably and
 * update its progress message. Throwing stops the audit after the accounts in flight: a result that cannot be stored
 * would be lost, and the audit resumes from what was stored.
 */
public interface AuditListener {
  void completed(AccountAudit result, AuditProgress progress) throws Exception;
}
