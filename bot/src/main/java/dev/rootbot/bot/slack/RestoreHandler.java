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
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.SeenEvents;

/**
 * "Restore previous policy" under an unlock's result: files a new request, in the same thread, to put the
 * backed-up policy back. It needs its own approval like any other.
 */
final class RestoreHandler implements BlockActionHandler {
  private final Asking asking;
  private final SeenEvents seen;
  private final Work work;

  RestoreHandler(Asking asking, SeenEvents seen, Work work) {
    this.asking = asking;
    this.seen = seen;
    this.work = work;
  }

  @Override
  public Response apply(BlockActionRequest req, ActionContext ctx) {
    var payload = req.getPayload();
    Answer answer = Answer.viaAction(ctx);
    RequestId unlock;
    UserId clicker;
    try {
      unlock = RequestId.parse(payload.getActions().get(0).getValue());
      clicker = new UserId(payload.getUser().getId());
    } catch (IllegalArgumentException e) {
      return ctx.ack();
    }
    String channel = payload.getChannel().getId();
    String thread = payload.getContainer().getThreadTs() != null
        ? payload.getContainer().getThreadTs() : payload.getContainer().getMessageTs();
    Origin origin = Origin.thread(new ChannelId(channel), new MessageTs(thread));
    boolean taken = work.submit("restore", Replays.once(req, seen, () -> {
      try {
        asking.restore(unlock, clicker, origin);
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
