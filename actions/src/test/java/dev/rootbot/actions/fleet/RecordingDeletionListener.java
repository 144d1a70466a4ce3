package dev.rootbot.actions.fleet;

import dev.rootbot.actions.task.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records what a fleet deletion told its listener, in order, as the bot's store would keep it. */
final class RecordingDeletionListener implements DeletionListener {
  final List<String> events = new ArrayList<>();
  final List<AccountId> started = new ArrayList<>();
  final List<AccountDeletion> finished = new ArrayList<>();
  final List<DeletionProgress> progress = new ArrayList<>();
  /** Which outcomes cannot be stored (the store is down, or the process dies before storing them). */
  Predicate<AccountDeletion> cannotStore = outcome -> false;
  Predicate<TargetAccount> cannotStart = account -> false;
  Runnable afterEach = () -> {};

  @Override
  public void started(TargetAccount account) {
    if (cannotStart.test(account)) {
      throw new IllegalStateException("the store is down");
    }
    events.add("started " + account.id());
    started.add(account.id());
  }

  @Override
  public void sessionStarted(AccountId account, String accessKeyId, Instant expiresAt) {
    events.add("session " + account);
  }

  @Override
  public void finished(AccountDeletion outcome, DeletionProgress now) {
    if (cannotStore.test(outcome)) {
      throw new IllegalStateException("the store is down");
    }
    events.add("finished " + outcome.account().id());
    finished.add(outcome);
    progress.add(now);
    afterEach.run();
  }

  synchronized int count() {
    return finished.size();
  }
}
