package dev.rootbot.bot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RequestId;

/**
 * A click on a button that needs a few words first (Deny, a review): opens its {@link CommentForm} (a modal must
 * open within the click's three seconds, so before the ack). Nothing is decided yet; the submission decides.
 */
final class CommentFormHandler implements BlockActionHandler {
  private final CommentForm form;
  private final String button;

  /** @param button the button's label, for "click Deny again" */
  CommentFormHandler(CommentForm form, String button) {
    this.form = form;
    this.button = button;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    var payload = req.getPayload();
    Answer answer = Answer.viaAction(ctx);
    String view;
    try {
      view = form.view(RequestId.parse(payload.getActions().get(0).getValue()),
          new ChannelId(payload.getChannel().getId()), new MessageTs(payload.getContainer().getMessageTs()));
    } catch (RuntimeException e) {
      return ctx.ack(); // not a button on a message Rootbot made
    }
    try {
      var opened = ctx.client().viewsOpen(r -> r.triggerId(payload.getTriggerId()).viewAsString(view));
      if (!opened.isOk()) {
        answer.tell("Slack would not open the form (" + opened.getError() + "). Click " + button + " again.");
      }
    } catch (Exception e) {
      answer.tell("Slack did not open the form. Click " + button + " again.");
    }
    return ctx.ack();
  }
}
