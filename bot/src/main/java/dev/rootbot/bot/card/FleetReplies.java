package dev.rootbot.bot.card;

import dev.rootbot.actions.fleet.AuditOutcome;
import dev.rootbot.actions.fleet.AuditProgress;
import dev.rootbot.actions.fleet.AuditSummary;
import dev.rootbot.actions.fleet.EnableReport;
import dev.rootbot.actions.fleet.FleetEnd;
import dev.rootbot.actions.fleet.AccountDeletion;
import dev.rootbot.actions.fleet.DeletionOutcome;
import dev.rootbot.actions.fleet.DeletionProgress;
import dev.rootbot.actions.fleet.DeletionReport;
import dev.rootbot.bot.request.RootRequest;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What Rootbot posts in the thread of a task over the organization: each step of turning on centralized root
 * access, the audit's progress message (updated in place) and its summary. The engines' texts are plain, and every
 * one of them is escaped here: account and OU names are chosen by whoever created them.
 */
public final class FleetReplies {
  /** The button under a complete audit's summary that asks to delete the root credentials it found. */
  public static final String DELETE_FLEET = "delete_fleet";
  /** The button on a running fleet deletion's progress: stop after the accounts in flight. */
  public static final String STOP = "stop_fleet";

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

  /** The deletion an audit was to file at its end was not filed, and why. */
  public static SlackMessage notFiled(String why) {
    String text = ":no_entry: The deletion was not filed: " + why;
    return new SlackMessage(Mrkdwn.truncate(text, 3000), new Blocks().section(text).json());
  }

  /** The deletion's progress, updated in place while it runs; {@code done} once it ended. */
  public static SlackMessage progress(RootRequest request, DeletionProgress progress, boolean done) {
    String text = (done ? ":white_check_mark: *Deletion ended:* " : ":hourglass_flowing_sand: *Deleting:* ")
        + Mrkdwn.escape(progress.text()) + (done ? "." : "…");
    var blocks = new Blocks().section(text)
        .context("Request " + Mrkdwn.code(request.id().value()) + " · updated at most every 2 s");
    if (!done) {
      blocks.actions("stop", Blocks.confirm(Blocks.button(STOP, "Stop", request.id().value(), "danger"),
          "Stop the deletion?", "The accounts in flight finish and are reported; no other account starts.", "Stop",
          "Keep going"));
    }
    return new SlackMessage(Mrkdwn.truncate(text, 3000), blocks.json());
  }

  /** The end of a fleet deletion: how many ended each way, and a table of each account that was not deleted. */
  public static SlackMessage deleted(RootRequest request, List<AccountDeletion> outcomes, DeletionOutcome outcome) {
    String summary = DeletionReport.summary(outcomes);
    boolean clean = outcome.end() == FleetEnd.COMPLETED && outcomes.stream()
        .allMatch(o -> o.status() == AccountDeletion.Status.DELETED);
    String ended = outcome.end() == FleetEnd.COMPLETED ? "Fleet deletion complete" : "Fleet deletion stopped ("
        + outcome.end().name().toLowerCase(Locale.ROOT) + outcome.stoppedBecause().map(w -> ": " + w).orElse("") + ")";
    var blocks = new Blocks().header((clean ? "✅ " : "⚠️ ") + ended);
    blocks.section(Mrkdwn.block(Mrkdwn.truncate(summary, 2800)));
    String table = outcomes.stream().filter(o -> o.status() != AccountDeletion.Status.DELETED)
        .map(o -> String.format("%-40s %-20s %s", o.account().label(), o.status().name().toLowerCase(Locale.ROOT),
            o.headline())).collect(Collectors.joining("\n"));
    if (!table.isEmpty()) {
      blocks.section("*Not deleted*\n" + Mrkdwn.block(Mrkdwn.truncate(table, 2700)));
    }
    blocks.context("Each account bound to what the audit saw; the full table follows as CSV · request "
        + Mrkdwn.code(request.id().value()));
    return new SlackMessage(Mrkdwn.truncate(Mrkdwn.escape(ended + "\n" + summary), 3000), blocks.json());
  }

  /** The audit's progress, updated in place while it runs; {@code done} once it ended. */
  public static SlackMessage progress(RootRequest request, AuditProgress progress, boolean done) {
    String text = (done ? ":white_check_mark: *Audit done:* " : ":hourglass_flowing_sand: *Auditing:* ")
        + Mrkdwn.escape(progress.text()) + (done ? "." : "…");
    return new SlackMessage(Mrkdwn.truncate(text, 3000), new Blocks().section(text)
        .context("Request " + Mrkdwn.code(request.id().value()) + " · updated at most every 2 s").json());
  }

  /**
   * The audit's summary: per credential kind, the accounts an SCP blocked, the failures and why; under a complete
   * audit that found some, the button that asks to delete them.
   */
  public static SlackMessage summary(RootRequest request, AuditSummary summary, AuditOutcome outcome) {
    String ended = outcome.end() == FleetEnd.COMPLETED ? "Audit complete" : "Audit stopped before the end ("
        + outcome.end().name().toLowerCase(Locale.ROOT) + outcome.stoppedBecause().map(why -> ": " + why).orElse("")
        + ")";
    var blocks = new Blocks().header((outcome.end() == FleetEnd.COMPLETED ? "✅ " : "⚠️ ") + ended);
    blocks.section(Mrkdwn.block(Mrkdwn.truncate(summary.text(), 2800)));
    blocks.context("Each account read in a root session of its own with IAMAuditRootUserCredentials; the full report"
        + " follows as CSV and JSON · request " + Mrkdwn.code(request.id().value()));
    if (outcome.end() == FleetEnd.COMPLETED && summary.withAny() > 0) {
      int n = summary.withAny();
      blocks.actions("delete_fleet", Blocks.button(DELETE_FLEET, "Delete root credentials in the " + n
          + (n == 1 ? " account that has them" : " accounts that have them"), request.id().value(), "danger"));
    }
    return new SlackMessage(Mrkdwn.truncate(Mrkdwn.escape(ended + "\n" + summary.text()), 3000), blocks.json());
  }
}
