package dev.rootbot.bot.card;

import dev.rootbot.actions.Step;
import dev.rootbot.actions.TaskResult;
import dev.rootbot.actions.task.Finding;
import dev.rootbot.actions.task.Snapshot;
import dev.rootbot.actions.trail.TrailLink;
import dev.rootbot.actions.trail.TrailLinks;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.UserId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The messages Rootbot posts in a card's thread: who decided, the result of the root task with its steps,
 * backup and CloudTrail links, and notices for requests that ended otherwise.
 */
public final class ThreadReplies {
  /** The button under an unlock's result that asks to put the previous policy back. */
  public static final String RESTORE = "restore";
  /** The button under a result that changed since approval: file the same task again. */
  public static final String AGAIN = "file_again";
  /** How much of a long policy one section of the thread shows, with room for the code fences and escapes. */
  static final int FULL_TEXT_CHUNK = 2400;
  /** A policy longer than this is shown cut, and kept whole in the store. */
  static final int POLICY_SHOWN_MAX = 2600;

  private ThreadReplies() {}

  /** The request is cleared to run: by its approvals, by its rule (no approval needed), or by breaking glass. */
  public static SlackMessage approved(RootRequest request) {
    String text = ":white_check_mark: " + Cleared.who(request) + ". " + request.rootTask().map(task -> "Opening a root"
        + " session in *" + Mrkdwn.escape(request.accountName()) + "* with " + Mrkdwn.code(task.policy().policyName())
        + "…").orElse("Starting: " + Mrkdwn.escape(request.work().summary()) + "…");
    return plain(text);
  }

  /** One more approval counted, short of the quorum: {@code progress} is the rule's words for how far it has come. */
  public static SlackMessage counted(RootRequest request, UserId approver, String progress) {
    return plain(":ballot_box_with_check: " + Mrkdwn.user(approver) + " approved. " + progress
        + ". Nothing runs until the quorum is reached.");
  }

  /**
   * The loud notice of a break-glass run, for the announce channels: who ran what, where, why, and who must
   * review it by when.
   */
  public static SlackMessage brokeGlass(RootRequest request, String reviewers) {
    String due = request.clearance().breakGlass().map(review -> Mrkdwn.date(review.dueAt())).orElse("soon");
    String text = ":rotating_light: *Break-glass:* " + Mrkdwn.user(request.requester()) + " ran "
        + Mrkdwn.escape(request.work().summary()) + " in *" + Mrkdwn.escape(request.accountName()) + "* ("
        + Mrkdwn.code(request.work().account().value()) + ") at once, without approval"
        + request.clearance().rule().map(rule -> ", under rule “" + Mrkdwn.escape(rule) + "”").orElse("")
        + ", in <#" + request.origin().channel().value() + ">."
        + request.reason().map(r -> "\n>" + r.text()).orElse("")
        + "\n" + reviewers + ": review it on its card (request " + Mrkdwn.code(request.id().value()) + ") by " + due + ".";
    return plain(text);
  }

  /** A break-glass run's review is overdue: said in the announce channels every hour until someone reviews it. */
  public static SlackMessage reviewOverdue(RootRequest request, String reviewers) {
    String due = request.clearance().breakGlass().map(review -> Mrkdwn.date(review.dueAt())).orElse("");
    return plain(":alarm_clock: *Review overdue:* the break-glass run of request " + Mrkdwn.code(request.id().value())
        + " (" + Mrkdwn.escape(request.work().summary()) + " in *" + Mrkdwn.escape(request.accountName()) + "* by "
        + Mrkdwn.user(request.requester()) + ") was due for review " + due + ". " + reviewers
        + ": review it on its card in <#" + request.origin().channel().value() + ">.");
  }

  /** Someone reviewed a break-glass run: in the thread, and in the announce channels when not justified. */
  public static SlackMessage reviewed(RootRequest request) {
    var review = request.clearance().breakGlass().orElseThrow();
    boolean justified = review.verdict().orElseThrow() == dev.rootbot.bot.request.BreakGlassReview.Verdict.JUSTIFIED;
    String who = review.reviewer().map(Mrkdwn::user).orElse("Someone");
    String comment = review.comment().map(c -> "\n>" + Mrkdwn.escape(c)).orElse("");
    return plain((justified ? ":white_check_mark: " : ":x: ") + who + " reviewed the break-glass run of request "
        + Mrkdwn.code(request.id().value()) + " (" + Mrkdwn.escape(request.work().summary()) + " in *"
        + Mrkdwn.escape(request.accountName()) + "* by " + Mrkdwn.user(request.requester()) + "): "
        + (justified ? "justified." : "*not justified*.") + comment);
  }

