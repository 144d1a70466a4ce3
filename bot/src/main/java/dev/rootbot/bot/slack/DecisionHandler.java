package dev.rootbot.bot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A click on Approve, Deny or Cancel. The clicker comes from the signed payload and the request from the
 * store by the button's ID; the decision runs after the ack, and a refusal is told to the clicker only.
 */
final class DecisionHandler implements BlockActionHandler {
  private final String name;
  private final BiFunction<RequestId, UserId, Optional<String>> decide;
  private final Work work;

  /** @param decide e.g. {@code deciding::approve}: what to tell the clicker, or empty when it worked */
  DecisionHandler(String name, BiFunction<RequestId, UserId, Optional<String>> decide, Work work) {
    this.name = name;
    this.decide = decide;
    this.work = work;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    var payload = req.getPayload();
    Answer answer = Answer.viaAction(ctx);
    RequestId id;
    UserId clicker;
    try {
      id = RequestId.parse(payload.getActions().get(0).getValue());
      clicker = new UserId(payload.getUser().getId());
    } catch (IllegalArgumentException e) {
      return ctx.ack(); // not a button Rootbot made
    }
    if (!work.submit(name, () -> decide.apply(id, clicker).ifPresent(answer::tell))) {
      answer.tell(Work.BUSY);
    }
    return ctx.ack();
  }
}
