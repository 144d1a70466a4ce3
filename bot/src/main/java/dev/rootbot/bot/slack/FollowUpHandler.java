package dev.rootbot.bot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.rootbot.bot.command.UsageError;
import dev.rootbot.bot.flow.Asking;
import dev.rootbot.bot.flow.Refusal;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.RootRequest;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.SeenEvents;

/**
 * A button under a result in a card's thread that files a new request about the earlier one, in the same thread:
 * "Restore previous policy" under an unlock, "File it again" under a task that changed since approval. The new
 * request needs its own approval like any other.
 */
final class FollowUpHandler implements BlockActionHandler {
  /** Files the follow-up of request {@code earlier} for {@code clicker}, e.g. {@code asking::restore}. */
  @FunctionalInterface
  interface FollowUp {
    RootRequest file(RequestId earlier, UserId clicker, Origin origin);
  }

  private final String name;
  private final FollowUp followUp;
  private final SeenEvents seen;
  private final Work work;

  FollowUpHandler(String name, FollowUp followUp, SeenEvents seen, Work work) {
    this.name = name;
    this.followUp = followUp;
    this.seen = seen;
    this.work = work;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    var payload = req.getPayload();
    Answer answer = Answer.viaAction(ctx);
    RequestId earlier;
    UserId clicker;
    Origin origin;
    try {
      earlier = RequestId.parse(payload.getActions().get(0).getValue());
      clicker = new UserId(payload.getUser().getId());
      String thread = payload.getContainer().getThreadTs() != null
          ? payload.getContainer().getThreadTs() : payload.getContainer().getMessageTs();
      origin = Origin.thread(new ChannelId(payload.getChannel().getId()), new MessageTs(thread));
    } catch (RuntimeException e) {
      return ctx.ack(); // not a button on a message Rootbot made
    }
    boolean taken = work.submit(name, Replays.once(req, seen, () -> {
      try {
        followUp.file(earlier, clicker, origin);
      } catch (Refusal refusal) {
        answer.tell(refusal.mrkdwn());
      } catch (UsageError e) {
        answer.tell(e.getMessage());
      }
    }));
    if (!taken) {
      answer.tell(Work.BUSY);
    }
    return ctx.ack();
  }
}
