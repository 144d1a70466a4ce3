package dev.rootbot.bot.flow;

import dev.rootbot.bot.audit.Head;
import dev.rootbot.bot.audit.Verdict;
import dev.rootbot.bot.card.Mrkdwn;
import dev.rootbot.bot.metrics.Metrics;
import dev.rootbot.bot.store.AuditLog;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the audit chain from inside the running bot: verifies it (at start and every hour) and, when it is
 * broken, logs the break at ERROR, counts it in {@value #BREAKS} and posts it to the alert channel; and leaves
 * an anchor (the head hash and entry count) in the alert channel every day, so that a rewrite of the whole
 * chain can be caught by comparing with Slack. A store that cannot be read is logged, not counted as a break.
 *
 * <p>Verifying reads the whole chain: call it on a thread of its own, not on the timer that keeps leases alive.
 */
public final class ChainWatch {
  /** How often the chain is verified (one replica at a time, under a job lease), besides at each start. */
  public static final Duration VERIFY_EVERY = Duration.ofHours(1);
  /** How often the anchor is posted (one replica at a time), besides at each start of the replica holding the job. */
  public static final Duration ANCHOR_EVERY = Duration.ofDays(1);
  /** Verifications that found the chain or a request broken. */
  public static final String BREAKS = "rootbot_audit_chain_breaks_total";
  public static final String VERIFY_SECONDS = "rootbot_audit_verify_seconds";

  private static final Logger log = LoggerFactory.getLogger(ChainWatch.class);

  private final AuditLog audit;
  private final Alerts alerts;
  private final Metrics metrics;
  /** The break the last verification found, if it found one: an anchor posted after it says so. */
  private volatile Optional<Verdict.Broken> broken = Optional.empty();

  public ChainWatch(AuditLog audit, Alerts alerts, Metrics metrics) {
    this.audit = audit;
    this.alerts = alerts;
    this.metrics = metrics;
    metrics.describe(BREAKS, "Audit chain verifications that found the log or a request changed outside Rootbot")
        .describe(VERIFY_SECONDS, "Time to verify the whole audit chain and the requests against it");
    metrics.declare(BREAKS);
  }

  /** Verifies the chain and the requests against it; empty when the store could not be read. */
  public Optional<Verdict> verify() {
    long started = System.nanoTime();
    Verdict verdict;
    try {
      verdict = audit.verify(Optional.empty());
    } catch (RuntimeException e) {
      log.warn("Could not verify the audit chain ({}); will try again", e.getMessage());
      return Optional.empty();
    }
    metrics.recordSince(VERIFY_SECONDS, started);
    if (verdict instanceof Verdict.Broken found) {
      broken = Optional.of(found);
      log.error("The audit log was changed outside Rootbot: {}", found.line());
      metrics.count(BREAKS);
      alerts.post(breakAlert(found));
    } else {
      broken = Optional.empty();
      log.info("Audit chain verified: {}", verdict.line());
    }
    return Optional.of(verdict);
  }

  /** Posts the anchor of the chain as it is now (or logs it when there is no alert channel); empty when unreadable. */
  public Optional<Head> anchor() {
    Head head;
    try {
      head = audit.head();
    } catch (RuntimeException e) {
      log.warn("Could not read the audit chain's head for the anchor ({}); will try again", e.getMessage());
      return Optional.empty();
    }
    log.info("Audit chain anchor: {}", head.anchor());
    alerts.post(anchorMessage(head) + broken.map(b -> "\n:warning: The last check found the chain broken at entry "
        + b.seq() + " (" + b.kind().words() + "): this anchor is of the store as it is now, not as Rootbot wrote it.")
        .orElse(""));
    return Optional.of(head);
  }

  /** The alert for a break: what {@code audit verify} would print, and what to do. */
  static String breakAlert(Verdict.Broken broken) {
    return ":rotating_light: *The audit log was changed outside Rootbot.* Entry " + broken.seq() + " is "
        + broken.kind().words() + ":\n" + Mrkdwn.block(Mrkdwn.truncate(broken.line(), 2_000))
        + "\nRootbot keeps working and keeps recording. Find out who changed the store: run"
        + " `./rootbot audit verify` against it, compare with the anchors in this channel, and check the database's"
        + " own logs for who had write access.";
  }

  /**
   * The anchor as posted: {@code HASH:COUNT} in code, so it can be copied into {@code audit verify --anchor}, with
   * when its entry was written.
   */
  public static String anchorMessage(Head head) {
    String when = head.seq() == 0 ? "the audit log is empty" : "entry " + head.seq() + " was written "
        + Mrkdwn.date(head.at());
    return ":anchor: *Audit chain anchor* " + Mrkdwn.code(head.anchor().toString()) + " (" + when + ")\n"
        + "Check the store against it later: `./rootbot audit verify --anchor " + head.anchor() + "`";
  }
}
