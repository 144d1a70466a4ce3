package dev.rootbot.bot.slack;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.model.event.AppMentionEvent;
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
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.SeenEvents;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Files a request from {@code @rootbot …} in a channel or an incident thread. The card and every later
 * message go to that thread (a mention at the top level starts one). Answers that only the sender should
 * see are ephemeral, in the same thread. A repeated event (same {@code event_id}) is acknowledged and dropped.
 */
final class MentionHandler implements BoltEventHandler<AppMentionEvent> {
  private final Grammar grammar;
  private final Asking asking;
  private final Supplier<String> status;
  private final ReadingHistory history;
  private final TellingPolicy policy;
  private final SeenEvents seen;
  private final Work work;

  MentionHandler(Grammar grammar, Asking asking, Supplier<String> status, ReadingHistory history, TellingPolicy policy, SeenEvents seen,
      Work work) {
    this.grammar = grammar;
    this.asking = asking;
    this.status = status;
    this.history = history;
    this.policy = policy;
    this.seen = seen;
    this.work = work;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (event.getUser() == null || event.getBotId() != null) {
      return ctx.ack(); // bots, including this one, do not file requests
    }
    String threadTs = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    // An answer only the sender sees goes where they wrote: into their thread, or at the top level (a thread that
    // does not exist yet would hide it).
    Answer answer = Answer.ephemeral(ctx.client(), event.getChannel(), event.getUser(),
        Optional.ofNullable(event.getThreadTs()));
    String eventId = payload.getEventId();
    boolean taken = work.submit("@rootbot", () -> {
      // Slack re-sends an event it thinks was missed, maybe to another replica: the shared store says if it is new.
      if (eventId == null || seen.firstSighting(eventId)) {
        handle(event, threadTs, ctx.getBotUserId(), answer);
      }
    });
    if (!taken) {
      answer.tell(Work.BUSY);
    }
    return ctx.ack();
  }

  private void handle(AppMentionEvent event, String threadTs, String botUserId, Answer answer) {
    Command command;
    try {
      command = grammar.parseMention(event.getText(), new UserId(botUserId));
    } catch (UsageError e) {
      answer.tell(e.getMessage());
      return;
    }
    if (command instanceof Command.Help || command instanceof Command.OpenForm) {
      answer.tell(grammar.help());
      return;
    }
    if (command instanceof Command.Status) {
      answer.tell(status.get());
      return;
    }
    if (command instanceof Command.History asked) {
      answer.tell(history.tell(asked, new UserId(event.getUser())));
      return;
    }
    if (command instanceof Command.PolicyQuestion asked) {
      answer.tell(policy.tell(asked, new UserId(event.getUser()), new ChannelId(event.getChannel())));
      return;
    }
    Origin origin = Origin.thread(new ChannelId(event.getChannel()), new MessageTs(threadTs));
    try {
      if (command instanceof FleetAsk fleet) {
        asking.fleet(fleet, new UserId(event.getUser()), origin);
      } else if (command instanceof Command.BreakGlass glass) {
        asking.breakGlass(glass.ask(), new UserId(event.getUser()), origin);
      } else {
        asking.ask((AskFor) command, new UserId(event.getUser()), origin);
      }
    } catch (UsageError e) {
      answer.tell(e.getMessage());
    } catch (Refusal refusal) {
      answer.tell(refusal.mrkdwn());
    }
  }
}
