package dev.rootbot.bot.slack;

import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.rootbot.bot.flow.Click;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.SeenEvents;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A {@link CommentForm}, submitted: who submitted comes from the signed payload, the request, channel and card
 * from what the form remembered. Bad text is answered in the form itself; the decision runs after the ack, and
 * a refusal is told to the submitter only.
 */
final class CommentSubmissionHandler implements ViewSubmissionHandler {
  private final CommentForm form;
  private final String attempted;
  private final BiFunction<Click, Optional<String>, Optional<String>> decide;
  private final SeenEvents seen;
  private final Work work;

  /** @param decide e.g. a deny: what to tell the submitter, or empty when it worked */
  CommentSubmissionHandler(CommentForm form, String attempted, BiFunction<Click, Optional<String>, Optional<String>> decide,
      SeenEvents seen, Work work) {
    this.form = form;
    this.attempted = attempted;
    this.decide = decide;
    this.seen = seen;
    this.work = work;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var payload = req.getPayload();
    Optional<String> text = form.text(payload.getView().getState().getValues());
    if (text.isEmpty() && form.required()) {
      return error(ctx, form.missing());
    }
    if (text.isPresent()) {
      try {
        Reason.fromPlainText(text.get());
      } catch (IllegalArgumentException e) {
        return error(ctx, e.getMessage());
      }
    }
    Optional<Click> click = CommentForm.click(payload.getView().getPrivateMetadata(), new UserId(payload.getUser().getId()));
    if (click.isEmpty()) {
      return ctx.ack(); // not a form Rootbot made
    }
    Answer answer = Answer.ephemeral(ctx.client(), click.get().channel().value(), click.get().clicker().value(),
        Optional.empty());
    if (!work.submit(attempted, Replays.once(req, seen, () -> decide.apply(click.get(), text).ifPresent(answer::tell)))) {
      return error(ctx, "Rootbot is busy right now; submit again in a minute.");
    }
    return ctx.ack();
  }

  private Response error(ViewSubmissionContext ctx, String message) {
    return ctx.ack(ViewSubmissionResponse.builder().responseAction("errors").errors(Map.of(form.field(), message)).build());
  }
}
