package dev.rootbot.actions.fleet;

import java.time.Duration;

/** The running counts behind {@link AuditProgress}. Not thread-safe: the audit updates it one result at a time. */
final class AuditTally {
  private final int total;
  private int done;
  private int doneThisRun;
  private int withPassword;
  private int withAccessKeys;
  private int withSigningCertificates;
  private int withMfaDevices;
  private int withAny;
  private int failed;
  private int blockedByScp;

  AuditTally(int total) {
    this.total = total;
  }

  /** Counts a result; {@code thisRun} is false for what a resumed audit had done before. */
  void add(AccountAudit audit, boolean thisRun) {
    done++;
    if (thisRun) {
      doneThisRun++;
    }
    audit.credentials().ifPresent(c -> {
      withPassword += c.password().isPresent() ? 1 : 0;
      withAccessKeys += c.accessKeys().isEmpty() ? 0 : 1;
      withSigningCertificates += c.signingCertificates().isEmpty() ? 0 : 1;
      withMfaDevices += c.mfaDevices().isEmpty() ? 0 : 1;
      withAny += c.isEmpty() ? 0 : 1;
    });
    if (audit.failure().isPresent()) {
      failed++;
      blockedByScp += audit.blockedByScp() ? 1 : 0;
    }
  }

  AuditProgress progress(Duration elapsed) {
    return new AuditProgress(done, total, withPassword, withAccessKeys, withSigningCertificates, withMfaDevices,
        withAny, failed, blockedByScp, elapsed, Eta.estimate(total - done, doneThisRun, elapsed));
  }
}
