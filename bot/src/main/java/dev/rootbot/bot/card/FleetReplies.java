package dev.rootbot.bot.card;

import dev.rootbot.actions.fleet.AuditOutcome;
import dev.rootbot.actions.fleet.AuditProgress;
import dev.rootbot.actions.fleet.AuditSummary;
import dev.rootbot.actions.fleet.EnableReport;
import dev.rootbot.actions.fleet.FleetEnd;
import dev.rootbot.bot.request.RootRequest;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Rootbot posts in the thread of a task over the organization: each step of turning on centralized root
 * access, the audit's progress message (updated in place) and its summary. The engines' texts are plain, and every
 * one of them is escaped here: account and OU names are chosen by whoever created them.
 */
public final class FleetReplies {
  private FleetReplies() {}

  /** Each step of {@code /root enable}: already on, enabled, or the error and its fix. */
  public static SlackMessage enabled(RootRequest request, EnableReport report) {
    String title = report.succeeded() ? (report.changedSomething() ? "Done: centralized root access is on"
        : "Done: centralized root access was already on; nothing was changed") : "Failed: not every step is on";
    var blocks = new Blocks().header((report.succeeded() ? "✅ " : "❌ ") + title);
    String steps = report.outcomes().stream().map(o -> "• *" + Mrkdwn.escape(o.step().title()) + "* ("
        + Mrkdwn.code(o.step().action()) + "): " + words(o.result()) + (o.result() == EnableReport.Result.ALREADY_ON
            || o.result() == EnableReport.Result.ENABLED ? "" : " — " + Mrkdwn.escape(o.detail()))
        + o.fix().map(f -> "\n    _Fix:_ " + Mrkdwn.escape(f)).orElse("")).collect(Collectors.joining("\n"));
    blocks.section("*Steps*, in AWS's order\n" + steps);
    blocks.context("Run with Rootbot's own role; no root session · request " + Mrkdwn.code(request.id().value()));
    return new SlackMessage(Mrkdwn.truncate(Mrkdwn.escape(title) + "\n" + steps, 3000), blocks.json());
  }

  /** {@code /root enable} could not even read what is on. */
  public static SlackMessage unreadable(RootRequest request, String why) {
    String text = ":x: *Failed:* " + Mrkdwn.escape(why) + " Nothing was changed.";
    return new SlackMessage(Mrkdwn.truncate(text, 3000), new Blocks().section(text).json());
  }

  private static String words(EnableReport.Result result) {
    switch (result) {
      case ALREADY_ON:
        return "already on";
      case ENABLED:
        return "enabled";
      case NOT_TRIED:
        return "not tried";
      default:
        return "*failed*";
    }
  }

  /** The audit's progress, updated in place while it runs; {@code done} once it ended. */
  public static SlackMessage progress(RootRequest request, AuditProgress progress, boolean done) {
    String text = (done ? ":white_check_mark: *Audit done:* " : ":hourglass_flowing_sand: *Auditing:* ")
        + Mrkdwn.escape(progress.text()) + (done ? "." : "…");
    return new SlackMessage(Mrkdwn.truncate(text, 3000), new Blocks().section(text)
        .context("Request " + Mrkdwn.code(request.id().value()) + " · updated at most every 2 s").json());
  }

  /** The audit's summary: per credential kind, the accounts an SCP blocked, the failures and why. */
  public static SlackMessage summary(RootRequest request, AuditSummary summary, AuditOutcome outcome) {
    String ended = outcome.end() == FleetEnd.COMPLETED ? "Audit complete" : "Audit stopped before the end ("
        + outcome.end().name().toLowerCase(Locale.ROOT) + outcome.stoppedBecause().map(why -> ": " + why).orElse("")
        + ")";
    var blocks = new Blocks().header((outcome.end() == FleetEnd.COMPLETED ? "✅ " : "⚠️ ") + ended);
    blocks.section(Mrkdwn.block(Mrkdwn.truncate(summary.text(), 2800)));
    blocks.context("Each account read in a root session of its own with IAMAuditRootUserCredentials; the full report"
        + " follows as CSV and JSON · request " + Mrkdwn.code(request.id().value()));
    return new SlackMessage(Mrkdwn.truncate(Mrkdwn.escape(ended + "\n" + summary.text()), 3000), blocks.json());
  }
}
