package dev.rootbot.actions.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a fleet audit stands, for the message updated in place while it runs: accounts done of the total, how many
 * have each kind of root credential so far, how many could not be read (and how many of those an SCP blocked), and
 * the estimated time left. Counts include the accounts a resumed audit had done before.
 *
 * @param remaining the time left at this run's pace so far; empty before its first account or once all are done
 */
public record AuditProgress(
    int done,
    int total,
    int withPassword,
    int withAccessKeys,
    int withSigningCertificates,
    int withMfaDevices,
    int withAny,
    int failed,
    int blockedByScp,
    Duration elapsed,
    Optional<Duration> remaining) {

  /** "120 of 200 accounts audited; 31 with a password, …; 2 failed (1 blocked by an SCP); about 40 s left". */
  public String text() {
    List<String> parts = new ArrayList<>();
    parts.add(done + " of " + total + " accounts audited");
    parts.add(withAny + " with root credentials (" + withPassword + " with a password, " + withAccessKeys
        + " with access keys, " + withSigningCertificates + " with signing certificates, " + withMfaDevices
        + " with MFA devices)");
    if (failed > 0) {
      parts.add(failed + " could not be read" + (blockedByScp > 0 ? " (" + blockedByScp + " blocked by an SCP)" : ""));
    }
    remaining.ifPresent(r -> parts.add("about " + Eta.words(r) + " left"));
    return String.join("; ", parts);
  }
}
