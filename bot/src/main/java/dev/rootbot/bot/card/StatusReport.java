package dev.rootbot.bot.card;

import dev.rootbot.actions.org.Readiness;
import dev.rootbot.actions.org.ScpReport;
import dev.rootbot.bot.request.RootRequest;
import java.util.List;
import java.util.Optional;

/** The answer to {@code /root status}: whether centralized root access is ready, what to fix, and the open requests. */
public final class StatusReport {
  private StatusReport() {}

  public static String render(Readiness readiness, List<RootRequest> open) {
    return render(readiness, Optional.empty(), open);
  }

  /**
   * @param scps where service control policies block root sessions, if it could be read; an SCP that blocks
   *     somewhere makes the organization not ready there, whatever the features say
   */
  public static String render(Readiness readiness, Optional<ScpReport> scps, List<RootRequest> open) {
    boolean blocked = scps.map(r -> !r.blocked().isEmpty()).orElse(false);
    var text = new StringBuilder(readiness.ready() && !blocked
        ? ":white_check_mark: *Centralized root access is ready.*\n"
        : readiness.ready()
            ? ":warning: *Centralized root access is ready, but service control policies block root sessions in"
                + " some accounts* (below).\n"
            : ":warning: *Centralized root access is not ready.* Fix what is marked :x: below.\n");
    for (Readiness.Check check : readiness.checks()) {
      text.append(check.ok() ? ":white_check_mark: " : ":x: ").append('*').append(Mrkdwn.escape(check.name()))
          .append("*: ").append(Mrkdwn.escape(check.detail()));
      if (!check.ok()) {
        text.append("\n      Fix: ").append(Mrkdwn.code(check.fix()));
      }
      text.append('\n');
    }
    scps.ifPresent(report -> {
      List<String> lines = report.lines();
      text.append(report.blocked().isEmpty() ? ":white_check_mark: " : ":x: ").append("*Service control policies*: ");
      if (lines.size() == 1 && report.blocked().isEmpty() && report.uncertain().isEmpty()) {
        text.append(Mrkdwn.escape(lines.get(0))).append('\n');
      } else {
        text.append('\n');
        lines.forEach(line -> text.append("      • ").append(Mrkdwn.escape(line)).append('\n'));
      }
    });
    text.append('\n');
    if (open.isEmpty()) {
      text.append("No open requests.");
    } else {
      text.append("*Open requests*\n");
      for (RootRequest request : open) {
        text.append("• ").append(Mrkdwn.code(request.id().value())).append(' ')
            .append(Mrkdwn.escape(request.work().summary())).append(" in ").append(Mrkdwn.escape(request.accountName()))
            .append(", asked by ").append(Mrkdwn.user(request.requester())).append(": ")
            .append(Mrkdwn.escape(request.state().words())).append('\n');
      }
    }
    return text.toString().strip();
  }

  /** When AWS could not be asked. */
  public static String unavailable(String why) {
    return ":warning: Rootbot could not check centralized root access with AWS: " + Mrkdwn.escape(why);
  }
}
