package dev.rootbot.actions.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every result and progress an audit delivered, and notes whether two deliveries ever overlapped. */
final class RecordingAuditListener implements AuditListener {
  final List<AccountAudit> results = new ArrayList<>();
  final List<AuditProgress> progress = new ArrayList<>();
  private final AtomicInteger delivering = new AtomicInteger();
  volatile boolean overlapped;
  Runnable afterEach = () -> {};

  @Override
  public void completed(AccountAudit result, AuditProgress now) {
    if (delivering.incrementAndGet() > 1) {
      overlapped = true;
    }
    try {
      synchronized (this) {
        results.add(result);
        progress.add(now);
      }
      afterEach.run();
    } finally {
      delivering.decrementAndGet();
    }
  }

  synchronized int count() {
    return results.size();
  }
}
