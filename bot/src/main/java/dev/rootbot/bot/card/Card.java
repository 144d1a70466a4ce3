package dev.rootbot.bot.card;

import dev.rootbot.actions.task.Finding;
import dev.rootbot.actions.task.RootTask;
import dev.rootbot.actions.task.TaskKind;
import dev.rootbot.bot.request.BreakGlassReview;
import dev.rootbot.bot.request.FleetTask;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.Work;
import dev.rootbot.bot.request.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The approval card: everything an approver needs to decide, and the buttons to do it. The same card is
 * re-rendered from the stored request on every change, so the channel always shows the truth.
 *
 * <p>The buttons carry only the request's ID; the store holds the request, so nothing on the card can be
 * forged into another task.
 */
public final class Card {
  public static final String APPROVE = "approve";
  public static final String DENY = "deny";
  public static final String CANCEL = "cancel";
  public static final String DECISION_BLOCK = "decision";
  /** The buttons of a break-glass run's review, for the rule's approvers. */
  public static final String JUSTIFIED = "review_justified";
  public static final String NOT_JUSTIFIED = "review_not_justified";
  public static final String REVIEW_BLOCK = "review";

  /** The longest preview section a card shows; the whole of a longer one goes into the thread. */
  static final int PREVIEW_SHOWN_MAX = 1400;

  private final Duration sessionLength;
  private final Approving approving;

  /**
   * @param sessionLength how long a root session lasts, as configured (at most 15 minutes)
   * @param approving who approves each request, and how far it has come
   */
  public Card(Duration sessionLength, Approving approving) {
    this.sessionLength = sessionLength;
    this.approving = approving;
  }

  /** A card whose approvers are not named. */
  public Card(Duration sessionLength) {
    this(sessionLength, new Approving() {
      @Override
      public String progress(RootRequest request) {
        return "Needs 1 approver";
      }

      @Override
      public String reviewers(RootRequest request) {
        return "an approver";
      }
    });
  }

  public SlackMessage render(RootRequest request) {
    return render(request, 0);
  }

  /**
   * The card of {@code request} as it is now; {@code ahead} is how many approved requests wait to run before it
   * (shown while it is approved, so a full runner is never a silent one).
   */
  public SlackMessage render(RootRequest request, int ahead) {
    Work work = request.work();
    var blocks = new Blocks()
        .header(request.clearance().brokeGlass() ? "🚨 Break-glass root task: " + work.summary()
            : icon(request.state()) + " Root task: " + work.summary())
        .section(Mrkdwn.user(request.requester()) + (work instanceof FleetTask
            ? " asks for this over the organization of *" + Mrkdwn.escape(request.accountName()) + "* (management account "
                + Mrkdwn.code(work.account().value()) + ")"
            : " asks for a root session in *" + Mrkdwn.escape(request.accountName()) + "* ("
                + Mrkdwn.code(work.account().value()) + ")"))
        .fields(fields(request));
    briefing(blocks, request);
    blocks.section(request.reason().map(r -> "*Reason*\n>" + r.text()).orElse("*Reason*\n_none given (read-only task)_"))
        .context(sessions(work) + " · request " + Mrkdwn.code(request.id().value()));
    if (work instanceof FleetTask.DeleteCredentialsFleet || work.rootTask()
        .filter(task -> task.kind() == TaskKind.DELETE_ROOT_CREDENTIALS).isPresent()) {
      blocks.context(":warning: Deleted credentials cannot be restored. The root user can still recover access"
          + " with password recovery if it is allowed later.");
    }
    blocks.divider();
    request.clearance().breakGlass().ifPresent(review -> breakGlass(blocks, request, review));
    if (request.state() == State.REQUESTED) {
      blocks.section(":hourglass_flowing_sand: *Waiting for approval.* " + approving.progress(request)
          + ", not " + Mrkdwn.user(request.requester()) + ", who asked. Expires " + Mrkdwn.date(request.expiresAt()) + ".");
      blocks.actions(DECISION_BLOCK,
          Blocks.confirm(Blocks.button(APPROVE, "Approve", request.id().value(), "primary"),
              "Approve root task?", confirmation(request), "Approve", "Not yet"),
          Blocks.button(DENY, "Deny", request.id().value(), "danger"),
          Blocks.button(CANCEL, "Cancel request", request.id().value(), null));
    } else {
      blocks.section(status(request, ahead));
    }
    return new SlackMessage(fallback(request), blocks.json());
  }

