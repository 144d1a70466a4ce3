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
 * The Deny form, submitted: the denier comes from the signed payload, the request, channel and card from what
 * the form remembered; the reason is required. The decision runs after the ack; a refusal is told to the
 * denier only.
 */
final class DenySubmissionHandler implements ViewSubmissionHandler {
  private final BiFunction<Click, String, Optional<String>> deny;
  private final SeenEvents seen;
  private final Work work;

  /** @param deny e.g. {@code deciding::deny}: what to tell the denier, or empty when it worked */
  DenySubmissionHandler(BiFunction<Click, String, Optional<String>> deny, SeenEvents seen, Work work) {
    this.deny = deny;
    this.seen = seen;
    this.work = work;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var payload = req.getPayload();
    Optional<String> reason = DenyForm.reason(payload.getView().getState().getValues());
    if (reason.isEmpty()) {
      return ctx.ack(ViewSubmissionResponse.builder().responseAction("errors")
          .errors(Map.of(DenyForm.REASON, "Say why, in a few words: the requester reads it.")).build());
    }
    try {
      Reason.fromPlainText(reason.get());
    } catch (IllegalArgumentException e) {
      return ctx.ack(ViewSubmissionResponse.builder().responseAction("errors")
          .errors(Map.of(DenyForm.REASON, e.getMessage())).build());
    }
    Optional<Click> click = DenyForm.click(payload.getView().getPrivateMetadata(), new UserId(payload.getUser().getId()));
    if (click.isEmpty()) {
      return ctx.ack(); // not a form Rootbot made
    }
    Answer answer = Answer.ephemeral(ctx.client(), click.get().channel().value(), click.get().clicker().value(),
        Optional.empty());
    if (!work.submit("deny", Replays.once(req, seen, () -> deny.apply(click.get(), reason.get())
        .ifPresent(answer::tell)))) {
      return ctx.ack(ViewSubmissionResponse.builder().responseAction("errors")
          .errors(Map.of(DenyForm.REASON, "Rootbot is busy right now; submit again in a minute.")).build());
    }
    return ctx.ack();
  }
}
