package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.AccountId;
import java.time.Instant;

/**
 * Hears a fleet deletion account by account, so the bot can store each step before the next: that an account
 * started (before its root session and its first change call), the session's access key ID, and the outcome. Calls
 * come one at a time.
 *
 * <p>Throwing from {@link #started} or {@link #finished} stops the deletion after the accounts in flight; the
 * account whose start could not be stored is not run. Throwing from {@link #sessionStarted} stops that account
 * before it changes anything (its outcome says so).
 */
public interface DeletionListener {
  /**
   * The account is about to be worked on. Once this is stored, a crash leaves the account UNKNOWN: a resumed
   * deletion is given it as started and never runs it again.
   */
  void started(TargetAccount account) throws Exception;

  /** The account's root session exists; its key is what ties its calls together in CloudTrail. */
  default void sessionStarted(AccountId account, String accessKeyId, Instant expiresAt) throws Exception {}

  void finished(AccountDeletion outcome, DeletionProgress progress) throws Exception;
}