  /**
   * A break-glass run: who ran it without approval, and its review: the buttons for the rule's approvers until
   * someone reviews it, then the verdict.
   */
  private void breakGlass(Blocks blocks, RootRequest request, BreakGlassReview review) {
    blocks.section(":rotating_light: *Break-glass.* " + Mrkdwn.user(request.requester()) + " ran this at once, without"
        + " approval" + request.clearance().rule().map(rule -> ", as rule “" + Mrkdwn.escape(rule) + "” allows").orElse("")
        + ".");
    if (review.reviewed()) {
      boolean justified = review.verdict().get() == BreakGlassReview.Verdict.JUSTIFIED;
      blocks.section((justified ? ":white_check_mark: *Reviewed: justified*" : ":x: *Reviewed: not justified*")
          + review.reviewer().map(by -> " by " + Mrkdwn.user(by)).orElse("")
          + review.comment().map(c -> "\n>" + Mrkdwn.escape(c)).orElse(""));
      return;
    }
    blocks.section(":mag: *Review needed* from " + approving.reviewers(request) + " by "
        + Mrkdwn.date(review.dueAt()) + ": was breaking glass justified?");
    blocks.actions(REVIEW_BLOCK,
        Blocks.button(JUSTIFIED, "Justified", request.id().value(), "primary"),
        Blocks.button(NOT_JUSTIFIED, "Not justified", request.id().value(), "danger"));
  }

  /** What the preview found (or that there was none), its fingerprint, and the preflight's warnings. */
  private static void briefing(Blocks blocks, RootRequest request) {
    request.briefing().snapshot().ifPresentOrElse(snapshot -> {
      var text = new StringBuilder("*What will change*\n").append(Mrkdwn.escape(snapshot.finding().headline()));
      blocks.section(text.toString());
      for (Finding.Section section : snapshot.finding().sections()) {
        blocks.section("*" + Mrkdwn.escape(section.title()) + "*\n" + (section.verbatim()
            ? Mrkdwn.block(cut(section.text())) + (section.text().length() > PREVIEW_SHOWN_MAX
                ? "\n_Cut here; the whole text is in the thread._" : "")
            : Mrkdwn.escape(section.text())));
      }
      blocks.context(fleetBriefing(request.work()).orElse(":mag: Read in a root session before this card"
          + request.briefing().previewKey().map(key -> " (key " + Mrkdwn.code(key) + ")").orElse("") + " · sha256 "
          + Mrkdwn.code(snapshot.fingerprint().shortForm()) + ": the task changes nothing unless it finds exactly"
          + " this."));
    }, () -> {
      if (request.work().changes()) {
        blocks.section(":grey_question: *Not previewed.* This Rootbot opens no root session before an approval, so"
            + " the task acts on what it finds when it runs.");
      }
    });
    for (String warning : request.briefing().warnings()) {
      blocks.context(":warning: " + Mrkdwn.escape(warning));
    }
  }

  /** Where what a fleet task's card shows came from, and what binds its run. */
  private static Optional<String> fleetBriefing(Work work) {
    if (work instanceof FleetTask.EnableRootAccess) {
      return Optional.of(":mag: Read with Rootbot's own role before this card; the run reads again and turns on only"
          + " what is off then.");
    }
    if (work instanceof FleetTask.AuditFleet) {
      return Optional.of(":mag: The accounts in scope when this was asked; the run reads the organization again when"
          + " it starts.");
    }
    if (work instanceof FleetTask.DeleteCredentialsFleet delete) {
      return Optional.of(":mag: Read by audit " + Mrkdwn.code(delete.audit().value()) + ", a root session per"
          + " account: each account's deletion changes nothing unless it finds exactly what the audit saw there.");
    }
    return Optional.empty();
  }

  /** The Approve dialog's words: what will change, bound by its fingerprint. */
  private String confirmation(RootRequest request) {
    if (request.work() instanceof FleetTask.EnableRootAccess) {
      return "Turn on what is off for *" + Mrkdwn.escape(request.accountName()) + "*? Rootbot's own role calls only"
          + " the steps that are still off when it runs; no root session.";
    }
    if (request.work() instanceof FleetTask fleet) {
      return Mrkdwn.escape(fleet.summary()) + "? One root session per account, at most " + minutes() + " "
          + (minutes() == 1 ? "minute" : "minutes") + " each, a few accounts at a time"
          + (fleet.changes() ? "; each changes nothing unless it finds what the audit saw." : "; it only reads.");
    }
    String where = " A root session in *" + Mrkdwn.escape(request.accountName()) + "* does only this, for at most "
        + minutes() + " " + (minutes() == 1 ? "minute" : "minutes") + ".";
    return request.briefing().snapshot()
        .map(s -> Mrkdwn.escape(s.finding().headline()) + " sha256 " + Mrkdwn.code(s.fingerprint().shortForm()) + "?"
            + where)
        .orElse(Mrkdwn.escape(request.work().summary()) + "?" + where);
  }

  /** A preview section's text as the card shows it: its beginning, when it is long. */
  static String cut(String text) {
    return text.length() <= PREVIEW_SHOWN_MAX ? text : text.substring(0, PREVIEW_SHOWN_MAX) + "…";
  }

