package dev.rootbot.sandbox.slack;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What Slack does with the bot's acknowledgement of a slash command or a form submission. */
final class AckEffects {
  private static final Logger log = LoggerFactory.getLogger(AckEffects.class);

  private final Parts parts;

  AckEffects(Parts parts) {
    this.parts = parts;
  }

  /**
   * A slash command: no answer in time and Slack tells the person the command failed; an answer with a
   * body is a message response, ephemeral unless it says {@code in_channel}, in which case Slack also
   * shows the command the person typed.
   */
  void afterCommand(Person person, Channel channel, String command, String text, BotResponse response) {
    if (!response.acknowledged()) {
      String error = response.timedOut() ? "operation_timeout" : "dispatch_failed";
      parts.state().post(new Ephemeral(channel.id(), person.id(), parts.ids().nextTs(),
          command + " failed with the error \"" + error + "\"", "[]", Optional.empty(), Via.SLACK));
      return;
    }
    if (response.body().isBlank()) {
      return;
    }
    JsonObject message = Json.parseObject(response.body()).orElseGet(() -> {
      JsonObject plain = new JsonObject();
      plain.addProperty("text", response.body());
      return plain;
    });
    if ("in_channel".equals(Json.string(message, "response_type").orElse(""))) {
      parts.state().post(Message.of(channel.id(), parts.ids().nextTs(), person, (command + " " + text).trim(), "[]",
          Optional.empty(), false, Via.PERSON));
    }
    try {
      parts.responses().apply(new MessageResponses.Target(channel.id(), person.id(), Optional.empty()), message,
          Via.ACK);
    } catch (SlackError e) {
      log.info("Slack would show nothing for a slash command acknowledgement it refuses ({}): {}", e.getMessage(),
          response.body());
    }
  }

  /**
   * A form submission: no {@code response_action} closes the form; {@code errors} shows them on it;
   * {@code update} replaces it; {@code push} opens another on top; {@code clear} closes every form.
   * Without an answer in time, the form stays open as it was.
   */
  void afterSubmission(View view, BotResponse response) {
    if (!response.acknowledged()) {
      return;
    }
    JsonObject answer = Json.parseObject(response.body()).orElseGet(JsonObject::new);
    String action = Json.string(answer, "response_action").orElse("");
    try {
      switch (action) {
        case "errors" -> parts.state().replace(view.withErrors(errors(answer)));
        case "update" -> parts.state().replace(parts.views().replaced(view, newView(answer)));
        case "push" -> parts.state().push(parts.views().created(view.user(), newView(answer), Optional.of(view)));
        case "clear" -> parts.state().closeAll(view.user());
        default -> parts.state().close(view.id());
      }
    } catch (SlackError e) {
      log.info("Slack would refuse the answer to a form submission ({}): {}", e.getMessage(), response.body());
    }
  }

  private static JsonObject newView(JsonObject answer) throws SlackError {
    return ViewMethods.modal(Json.object(answer, "view").map(Json::write).orElse(""));
  }

  private static Map<String, String> errors(JsonObject answer) {
    return Json.object(answer, "errors").orElseGet(JsonObject::new).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
  }
}