  public static SlackMessage result(RootRequest request, TaskResult result) {
    var blocks = new Blocks();
    blocks.header(icon(result) + " " + title(result) + request.work().summary());
    blocks.section(Mrkdwn.escape(result.headline()));
    if (!result.steps().isEmpty()) {
      blocks.section("*Steps*\n" + result.steps().stream().map(ThreadReplies::step).collect(Collectors.joining("\n")));
    }
    String kept = " (kept as the backup of request " + Mrkdwn.code(request.id().value()) + ")";
    if (result.status() == TaskResult.Status.CHANGED_SINCE_APPROVAL) {
      snapshot(blocks, "Approved", result.approved().orElseThrow());
      snapshot(blocks, "There now", result.found().orElseThrow());
    }
    result.report().ifPresentOrElse(report -> {
      if (report.before().equals(report.after())) {
        blocks.section("*Found*\n" + shown(report.before(), request));
      } else {
        blocks.section("*Before*" + (result.backup().isPresent() ? kept : "") + "\n" + shown(report.before(), request));
        blocks.section("*After*\n" + shown(report.after(), request));
      }
    }, () -> result.backup().ifPresent(backup ->
        blocks.section("*Backup*" + kept + "\n" + shown(backup.policy().json(), request))));
    if (!result.links().isEmpty()) {
      blocks.section("*CloudTrail* (events arrive within minutes)\n" + links(result.links())
          + result.accessKeyId().map(key -> "\nOr, with credentials of account " + Mrkdwn.code(request.work().account().value())
              + ": " + Mrkdwn.code(TrailLinks.lookupCommand(eventsRegion(result), key))).orElse(""));
    }
    blocks.context("Root session key " + result.accessKeyId().map(Mrkdwn::code).orElse("none (no session was opened)")
        + " · started " + Mrkdwn.date(result.startedAt()) + " · took "
        + Math.max(0, java.time.Duration.between(result.startedAt(), result.finishedAt()).toMillis()) + " ms");
    if (result.status() == TaskResult.Status.CHANGED_SINCE_APPROVAL) {
      blocks.actions("again", Blocks.confirm(Blocks.button(AGAIN, "File it again", request.id().value(), null),
          "File it again?", "This files the same task again, with a new preview of what is there now. It needs its"
              + " own approval.", "File", "Not now"));
    }
    if (result.succeeded() && result.backup().isPresent() && request.rootTask().map(t -> t.kind().restorable()).orElse(false)) {
      blocks.actions("restore",
          Blocks.confirm(Blocks.button(RESTORE, "Restore previous policy", request.id().value(), null),
              "Ask to restore?",
              "This files a new request to put the backed-up policy back. It needs its own approval.",
              "Ask", "Not now"));
    }
    String text = title(result) + Mrkdwn.escape(result.headline());
    return new SlackMessage(Mrkdwn.truncate(text, 3000), blocks.json());
  }

  /** The result's title in words: "Done: ", "Outcome unknown: ", … */
  private static String title(TaskResult result) {
    switch (result.status()) {
      case SUCCEEDED:
        return "Done: ";
      case UNKNOWN:
        return "Outcome unknown: ";
      case CHANGED_SINCE_APPROVAL:
        return "Changed since approval: ";
      case FAILED:
      default:
        return "Failed: ";
    }
  }

  private static String icon(TaskResult result) {
    switch (result.status()) {
      case SUCCEEDED:
        return "✅";
      case UNKNOWN:
        return "⚠️";
      case CHANGED_SINCE_APPROVAL:
        return "↺";
      case FAILED:
      default:
        return "❌";
    }
  }

  /** A snapshot in a result's thread: its headline and sections, policies whole or cut. */
  private static void snapshot(Blocks blocks, String title, Snapshot snapshot) {
    blocks.section("*" + title + "* (sha256 " + Mrkdwn.code(snapshot.fingerprint().shortForm()) + ")\n"
        + Mrkdwn.escape(snapshot.finding().headline()));
    for (Finding.Section section : snapshot.finding().sections()) {
      blocks.section("*" + Mrkdwn.escape(section.title()) + "*\n" + (section.verbatim()
          ? Mrkdwn.block(Card.cut(section.text())) : Mrkdwn.escape(section.text())));
    }
  }

  /**
   * The whole of each preview section the card had to cut (a long policy), for the card's thread; empty when the
   * card shows all of it.
   */
  public static Optional<SlackMessage> fullPreview(RootRequest request) {
    Optional<Snapshot> snapshot = request.briefing().snapshot();
    List<Finding.Section> cut = snapshot.map(s -> s.finding().sections()).orElse(List.of()).stream()
        .filter(s -> s.verbatim() && s.text().length() > Card.PREVIEW_SHOWN_MAX).toList();
    if (cut.isEmpty()) {
      return Optional.empty();
    }
    var blocks = new Blocks();
    for (Finding.Section section : cut) {
      blocks.section("*" + Mrkdwn.escape(section.title()) + "*, whole (the card shows its beginning):");
      // A section holds at most 3,000 characters: a policy of up to 20 KB takes several.
      String text = section.text();
      for (int from = 0; from < text.length(); from += FULL_TEXT_CHUNK) {
        blocks.section(Mrkdwn.block(text.substring(from, Math.min(text.length(), from + FULL_TEXT_CHUNK))));
      }
    }
    return Optional.of(new SlackMessage("The whole text of what will change, for request " + request.id().value(),
        blocks.json()));
  }

