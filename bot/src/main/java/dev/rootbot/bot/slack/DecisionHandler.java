package dev.rootbot.bot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rootbot.bot.flow.Click;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.Optional;
import java.util.function.Function;

/**
 * A click on Approve, Deny or Cancel. The clicker, the channel and the message come from the signed payload and
 * the request from the store by the button's ID; the decision runs after the ack, and a refusal is told to the
 * clicker only.
 */
final class DecisionHandler implements BlockActionHandler {
  private final String name;
  private final Function<Click, Optional<String>> decide;
  private final Work work;

  /** @param decide e.g. {@code deciding::approve}: what to tell the clicker, or empty when it worked */
  DecisionHandler(String name, Function<Click, Optional<String>> decide, Work work) {
    this.name = name;
    this.decide = decide;
    this.work = work;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    var payload = req.getPayload();
    Answer answer = Answer.viaAction(ctx);
    Click click;
    try {
      click = new Click(RequestId.parse(payload.getActions().get(0).getValue()), new UserId(payload.getUser().getId()),
          new ChannelId(payload.getChannel().getId()), new MessageTs(payload.getContainer().getMessageTs()));
    } catch (RuntimeException e) {
      return ctx.ack(); // not a button on a message Rootbot made
    }
    if (!work.submit(name, () -> decide.apply(click).ifPresent(answer::tell))) {
      answer.tell(Work.BUSY);
    }
    return ctx.ack();
  }
}
