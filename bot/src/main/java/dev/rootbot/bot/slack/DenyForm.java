package dev.rootbot.bot.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.view.ViewState;
import dev.rootbot.bot.flow.Click;
import dev.rootbot.bot.request.ChannelId;
import dev.rootbot.bot.request.MessageTs;
import dev.rootbot.bot.request.RequestId;
import dev.rootbot.bot.request.UserId;
import java.util.Map;
import java.util.Optional;

/**
 * The small form a click on Deny opens: why, which the card and the audit log keep. It remembers the click
 * (request, channel, card) in its private metadata, which Slack hands back with the signed submission.
 */
final class DenyForm {
  static final String CALLBACK = "deny_reason";
  static final String REASON = "deny_reason";

  private DenyForm() {}

  static String view(RequestId request, ChannelId channel, MessageTs card) {
    var remembered = new JsonObject();
    remembered.addProperty("request", request.value());
    remembered.addProperty("channel", channel.value());
    remembered.addProperty("card", card.value());
    var view = new JsonObject();
    view.addProperty("type", "modal");
    view.addProperty("callback_id", CALLBACK);
    view.addProperty("private_metadata", remembered.toString());
    view.add("title", RequestForm.text("Deny root task"));
    view.add("submit", RequestForm.text("Deny"));
    view.add("close", RequestForm.text("Keep it"));
    var blocks = new JsonArray();
    var reason = RequestForm.element("plain_text_input", REASON, "Not during the release freeze; use the break-glass runbook");
    reason.addProperty("multiline", true);
    reason.addProperty("max_length", 500);
    blocks.add(RequestForm.input(REASON, "Why deny request " + request.value() + "?", reason, false,
        "The requester and the channel read it on the card; it is kept in the audit log."));
    view.add("blocks", blocks);
    return view.toString();
  }

  /** The click the form was opened for, from its private metadata, by {@code submitter}. */
  static Optional<Click> click(String privateMetadata, UserId submitter) {
    try {
      JsonObject remembered = JsonParser.parseString(privateMetadata).getAsJsonObject();
      return Optional.of(new Click(RequestId.parse(remembered.get("request").getAsString()), submitter,
          new ChannelId(remembered.get("channel").getAsString()), new MessageTs(remembered.get("card").getAsString())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<String> reason(Map<String, Map<String, ViewState.Value>> state) {
    return Optional.ofNullable(state).map(s -> s.get(REASON)).map(block -> block.get(REASON))
        .map(ViewState.Value::getValue).map(String::strip).filter(v -> !v.isEmpty());
  }
}
