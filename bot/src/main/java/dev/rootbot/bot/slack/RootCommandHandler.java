package dev.rootbot.bot.slack;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.rootbot.bot.command.AskFor;
import dev.rootbot.bot.command.FleetAsk;
import dev.rootbot.bot.command.Command;
import dev.rootbot.bot.command.Grammar;
import dev.rootbot.bot.command.UsageError;
import dev.rootbot.bot.flow.Asking;
import dev.rootbot.bot.flow.ReadingHistory;
import dev.rootbot.bot.flow.TellingPolicy;
import dev.rootbot.bot.flow.Refusal;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.SeenEvents;
import java.util.function.Supplier;

/**
 * Files a request from {@code /root …}: the grammar first (bad input is answered at once, only to the sender,
 * and nothing is stored), then the ack, then Slack, Organizations and the store in the background.
 */
final class RootCommandHandler implements SlashCommandHandler {
  private final Grammar grammar;
  private final Asking asking;
  private final Supplier<String> status;
  private final ReadingHistory history;
  private final TellingPolicy policy;
  private final SeenEvents seen;
  private final Work work;

  RootCommandHandler(Grammar grammar, Asking asking, Supplier<String> status, ReadingHistory history, TellingPolicy policy,
      SeenEvents seen, Work work) {
    this.grammar = grammar;
    this.asking = asking;
    this.status = status;
    this.history = history;
    this.policy = policy;
    this.seen = seen;
    this.work = work;
  }

  @Override
  public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
    var payload = req.getPayload();
    Command command;
    try {
      command = grammar.parse(payload.getText() == null ? "" : payload.getText());
    } catch (UsageError e) {
      return ctx.ack(e.getMessage());
    }
    if (command instanceof Command.Help) {
      return ctx.ack(grammar.help());
    }
    if (command instanceof Command.OpenForm) {
      return openForm(payload.getTriggerId(), payload.getChannelId(), ctx);
    }
    Answer answer = Answer.viaCommand(ctx);
    if (command instanceof Command.Status) {
      boolean taken = work.submit("/root status", () -> answer.tell(status.get()));
      return ctx.ack(taken ? ":mag: Checking centralized root access with AWS…" : Work.BUSY);
    }
    if (command instanceof Command.History asked) {
      UserId asker = new UserId(payload.getUserId());
      boolean taken = work.submit("/root history", () -> answer.tell(history.tell(asked, asker)));
      return ctx.ack(taken ? ":mag: Reading the audit log…" : Work.BUSY);
    }
    if (command instanceof Command.PolicyQuestion asked) {
      UserId asker = new UserId(payload.getUserId());
      ChannelId channel = new ChannelId(payload.getChannelId());
      boolean taken = work.submit("/root policy", () -> answer.tell(policy.tell(asked, asker, channel)));
      return ctx.ack(taken ? ":mag: Reading the approval policy…" : Work.BUSY);
    }
    if (command instanceof FleetAsk fleet) {
      UserId requester = new UserId(payload.getUserId());
      Origin origin = Origin.channel(new ChannelId(payload.getChannelId()));
      boolean taken = work.submit("/root request", Replays.once(req, seen, () -> {
        try {
          asking.fleet(fleet, requester, origin);
        } catch (UsageError e) {
          answer.tell(e.getMessage());
        } catch (Refusal refusal) {
          answer.tell(refusal.mrkdwn());
        }
      }));
      return ctx.ack(taken ? ":hourglass_flowing_sand: Reading the organization; the request's card will appear in this"
          + " channel." : Work.BUSY);
    }
    boolean breakingGlass = command instanceof Command.BreakGlass;
    AskFor ask = command instanceof Command.BreakGlass glass ? glass.ask() : (AskFor) command;
    UserId requester = new UserId(payload.getUserId());
    Origin origin = Origin.channel(new ChannelId(payload.getChannelId()));
    boolean taken = work.submit(breakingGlass ? "/root break-glass" : "/root request", Replays.once(req, seen, () -> {
      try {
        if (breakingGlass) {
          asking.breakGlass(ask, requester, origin);
        } else {
          asking.ask(ask, requester, origin);
        }
      } catch (UsageError e) {
        answer.tell(e.getMessage());
      } catch (Refusal refusal) {
        answer.tell(refusal.mrkdwn());
      }
    }));
    if (!taken) {
      return ctx.ack(Work.BUSY);
    }
    return ctx.ack(breakingGlass
        ? ":rotating_light: Checking that you may break glass; if so it runs at once and is announced."
        : ":hourglass_flowing_sand: Checking your request; its card will appear in this channel for a second person to approve.");
  }

  /** views.open must use the trigger within 3 seconds, so the form opens before the ack. */
  private Response openForm(String triggerId, String channel, SlashCommandContext ctx) {
    try {
      var opened = ctx.client().viewsOpen(r -> r.triggerId(triggerId).viewAsString(RequestForm.view(channel)));
      if (!opened.isOk()) {
        return ctx.ack("Could not open the form (" + opened.getError() + "). Type the request instead:\n" + grammar.help());
      }
      return ctx.ack();
    } catch (Exception e) {
      return ctx.ack("Could not open the form. Type the request instead:\n" + grammar.help());
    }
  }
}