  /** A request that ended without running: denied, cancelled, expired. */
  public static SlackMessage ended(RootRequest request) {
    String who = request.decidedBy().map(Mrkdwn::user).orElse("Nobody");
    switch (request.state()) {
      case DENIED:
        return plain(":no_entry: " + who + " denied this request" + request.outcome().map(o -> ": " + o.text())
            .orElse("") + ". Nothing was run.");
      case CANCELLED:
        return plain(":heavy_multiplication_x: " + who + " cancelled this request. Nothing was run.");
      case EXPIRED:
        return plain(":hourglass: This request expired: nobody approved it within "
            + minutes(request.ttl().toMinutes()) + ". Nothing was run; ask again if it is still needed.");
      default:
        return plain("This request is " + Mrkdwn.escape(request.state().words()) + ".");
    }
  }

  /** After a restart: what happened to a request that was approved or running when Rootbot stopped. */
  public static SlackMessage interrupted(RootRequest request, List<TrailLink> links) {
    if (request.work() instanceof dev.rootbot.bot.request.FleetTask
        && request.state() == dev.rootbot.bot.request.State.APPROVED) {
      return plain(request.work() instanceof dev.rootbot.bot.request.FleetTask.AuditFleet
          ? ":arrows_counterclockwise: Rootbot stopped while this audit ran. It goes on with the accounts whose"
              + " results were not stored; the finished ones are not read again."
          : ":arrows_counterclockwise: Rootbot stopped while this deletion ran. The accounts it was deleting in are"
              + " reported *unknown* and will *not* be run again; the approved rest go on.");
    }
    String text = request.accessKeyId().isPresent()
        ? ":warning: Rootbot stopped while this task was running, so its outcome is unknown. It will *not* be"
            + " re-run. Check the resource, and CloudTrail for root session key " + Mrkdwn.code(request.accessKeyId().get())
            + ", before asking again.\n" + links(links)
        : ":warning: Rootbot stopped before this task called AWS" + (request.state().name().equals("UNKNOWN")
            ? " or before it recorded its root session; its outcome is unknown and it will *not* be re-run. Check the"
                + " resource and CloudTrail (AssumeRoot events) before asking again.\n" + links(links)
            : ". Nothing was done; ask again if it is still needed.");
    return plain(text);
  }

  /** CloudTrail delivered the AssumeRoot event that issued the session's key. */
  public static SlackMessage confirmed(String accessKeyId, TrailLink event) {
    return plain(":mag: CloudTrail has delivered the AssumeRoot event that issued root session key "
        + Mrkdwn.code(accessKeyId) + ": " + Mrkdwn.link(event.url(), event.label()));
  }

  /** A short note in the thread, e.g. a refused click that others should see. */
  public static SlackMessage note(String mrkdwn) {
    return plain(mrkdwn);
  }

  /** A request for a restore was filed from this thread. */
  public static SlackMessage restoreAsked(UserId by, RootRequest restore) {
    return plain(":leftwards_arrow_with_hook: " + Mrkdwn.user(by) + " asked to restore the previous policy: request "
        + Mrkdwn.code(restore.id().value()) + " needs its own approval.");
  }

  static String minutes(long n) {
    return n + (n == 1 ? " minute" : " minutes");
  }

  static String links(List<TrailLink> links) {
    return links.stream().map(l -> "• " + Mrkdwn.link(l.url(), l.label())).collect(Collectors.joining("\n"));
  }

  private static String step(Step step) {
    return "• " + Mrkdwn.code(step.action()) + " " + Mrkdwn.escape(step.detail());
  }

  private static String shown(String text, RootRequest request) {
    if (text.length() <= POLICY_SHOWN_MAX) {
      return Mrkdwn.block(text);
    }
    return Mrkdwn.block(text.substring(0, POLICY_SHOWN_MAX) + "…") + "\n_Cut here: it has " + text.length()
        + " characters. The whole text is kept in Rootbot's store with request " + Mrkdwn.code(request.id().value())
        + ", and Restore puts back all of it._";
  }

  private static dev.rootbot.actions.task.AwsRegion eventsRegion(TaskResult result) {
    return result.report().map(r -> r.eventsRegion()).orElse(result.task().eventsRegion());
  }

  private static SlackMessage plain(String mrkdwn) {
    return new SlackMessage(Mrkdwn.truncate(mrkdwn, 3000), new Blocks().section(mrkdwn).json());
  }

}
