package dev.rootbot.bot.slack;

import dev.rootbot.bot.text.SlackText;
import com.slack.api.app_backend.views.response.ViewSubmissionResponse;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.rootbot.actions.task.AwsRegion;
import dev.rootbot.bot.command.AskFor;
import dev.rootbot.bot.command.Grammar;
import dev.rootbot.bot.command.TaskForm;
import dev.rootbot.bot.command.UsageError;
import dev.rootbot.bot.flow.Asking;
import dev.rootbot.bot.flow.Refusal;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.Origin;
import dev.rootbot.bot.request.Reason;
import dev.rootbot.bot.request.UserId;
import dev.rootbot.bot.store.SeenEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request form's submission: each field is checked at once and a problem is shown under its field, the
 * form staying open; a complete form closes and files the same request as the typed command, in the channel
 * the form was opened from.
 */
final class FormSubmissionHandler implements ViewSubmissionHandler {
  private final Grammar grammar;
  private final Asking asking;
  private final SeenEvents seen;
  private final Work work;

  FormSubmissionHandler(Grammar grammar, Asking asking, SeenEvents seen, Work work) {
    this.grammar = grammar;
    this.asking = asking;
    this.seen = seen;
    this.work = work;
  }

  @Override
  public Response apply(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    var payload = req.getPayload();
    Map<String, String> values = RequestForm.values(payload.getView().getState().getValues());
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<TaskForm> kind = Optional.ofNullable(values.get(RequestForm.TASK)).flatMap(FormSubmissionHandler::kind);
    if (kind.isEmpty()) {
      errors.put(RequestForm.TASK, "Choose a task.");
    }
    if (!values.containsKey(RequestForm.ACCOUNT)) {
      errors.put(RequestForm.ACCOUNT, "Choose the member account.");
    }
    boolean onResource = kind.map(k -> k == TaskForm.UNLOCK_BUCKET || k == TaskForm.UNLOCK_QUEUE).orElse(false);
    if (onResource && !values.containsKey(RequestForm.RESOURCE)) {
      errors.put(RequestForm.RESOURCE, kind.get() == TaskForm.UNLOCK_BUCKET ? "Name the bucket." : "Name the queue.");
    }
    if (!values.containsKey(RequestForm.REASON)) {
      errors.put(RequestForm.REASON, "Say why you need root: the approver reads it.");
    }
    check(values, RequestForm.REGION, AwsRegion::parse, errors);
    check(values, RequestForm.REASON, Reason::fromPlainText, errors);
    if (!errors.isEmpty()) {
      return errors(ctx, errors);
    }
    AskFor ask;
    try {
      ask = grammar.fromForm(kind.get(), values.get(RequestForm.ACCOUNT),
          Optional.ofNullable(values.get(RequestForm.RESOURCE)), Optional.ofNullable(values.get(RequestForm.REGION)),
          Optional.ofNullable(values.get(RequestForm.REASON)));
    } catch (UsageError e) {
      errors.put(onResource ? RequestForm.RESOURCE : RequestForm.ACCOUNT, SlackText.unescape(e.problem()));
      return errors(ctx, errors);
    }
    String channel = payload.getView().getPrivateMetadata();
    UserId requester = new UserId(payload.getUser().getId());
    Answer answer = Answer.ephemeral(ctx.client(), channel, requester.value(), Optional.empty());
    boolean taken = work.submit("form request", Replays.once(req, seen, () -> {
      try {
        asking.ask(ask, requester, Origin.channel(new ChannelId(channel)));
      } catch (UsageError e) {
        answer.tell(e.getMessage());
      } catch (Refusal refusal) {
        answer.tell(refusal.mrkdwn());
      }
    }));
    if (!taken) {
      errors.put(RequestForm.REASON, "Rootbot is busy right now; submit again in a minute.");
      return errors(ctx, errors);
    }
    return ctx.ack();
  }

  private static void check(Map<String, String> values, String field, java.util.function.Function<String, ?> parse,
      Map<String, String> errors) {
    String value = values.get(field);
    if (value == null || errors.containsKey(field)) {
      return;
    }
    try {
      parse.apply(value);
    } catch (IllegalArgumentException e) {
      errors.put(field, e.getMessage());
    }
  }

  private static Response errors(ViewSubmissionContext ctx, Map<String, String> errors) {
    return ctx.ack(ViewSubmissionResponse.builder().responseAction("errors").errors(errors).build());
  }

  private static Optional<TaskForm> kind(String name) {
    try {
      return Optional.of(TaskForm.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
