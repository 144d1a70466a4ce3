package dev.rootbot.bot.slack;

import java.util.Optional;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.flow.Refusal;
import dev.rootbot.bot.flow.RunningFleet;
import dev.rootbot.bot.card.FleetReplies;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppMentionEvent;
import dev.rootbot.actions.org.OrganizationDirectory;
import dev.rootbot.bot.card.Card;
import dev.rootbot.bot.card.ThreadReplies;
import dev.rootbot.bot.command.Grammar;
import dev.rootbot.bot.flow.Asking;
import dev.rootbot.bot.flow.Deciding;
import dev.rootbot.bot.request.BreakGlassReview;
import dev.rootbot.bot.flow.ReadingHistory;
import dev.rootbot.bot.flow.TellingPolicy;
import dev.rootbot.bot.store.SeenEvents;
import java.util.function.Supplier;

/**
 * The Bolt app: every interaction Rootbot answers, registered here, one line each. The same app is served
 * over HTTP by {@link HttpEndpoint} or over Socket Mode; the handlers never know which.
 */
public final class SlackApp {
  private SlackApp() {}

  /**
   * @param status the answer to {@code /root status}, computed on a work thread
   * @param history the answer to {@code /root history …}, computed on a work thread
   * @param policy the answer to {@code /root policy …}, computed on a work thread
   * @param jobs runs what each handler does after its ack
   */
  public static App build(Slack slack, String botToken, String command, Grammar grammar, Asking asking,
      Deciding deciding, OrganizationDirectory directory, Supplier<String> status, ReadingHistory history,
      TellingPolicy policy, SeenEvents seen, Work jobs, RunningFleet fleet) {
    var config = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(botToken)
        // Requests are verified before Bolt sees them, more strictly than Bolt does (SignatureCheck).
        .requestVerificationEnabled(false)
        // Events Rootbot does not handle still get 200, so Slack does not retry them.
        .allEventsApiAutoAckEnabled(true)
        .build();
    var app = new App(config);
    app.command(command, new RootCommandHandler(grammar, asking, status, history, policy, seen, jobs));
    app.event(AppMentionEvent.class, new MentionHandler(grammar, asking, status, history, policy, seen, jobs));
    app.blockAction(Card.APPROVE, new DecisionHandler("approve", deciding::approve, jobs));
    app.blockAction(Card.DENY, new CommentFormHandler(CommentForm.DENY, "Deny"));
    app.viewSubmission(CommentForm.DENY.callback(), new CommentSubmissionHandler(CommentForm.DENY, "deny",
        (click, why) -> deciding.deny(click, why.orElseThrow()), seen, jobs));
    app.blockAction(Card.JUSTIFIED, new CommentFormHandler(CommentForm.JUSTIFIED, "Justified"));
    app.viewSubmission(CommentForm.JUSTIFIED.callback(), new CommentSubmissionHandler(CommentForm.JUSTIFIED, "review",
        (click, comment) -> deciding.review(click, BreakGlassReview.Verdict.JUSTIFIED, comment), seen, jobs));
    app.blockAction(Card.NOT_JUSTIFIED, new CommentFormHandler(CommentForm.NOT_JUSTIFIED, "Not justified"));
    app.viewSubmission(CommentForm.NOT_JUSTIFIED.callback(), new CommentSubmissionHandler(CommentForm.NOT_JUSTIFIED,
        "review", (click, comment) -> deciding.review(click, BreakGlassReview.Verdict.NOT_JUSTIFIED, comment), seen,
        jobs));
    app.blockAction(Card.CANCEL, new DecisionHandler("cancel", deciding::cancel, jobs));
    app.blockAction(ThreadReplies.RESTORE, new FollowUpHandler("restore", asking::restore, seen, jobs));
    app.blockAction(ThreadReplies.AGAIN, new FollowUpHandler("file again", asking::again, seen, jobs));
    app.blockAction(FleetReplies.DELETE_FLEET, new CommentFormHandler(CommentForm.DELETE_FLEET,
        "Delete root credentials"));
    app.viewSubmission(CommentForm.DELETE_FLEET.callback(), new CommentSubmissionHandler(CommentForm.DELETE_FLEET,
        "delete fleet", (click, why) -> {
          try {
            asking.deleteFleet(click.request(), click.clicker(), click.channel(), Reason.fromPlainText(why.orElseThrow()));
            return Optional.empty();
          } catch (Refusal refusal) {
            return Optional.of(refusal.mrkdwn());
          }
        }, seen, jobs));
    app.blockAction(FleetReplies.STOP, new DecisionHandler("stop", fleet::stop, jobs));
    app.viewSubmission(RequestForm.CALLBACK, new FormSubmissionHandler(grammar, asking, seen, jobs));
    app.blockSuggestion(RequestForm.ACCOUNT, new AccountOptionsHandler(directory));
    return app;
  }
}