  /** What a duplicate card of {@code request} becomes: a pointer to the real card, without buttons. */
  public SlackMessage duplicate(RootRequest request) {
    String text = ":link: This is a duplicate of the card of request " + Mrkdwn.code(request.id().value()) + " ("
        + Mrkdwn.escape(request.work().summary()) + " in " + Mrkdwn.escape(request.accountName()) + "), posted twice"
        + " when Slack's answer was lost. Its real card, in this channel, is the one to use; this one does nothing.";
    return new SlackMessage(Mrkdwn.truncate(text, 3000), new Blocks().section(text).json());
  }

  /** What runs, with what power: the card's promise about root sessions. */
  private String sessions(Work work) {
    if (work instanceof FleetTask.EnableRootAccess) {
      return ":lock: Runs with Rootbot's own role in the management account; no root session";
    }
    if (work instanceof FleetTask fleet) {
      return ":lock: One root session per account, at most " + minutes() + " min each, with "
          + Mrkdwn.code(fleet.policy().orElseThrow().policyName()) + ", a few accounts at a time";
    }
    return ":lock: Root session of at most " + minutes() + " min with "
        + Mrkdwn.code(work.policy().orElseThrow().policyName()) + ", for this task only";
  }

  private List<String[]> fields(RootRequest request) {
    if (request.work() instanceof FleetTask fleet) {
      List<String[]> fields = new ArrayList<>();
      fields.add(new String[] {"Task", Mrkdwn.escape(fleet.summary())});
      fields.add(new String[] {"Organization", Mrkdwn.escape(request.accountName())});
      fields.add(new String[] {"Requested by", Mrkdwn.user(request.requester())});
      return fields;
    }
    RootTask task = request.rootTask().orElseThrow();
    List<String[]> fields = new ArrayList<>();
    fields.add(new String[] {"Task", Mrkdwn.escape(task.summary())});
    fields.add(new String[] {"Account", Mrkdwn.escape(request.accountName()) + " (" + Mrkdwn.code(task.target().value()) + ")"});
    fields.add(new String[] {"Resource", Mrkdwn.code(task.resource())});
    fields.add(new String[] {"Region", task.kind().onRootUser() ? "global (IAM, logged in us-east-1)" : Mrkdwn.escape(task.eventsRegion().code())});
    fields.add(new String[] {"Requested by", Mrkdwn.user(request.requester())});
    return fields;
  }

  private long minutes() {
    return Math.max(1, sessionLength.toMinutes());
  }

  private static String status(RootRequest request, int ahead) {
    String who = request.decidedBy().map(Mrkdwn::user).orElse("");
    String cleared = Cleared.by(request);
    String outcome = request.outcome().map(o -> "\n" + Mrkdwn.escape(o.text())).orElse("");
    switch (request.state()) {
      case APPROVED:
        return ":white_check_mark: *Cleared to run*, " + cleared + (ahead > 0
            ? "; queued, " + ahead + " ahead. It starts as soon as a runner is free."
            : "; starting the root session…");
      case RUNNING:
        if (request.work() instanceof FleetTask) {
          return ":gear: *Running* over the organization, " + cleared + "; its progress is in the thread.";
        }
        return ":gear: *Running* in a root session" + request.accessKeyId().map(k -> " (key " + Mrkdwn.code(k) + ")").orElse("")
            + ", " + cleared + ".";
      case SUCCEEDED:
        return ":white_check_mark: *Done*, " + cleared + "." + outcome + "\nDetails in the thread.";
      case FAILED:
        return ":x: *Failed*, " + cleared + "." + outcome + "\nDetails in the thread.";
      case DENIED:
        return ":no_entry: *Denied* by " + who + request.outcome().map(o -> ": " + o.text()).orElse("")
            + ". Nothing was run.";
      case CANCELLED:
        return ":heavy_multiplication_x: *Cancelled* by " + who + ". Nothing was run.";
      case EXPIRED:
        return ":hourglass: *Expired* " + Mrkdwn.date(request.expiresAt()) + ": nobody approved it in time. Nothing was run.";
      case UNKNOWN:
        return ":warning: *Outcome unknown*" + outcome + "\nIt will not be re-run; check the resource and CloudTrail"
            + " (links in the thread) before asking again.";
      default:
        return "*" + request.state().words() + "*";
    }
  }

  private static String fallback(RootRequest request) {
    return Mrkdwn.escape("Root task request " + request.id().value() + ": " + request.work().summary() + " in "
        + request.accountName() + " (" + request.work().account().value() + ") is " + request.state().words());
  }

  private static String icon(State state) {
    switch (state) {
      case REQUESTED:
        return "🔐";
      case SUCCEEDED:
        return "✅";
      case FAILED:
        return "❌";
      case UNKNOWN:
        return "⚠️";
      default:
        return "🔒";
    }
  }
}
